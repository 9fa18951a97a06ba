// The environment, parsed once at start. A bad setting stops the start with a
// message that names every bad variable and what it should look like.
import { z } from "zod";
import { isValidTimezone } from "./domain/common/timezones";

const README_HINT = "See the configuration table in README.md.";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * The values .env.example ships with. They pass the shape checks, so without this
 * a copied, unfilled .env would start a bot that cannot answer anything.
 */
const PLACEHOLDERS: Record<string, { value: RegExp; fix: string }> = {
  SLACK_BOT_TOKEN: { value: /^xoxb-your-bot-token$/i, fix: "the Bot User OAuth Token from your Slack app's OAuth & Permissions page" },
  SLACK_SIGNING_SECRET: { value: /^your-signing-secret$/i, fix: "the Signing Secret from your Slack app's Basic Information page" },
  SLACK_APP_TOKEN: {
    value: /^xapp-your-app-token$/i,
    fix: "an app-level token from your Slack app's Basic Information page, or leave it unset",
  },
};

/** An email address, or a name and address ("Service Communities <communities@example.gov.uk>"). */
const MAIL_ADDRESS = /^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/;
const mailAddress = (error: string) => z.string().regex(MAIL_ADDRESS, { error }).optional();

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: "is required: the bot token from your Slack app's OAuth & Permissions page (xoxb-…)" })
    .regex(/^xoxb-\S+$/, { error: "should be a bot token that starts with xoxb-" }),
  SLACK_SIGNING_SECRET: z.string().min(1, { error: "should not be empty" }).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, { error: "should be an app-level token that starts with xapp- (or leave it unset for HTTP mode)" })
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: "should be an http(s) URL such as https://slack.com/api/" })
    .default("https://slack.com/api/")
    // The Web API client appends method names, so the base must end with a slash.
    .transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  PORT: z.coerce
    .number({ error: "should be a port number such as 3000" })
    .int({ error: "should be a whole port number such as 3000" })
    .min(0, { error: "should be between 0 and 65535" })
    .max(65535, { error: "should be between 0 and 65535" })
    .default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "should be the bot's public base URL, such as https://communities.example.gov.uk" })
    .optional(),
  DATABASE_URL: z
    .string()
    .default("file:./data/communities.db")
    .refine((url) => /^file:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url), {
      error: "should be a SQLite file (file:./data/communities.db) or a PostgreSQL URL (postgresql://user:password@host:5432/db)",
    }),
  DEFAULT_TIMEZONE: z
    .string()
    .default("Europe/London")
    .refine(isValidTimezone, { error: "should be an IANA time zone such as Europe/London" }),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `should be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  // Outbound proxy, in the upper- and lower-case forms curl reads (see "Outbound proxy" in README.md).
  HTTPS_PROXY: proxyUrl(),
  https_proxy: proxyUrl(),
  HTTP_PROXY: proxyUrl(),
  http_proxy: proxyUrl(),
  NO_PROXY: z.string().optional(),
  no_proxy: z.string().optional(),
  METRICS_ENABLED: z.enum(["true", "false"], { error: "should be true or false" }).optional(),
  METRICS_TOKEN: z
    .string()
    .min(16, { error: "should be at least 16 characters: a random secret, such as the output of `openssl rand -hex 32`" })
    .optional(),
  LINK_SECRET: z
    .string()
    .min(32, { error: "should be at least 32 characters: a random secret, such as the output of `openssl rand -hex 32`" })
    .optional(),
  TRUSTED_PROXIES: z.coerce
    .number({ error: "should be how many proxies in front of the bot add X-Forwarded-For, such as 1" })
    .int({ error: "should be a whole number such as 1" })
    .min(0, { error: "should be between 0 and 10" })
    .max(10, { error: "should be between 0 and 10" })
    .optional(),
  WEB_FORMS_PER_MINUTE: z.coerce
    .number({ error: "should be how many web forms one address may send a minute, such as 30" })
    .int({ error: "should be a whole number such as 30" })
    .min(1, { error: "should be between 1 and 10000" })
    .max(10000, { error: "should be between 1 and 10000" })
    .optional(),
  // Email (see "Email" in README.md): GOV.UK Notify, SMTP, or .eml files when neither is set.
  MAIL_FROM: mailAddress("should be an address such as communities@example.gov.uk, or Service Communities <communities@example.gov.uk>"),
  // Where replies to the emails go (SMTP and files; Notify takes only NOTIFY_REPLY_TO_ID).
  MAIL_REPLY_TO: mailAddress("should be an address such as communities-team@example.gov.uk, where replies to the bot's emails go"),
  NOTIFY_API_KEY: z
    .string()
    // The message does not repeat the value: it is a secret.
    .regex(new RegExp(`^\\S+-${UUID}-${UUID}$`, "i"), {
      error:
        "should be a GOV.UK Notify API key as its API integration page gives it: the key's name, then the service id and the secret (two ids like 3d4e…-…)",
    })
    .optional(),
  NOTIFY_TEMPLATE_ID: z
    .string()
    .regex(new RegExp(`^${UUID}$`, "i"), {
      error: "should be the id of your Notify email template, such as 2f3a9c4e-1b2d-4c5e-8f90-123456789abc",
    })
    .optional(),
  NOTIFY_BASE_URL: z
    .url({ protocol: /^https?$/, error: "should be Notify's API address, such as https://api.notifications.service.gov.uk" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  NOTIFY_REPLY_TO_ID: z
    .string()
    .regex(new RegExp(`^${UUID}$`, "i"), { error: "should be the id of a reply-to address set up in Notify (an id like 2f3a9c4e-…)" })
    .optional(),
  NOTIFY_CALLBACK_TOKEN: z
    .string()
    .min(16, { error: "should be at least 16 characters: a random secret, such as the output of `openssl rand -hex 32`" })
    .optional(),
  SMTP_URL: z
    .string()
    // Not echoed: it holds the password.
    .refine(isSmtpUrl, {
      error: "should be an SMTP server's address such as smtp://user:password@smtp.example.gov.uk:587 or smtps://…:465",
    })
    .optional(),
  SMTP_TLS: z.enum(["required", "opportunistic"], { error: "should be required or opportunistic" }).optional(),
  SMTP_CA_FILE: z.string().optional(),
  MAIL_DIR: z.string().optional(),
  MAIL_PER_MINUTE: z.coerce
    .number({ error: "should be how many emails the bot may send a minute, such as 3000" })
    .int({ error: "should be a whole number such as 3000" })
    .min(1, { error: "should be between 1 and 100000" })
    .max(100_000, { error: "should be between 1 and 100000" })
    .optional(),
});

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A proxy URL; a bare host:port means http://host:port, as curl reads it. */
function proxyUrl() {
  return (
    z
      .string()
      .transform((value) => (value.includes("://") ? value.trim() : `http://${value.trim()}`))
      // The message does not repeat the value: it may hold the proxy's password.
      .pipe(z.url({ protocol: /^https?$/, error: "should be a proxy URL such as http://proxy.example.gov.uk:3128 (http:// or https://)" }))
      .optional()
  );
}

