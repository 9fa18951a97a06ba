// The bot's first contact with Slack. At start it checks each token Slack will
// see (auth.test for the bot token; apps.connections.open for Socket Mode's
// app-level token), so a wrong token stops the start with one plain paragraph
// that names the variable and where to find the right value, instead of a stack
// trace after "listening". A Slack that cannot be reached is not a wrong token:
// the check says so (the URL tried and the proxy in use) and keeps trying with
// back-off, while /readyz says "not ready".
import { ErrorCode, LogLevel, type Logger as SlackLogger, WebClient, type WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import type { SlackHealth } from "../observability/slackHealth";

/** Who the bot is, from auth.test: Bolt needs the ids to ignore the bot's own events. */
export interface SlackIdentity {
  teamId: string;
  team: string;
  botId: string;
  botUserId: string;
  url?: string;
}

/** A token Slack refused: stopping is the only useful thing to do. */
export class SlackCredentialsError extends Error {
  constructor(
    readonly variable: "SLACK_BOT_TOKEN" | "SLACK_APP_TOKEN",
    readonly slackError: string,
    message: string,
  ) {
    super(message);
    this.name = "SlackCredentialsError";
  }
}

/** Slack's answers that mean the token itself is wrong, revoked or for another kind of app. */
const REFUSED_TOKEN = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
  "invalid_token",
  "missing_scope",
  "team_access_not_granted",
  "ekm_access_denied",
]);

const WHERE = {
  SLACK_BOT_TOKEN:
    "Copy the Bot User OAuth Token (it starts with xoxb-) from your Slack app's OAuth & Permissions page at https://api.slack.com/apps, and reinstall the app to the workspace if it was removed.",
  SLACK_APP_TOKEN:
    "Create an app-level token with the connections:write scope on your Slack app's Basic Information page, under App-Level Tokens (it starts with xapp-), or leave SLACK_APP_TOKEN unset to run in HTTP mode.",
} as const;

function refusalMessage(variable: keyof typeof WHERE, error: string, needed?: string): string {
  const what =
    error === "missing_scope"
      ? `Slack accepted ${variable} but it is missing the ${needed ?? "required"} scope.`
      : error === "not_allowed_token_type"
        ? `Slack refused ${variable} because it is the wrong kind of token (${error}).`
        : `Slack refused ${variable} (${error}): the token is wrong, revoked or for an app that is no longer installed.`;
  return `Service Communities cannot start. ${what} ${WHERE[variable]}`;
}

export interface ConnectionDeps {
  botToken: string;
  appToken?: string;
  slackApiUrl: string;
  /** The proxy in use for the Web API, for the "cannot reach Slack" message (no credentials). */
  proxyDescription?: string;
  /** The same options as every other client (the proxy's fetch, for example). */
  clientOptions?: WebClientOptions;
  health: SlackHealth;
  logger: Logger;
  /** Waits between attempts; tests pass a quick one. */
  sleep?: (ms: number) => Promise<void>;
  /** Back-off: the first wait and the longest (default 1 s doubling to 60 s). */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

function seconds(ms: number): string {
  const n = Math.max(1, Math.round(ms / 1000));
  return n === 1 ? "1 second" : `${n} seconds`;
}

type Attempt = { ok: true; identity?: SlackIdentity } | { ok: false; transient: string } | { ok: false; refused: SlackCredentialsError };

function describeTransient(error: unknown): string {
  const e = error as {
    code?: string;
    statusCode?: number;
    retryAfter?: number;
    original?: { message?: string; cause?: { code?: string; message?: string } };
  };
  if (e?.code === ErrorCode.RateLimitedError) return `Slack asked us to slow down (retry after ${e.retryAfter} seconds)`;
  if (e?.code === ErrorCode.HTTPError) return `Slack answered HTTP ${e.statusCode}`;
  if (e?.code === ErrorCode.RequestError) {
    const cause = e.original?.cause;
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a time-out) is its cause.
    if (cause?.code) return `${cause.code}${cause.message && cause.message !== cause.code ? `: ${cause.message}` : ""}`;
    return cause?.message ?? e.original?.message ?? "no answer";
  }
  return error instanceof Error ? error.message : String(error);
}

