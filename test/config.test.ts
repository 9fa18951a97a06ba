import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ConfigError, loadConfig } from "../src/config";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

describe("configuration", () => {
  it("fills in the documented defaults", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toEqual({
      slackBotToken: "xoxb-1",
      slackSigningSecret: "s",
      slackAppToken: undefined,
      slackApiUrl: "https://slack.com/api/",
      port: 3000,
      publicUrl: "http://localhost:3000",
      publicUrlConfigured: false,
      databaseUrl: "file:./data/communities.db",
      defaultTimezone: "Europe/London",
      logLevel: "info",
      mail: { provider: "files", dir: "./data/mail", from: "Service Communities <no-reply@localhost>", perMinute: 100_000 },
    });
  });

  it("chooses how email is sent: Notify, SMTP, or files when neither is set", () => {
    const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    const key = "communities_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
    const template = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    expect(loadConfig({ ...base, NOTIFY_API_KEY: key, NOTIFY_TEMPLATE_ID: template, NOTIFY_CALLBACK_TOKEN: "t".repeat(32) }).mail).toEqual({
      provider: "notify",
      apiKey: key,
      templateId: template,
      baseUrl: "https://api.notifications.service.gov.uk",
      replyToId: undefined,
      callbackToken: "t".repeat(32),
      perMinute: 3000,
    });
    expect(
      loadConfig({ ...base, SMTP_URL: "smtp://bot:pw@smtp.example.gov.uk:587", MAIL_FROM: "Communities <c@example.gov.uk>" }).mail,
    ).toEqual({
      provider: "smtp",
      url: "smtp://bot:pw@smtp.example.gov.uk:587",
      from: "Communities <c@example.gov.uk>",
      replyTo: undefined,
      tls: "required",
      caFile: undefined,
      perMinute: 30,
    });
    // A mail catcher on this machine need not offer TLS; MAIL_PER_MINUTE overrides the pace.
    expect(
      loadConfig({ ...base, SMTP_URL: "smtp://127.0.0.1:1025", MAIL_FROM: "c@example.gov.uk", MAIL_PER_MINUTE: "600" }).mail,
    ).toMatchObject({
      tls: "opportunistic",
      perMinute: 600,
    });
    expect(loadConfig({ ...base, MAIL_DIR: "/tmp/outgoing" }).mail).toMatchObject({ provider: "files", dir: "/tmp/outgoing" });
    // Where replies go, for SMTP and files alike.
    expect(
      loadConfig({ ...base, SMTP_URL: "smtp://127.0.0.1:1025", MAIL_FROM: "c@example.gov.uk", MAIL_REPLY_TO: "Team <team@example.gov.uk>" })
        .mail,
    ).toMatchObject({ provider: "smtp", replyTo: "Team <team@example.gov.uk>" });
    expect(loadConfig({ ...base, MAIL_REPLY_TO: "team@example.gov.uk" }).mail).toMatchObject({
      provider: "files",
      replyTo: "team@example.gov.uk",
    });
  });

  it("refuses mail settings that are malformed or do not go together, without repeating secrets", () => {
    const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    const key = "communities_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (error) {
        return (error as ConfigError).problems.join("\n");
      }
      return "";
    };
    expect(problems({ NOTIFY_API_KEY: "secret-but-wrong" })).toMatch(/NOTIFY_API_KEY should be a GOV.UK Notify API key/);
    expect(problems({ NOTIFY_API_KEY: "secret-but-wrong" })).not.toContain("secret-but-wrong");
    expect(problems({ NOTIFY_API_KEY: key })).toMatch(/NOTIFY_TEMPLATE_ID is required with NOTIFY_API_KEY/);
    expect(problems({ NOTIFY_API_KEY: key, NOTIFY_TEMPLATE_ID: "f33517ff-2a88-4f6e-b855-c550268ce08a", SMTP_URL: "smtp://h" })).toMatch(
      /NOTIFY_API_KEY and SMTP_URL are both set/,
    );
    expect(problems({ NOTIFY_CALLBACK_TOKEN: "t".repeat(32) })).toMatch(/NOTIFY_CALLBACK_TOKEN is set but NOTIFY_API_KEY is not/);
    expect(problems({ SMTP_URL: "http://user:hunter2@host" })).toMatch(/SMTP_URL should be an SMTP server's address/);
    expect(problems({ SMTP_URL: "http://user:hunter2@host" })).not.toContain("hunter2");
    expect(problems({ SMTP_URL: "smtp://host" })).toMatch(/MAIL_FROM is required with SMTP_URL/);
    expect(problems({ MAIL_FROM: "not an address" })).toMatch(/MAIL_FROM should be an address/);
    expect(problems({ SMTP_TLS: "required" })).toMatch(/SMTP_TLS is set but SMTP_URL is not/);
    expect(problems({ MAIL_REPLY_TO: "nobody" })).toMatch(/MAIL_REPLY_TO should be an address/);
    expect(
      problems({ NOTIFY_API_KEY: key, NOTIFY_TEMPLATE_ID: "f33517ff-2a88-4f6e-b855-c550268ce08a", MAIL_REPLY_TO: "t@example.gov.uk" }),
    ).toMatch(/MAIL_REPLY_TO is for SMTP: with Notify, set up a reply-to address in Notify and put its id in NOTIFY_REPLY_TO_ID/);
    expect(problems({ MAIL_PER_MINUTE: "0" })).toMatch(/MAIL_PER_MINUTE should be between 1 and 100000/);
  });

  it("takes the web pages' settings, and refuses a short link secret or a count that is not a whole number", () => {
    const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    expect(loadConfig({ ...base, LINK_SECRET: "x".repeat(32), TRUSTED_PROXIES: "1", WEB_FORMS_PER_MINUTE: "10" })).toMatchObject({
      linkSecret: "x".repeat(32),
      trustedProxies: 1,
      webFormsPerMinute: 10,
    });
    expect(() => loadConfig({ ...base, LINK_SECRET: "short" })).toThrow(/LINK_SECRET should be at least 32 characters/);
    expect(() => loadConfig({ ...base, TRUSTED_PROXIES: "one" })).toThrow(/TRUSTED_PROXIES should be how many proxies/);
    expect(() => loadConfig({ ...base, WEB_FORMS_PER_MINUTE: "0" })).toThrow(/WEB_FORMS_PER_MINUTE should be between 1 and 10000/);
  });

  it("takes the public URL calendar links point at, without a trailing slash, and refuses one that is not a URL", () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PUBLIC_URL: "https://communities.example.gov.uk/" }).publicUrl,
    ).toBe("https://communities.example.gov.uk");
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PUBLIC_URL: "communities" })).toThrow(
      /PUBLIC_URL should be the bot's public base URL/,
    );
  });

  it("accepts Socket Mode without a signing secret, PostgreSQL, and an API base without a trailing slash", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_API_URL: "https://slack-gov.com/api",
      DATABASE_URL: "postgresql://u:p@db:5432/communities",
      PORT: "8080",
      DEFAULT_TIMEZONE: "America/New_York",
      LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      slackAppToken: "xapp-1",
      slackApiUrl: "https://slack-gov.com/api/",
      port: 8080,
      defaultTimezone: "America/New_York",
    });
  });

  it("refuses the example values .env.example ships with, naming where to get real ones", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-your-bot-token", SLACK_SIGNING_SECRET: "s" })).toThrow(
      /SLACK_BOT_TOKEN is still the example value from \.env\.example: set it to the Bot User OAuth Token/,
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "your-signing-secret" })).toThrow(
      /SLACK_SIGNING_SECRET is still the example value/,
    );
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-your-app-token" })).toThrow(
      /SLACK_APP_TOKEN is still the example value/,
    );
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PORT: "", LOG_LEVEL: " " }).port).toBe(3000);
  });

  it("names every bad variable and what it should look like", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        SLACK_BOT_TOKEN: "xoxp-user-token",
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        DEFAULT_TIMEZONE: "Europe/Atlantis",
        LOG_LEVEL: "loud",
        SLACK_API_URL: "not a url",
        SLACK_APP_TOKEN: "bad",
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = error!.message;
    for (const fragment of [
      "SLACK_BOT_TOKEN should be a bot token that starts with xoxb-",
      "PORT should be a port number such as 3000",
      "DATABASE_URL should be a SQLite file",
      "DEFAULT_TIMEZONE should be an IANA time zone such as Europe/London",
      "LOG_LEVEL should be one of",
      "SLACK_API_URL should be an http(s) URL",
      "SLACK_APP_TOKEN should be an app-level token that starts with xapp-",
      "See the configuration table in README.md.",
    ]) {
      expect(message).toContain(fragment);
    }
  });

  it("requires the bot token, and the signing secret in HTTP mode", () => {
    expect(() => loadConfig({})).toThrow(/SLACK_BOT_TOKEN is required[\s\S]*SLACK_SIGNING_SECRET is required in HTTP mode/);
  });

  it("stops the bot with exit code 1, a readable message and no stack trace", async () => {
    // The compiled bot, as npm start runs it (globalSetup builds dist/): under tsx the same
    // main.ts took seconds longer, compiling every source file first.
    const env = { PATH: process.env.PATH ?? "", SLACK_BOT_TOKEN: "nope", DATABASE_URL: "file:/tmp/never-created.db" };
    const failure = await run(process.execPath, [path.join(ROOT, "dist/main.js")], { cwd: ROOT, env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    expect(failure!.stderr).toContain("The bot cannot start because of its configuration:");
    expect(failure!.stderr).toContain("SLACK_BOT_TOKEN should be a bot token that starts with xoxb-");
    expect(failure!.stderr).not.toMatch(/\n\s+at /);
  });
});