/** Where outbound calls go: see outbound/proxy.ts. */
export interface ProxySettings {
  /** For https:// and wss:// destinations (HTTPS_PROXY). */
  httpsProxy?: string;
  /** For http:// and ws:// destinations (HTTP_PROXY). */
  httpProxy?: string;
  /** Hosts reached directly (NO_PROXY): names, .domains, host:port, or *. */
  noProxy?: string;
}

export interface Config {
  slackBotToken: string;
  slackSigningSecret?: string;
  slackAppToken?: string;
  slackApiUrl: string;
  port: number;
  /** Where people's browsers reach this server: calendar links point here. */
  publicUrl: string;
  /** False when PUBLIC_URL was left unset, so links point at localhost (main.ts warns). */
  publicUrlConfigured?: boolean;
  databaseUrl: string;
  defaultTimezone: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** HTTPS_PROXY, HTTP_PROXY and NO_PROXY for every outbound call; unset, calls go direct. */
  proxy?: ProxySettings;
  /** GET /metrics; absent, metrics are off (404). With a token, a scrape must send it as a bearer token. */
  metrics?: { token?: string };
  /**
   * Keys the web pages' signed links (personal links, community page addresses) and their
   * form tokens. Unset, they are keyed from the signing secret (or the bot token in Socket Mode).
   */
  linkSecret?: string;
  /** How many proxies in front of the bot append to X-Forwarded-For (0, unset: none; the socket's address is the client's). */
  trustedProxies?: number;
  /** Web form submissions one client address may make a minute (default 30). */
  webFormsPerMinute?: number;
  /** How email is sent; unset, as .eml files under ./data/mail/ (see mailConfig). */
  mail?: MailConfig;
}