/** The client's own "http request failed" lines would repeat ours: keep them at debug. */
function quiet(logger: Logger): SlackLogger {
  const child = logger.child({ component: "slack-connection" });
  const debug = (...msg: unknown[]) => child.debug(msg.map(String).join(" "));
  return {
    debug,
    info: debug,
    warn: debug,
    error: debug,
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}

/**
 * Checks the tokens until Slack answers, then resolves with the bot's identity.
 * Rejects only with SlackCredentialsError (a token Slack refused).
 */
export class SlackConnection {
  private identity?: SlackIdentity;
  private readonly botClient: WebClient;
  private readonly appClient?: WebClient;
  private stopped = false;
  private wake?: () => void;

  constructor(private readonly deps: ConnectionDeps) {
    // One attempt per call: the back-off here is ours, so each failure is logged plainly.
    const options: WebClientOptions = {
      ...deps.clientOptions,
      slackApiUrl: deps.slackApiUrl,
      retryConfig: { retries: 0 },
      timeout: 10_000,
      rejectRateLimitedCalls: true,
      logger: quiet(deps.logger),
    };
    this.botClient = new WebClient(deps.botToken, options);
    if (deps.appToken) this.appClient = new WebClient(undefined, { ...options, headers: { Authorization: `Bearer ${deps.appToken}` } });
  }

  /** The bot's identity once auth.test has answered; undefined before. */
  current(): SlackIdentity | undefined {
    return this.identity;
  }

  /** Stops the retry loop (on shutdown). */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private async attemptBot(): Promise<Attempt> {
    try {
      const result = await this.botClient.auth.test();
      return {
        ok: true,
        identity: {
          teamId: String(result.team_id ?? ""),
          team: String(result.team ?? ""),
          botId: String(result.bot_id ?? ""),
          botUserId: String(result.user_id ?? ""),
          url: result.url,
        },
      };
    } catch (error) {
      return this.classify("SLACK_BOT_TOKEN", error);
    }
  }

  private async attemptApp(): Promise<Attempt> {
    if (!this.appClient) return { ok: true };
    try {
      // Opens a WebSocket URL we do not use: the only call that checks an app-level token.
      await this.appClient.apiCall("apps.connections.open");
      return { ok: true };
    } catch (error) {
      return this.classify("SLACK_APP_TOKEN", error);
    }
  }

  private classify(variable: keyof typeof WHERE, error: unknown): Attempt {
    const data =
      (error as { code?: string; data?: { error?: string; needed?: string } }).code === ErrorCode.PlatformError
        ? (error as { data: { error: string; needed?: string } }).data
        : undefined;
    if (data && REFUSED_TOKEN.has(data.error)) {
      return { ok: false, refused: new SlackCredentialsError(variable, data.error, refusalMessage(variable, data.error, data.needed)) };
    }
    // Any other platform error means Slack answered: the token works, the call was odd.
    if (data) return { ok: true };
    return { ok: false, transient: describeTransient(error) };
  }

  /**
   * Resolves once both tokens are accepted. A Slack that cannot be reached is
   * retried with back-off (1 s doubling to 60 s), logging each failure.
   */
  async verify(): Promise<SlackIdentity> {
    const sleep =
      this.deps.sleep ??
      ((ms: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        }));
    let waitMs = this.deps.firstRetryMs ?? 1000;
    const maxMs = this.deps.maxRetryMs ?? 60_000;
    for (let attempt = 1; ; attempt++) {
      const bot = await this.attemptBot();
      const app = bot.ok ? await this.attemptApp() : bot;
      if (bot.ok && app.ok && bot.identity) {
        this.identity = bot.identity;
        this.deps.health.recordSuccess();
        if (attempt > 1) this.deps.logger.info({ attempts: attempt }, "Slack answered: carrying on");
        return bot.identity;
      }
      const failed = !bot.ok ? bot : (app as Exclude<Attempt, { ok: true }>);
      if ("refused" in failed) {
        this.deps.health.recordFailure(failed.refused.slackError);
        throw failed.refused;
      }
      this.deps.health.recordFailure(failed.transient);
      this.deps.logger.warn(
        {
          attempt,
          url: this.deps.slackApiUrl,
          proxy: this.deps.proxyDescription ?? "none",
          error: failed.transient,
          retryInSeconds: Math.round(waitMs / 1000),
        },
        `Cannot reach Slack at ${this.deps.slackApiUrl} (${failed.transient}; proxy: ${this.deps.proxyDescription ?? "none"}). Trying again in ${seconds(waitMs)}. The bot is not ready until Slack answers: check the network, HTTPS_PROXY and SLACK_API_URL.`,
      );
      if (this.stopped) throw new Error("stopped before Slack answered");
      await sleep(waitMs);
      if (this.stopped) throw new Error("stopped before Slack answered");
      waitMs = Math.min(maxMs, waitMs * 2);
    }
  }

  /** One auth.test, for the readiness heartbeat when the bot has been quiet. */
  async heartbeat(): Promise<void> {
    try {
      await this.botClient.auth.test();
      this.deps.health.recordSuccess();
    } catch (error) {
      const attempt = this.classify("SLACK_BOT_TOKEN", error);
      if (attempt.ok) this.deps.health.recordSuccess();
      else this.deps.health.recordFailure("refused" in attempt ? attempt.refused.slackError : attempt.transient);
    }
  }
}