/** Notify's limit for a service: 3,000 messages a minute. */
export const NOTIFY_PER_MINUTE = 3000;
/** Microsoft 365 takes 30 messages a minute from one mailbox over SMTP: a safe default for a server we know nothing of. */
export const SMTP_PER_MINUTE = 30;
/** Files: no one to overwhelm; still bounded, so a runaway plan cannot fill a disk in a second. */
export const FILES_PER_MINUTE = 100_000;

/** Where email goes. `perMinute` paces every replica together (the outbox's claims count what was sent in the last minute). */
export type MailConfig =
  | {
      provider: "notify";
      apiKey: string;
      templateId: string;
      baseUrl: string;
      replyToId?: string;
      /** The bearer token Notify's delivery receipts must carry; unset, the receipts route is off. */
      callbackToken?: string;
      perMinute: number;
    }
  | { provider: "smtp"; url: string; from: string; replyTo?: string; tls: "required" | "opportunistic"; caFile?: string; perMinute: number }
  | { provider: "files"; dir: string; from: string; replyTo?: string; perMinute: number };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bot cannot start because of its configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n${README_HINT}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; empty strings count as unset, as in most .env files. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
  // HTTP mode verifies every request with the signing secret; Socket Mode does not need it.
  if (!cleaned.SLACK_APP_TOKEN && !cleaned.SLACK_SIGNING_SECRET) {
    problems.push(
      "SLACK_SIGNING_SECRET is required in HTTP mode: the signing secret from your Slack app's Basic Information page (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  for (const [variable, placeholder] of Object.entries(PLACEHOLDERS)) {
    if (placeholder.value.test(cleaned[variable] ?? "")) {
      problems.push(`${variable} is still the example value from .env.example: set it to ${placeholder.fix}`);
    }
  }
  problems.push(...mailProblems(cleaned));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackAppToken: e.SLACK_APP_TOKEN,
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    // Unset, links work on the machine running the bot (the local run); set it in production.
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    publicUrlConfigured: e.PUBLIC_URL !== undefined,
    databaseUrl: e.DATABASE_URL,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    proxy: proxySettings(e),
    metrics: metricsSetting(e.METRICS_ENABLED, e.METRICS_TOKEN),
    linkSecret: e.LINK_SECRET,
    trustedProxies: e.TRUSTED_PROXIES,
    webFormsPerMinute: e.WEB_FORMS_PER_MINUTE,
    mail: mailConfig(e),
  };
}

/** Settings that are each well formed but do not go together. */
function mailProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NOTIFY_API_KEY && env.SMTP_URL) {
    problems.push(
      "NOTIFY_API_KEY and SMTP_URL are both set: choose one way to send email (Notify, or your SMTP server), and unset the other",
    );
  }
  if (env.NOTIFY_API_KEY && !env.NOTIFY_TEMPLATE_ID) {
    problems.push("NOTIFY_TEMPLATE_ID is required with NOTIFY_API_KEY: the id of the Notify email template with ((subject)) and ((body))");
  }
  for (const name of ["NOTIFY_TEMPLATE_ID", "NOTIFY_BASE_URL", "NOTIFY_REPLY_TO_ID", "NOTIFY_CALLBACK_TOKEN"]) {
    if (env[name] && !env.NOTIFY_API_KEY)
      problems.push(`${name} is set but NOTIFY_API_KEY is not: set the key to send through Notify, or unset ${name}`);
  }
  if (env.NOTIFY_API_KEY && env.MAIL_REPLY_TO)
    problems.push("MAIL_REPLY_TO is for SMTP: with Notify, set up a reply-to address in Notify and put its id in NOTIFY_REPLY_TO_ID");
  if (env.SMTP_URL && !env.MAIL_FROM)
    problems.push("MAIL_FROM is required with SMTP_URL: the address emails come from, such as communities@example.gov.uk");
  for (const name of ["SMTP_TLS", "SMTP_CA_FILE"]) {
    if (env[name] && !env.SMTP_URL)
      problems.push(`${name} is set but SMTP_URL is not: set SMTP_URL to send through your SMTP server, or unset ${name}`);
  }
  return problems;
}

/** A local server (a developer's mail catcher) need not offer TLS; any other must, unless told otherwise. */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\./.test(host);
}

function mailConfig(e: z.infer<typeof schema>): MailConfig {
  if (e.NOTIFY_API_KEY && e.NOTIFY_TEMPLATE_ID) {
    return {
      provider: "notify",
      apiKey: e.NOTIFY_API_KEY,
      templateId: e.NOTIFY_TEMPLATE_ID,
      baseUrl: e.NOTIFY_BASE_URL ?? "https://api.notifications.service.gov.uk",
      replyToId: e.NOTIFY_REPLY_TO_ID,
      callbackToken: e.NOTIFY_CALLBACK_TOKEN,
      perMinute: e.MAIL_PER_MINUTE ?? NOTIFY_PER_MINUTE,
    };
  }
  if (e.SMTP_URL && e.MAIL_FROM) {
    return {
      provider: "smtp",
      url: e.SMTP_URL,
      from: e.MAIL_FROM,
      replyTo: e.MAIL_REPLY_TO,
      tls: e.SMTP_TLS ?? (isLoopback(e.SMTP_URL) ? "opportunistic" : "required"),
      caFile: e.SMTP_CA_FILE,
      perMinute: e.MAIL_PER_MINUTE ?? SMTP_PER_MINUTE,
    };
  }
  return {
    provider: "files",
    dir: e.MAIL_DIR ?? "./data/mail",
    from: e.MAIL_FROM ?? "Service Communities <no-reply@localhost>",
    replyTo: e.MAIL_REPLY_TO,
    perMinute: e.MAIL_PER_MINUTE ?? FILES_PER_MINUTE,
  };
}

/** The lower-case form wins when both are set, as in curl and proxy-from-env. */
function proxySettings(e: z.infer<typeof schema>): ProxySettings | undefined {
  const settings: ProxySettings = {
    httpsProxy: e.https_proxy ?? e.HTTPS_PROXY,
    httpProxy: e.http_proxy ?? e.HTTP_PROXY,
    noProxy: e.no_proxy ?? e.NO_PROXY,
  };
  return settings.httpsProxy || settings.httpProxy ? settings : undefined;
}

/** On when asked for, or when a token is set (a token means "scrape me"); METRICS_ENABLED=false wins over a token. */
function metricsSetting(enabled: "true" | "false" | undefined, token: string | undefined): Config["metrics"] {
  const on = enabled === undefined ? Boolean(token) : enabled === "true";
  return on ? { token } : undefined;
}
