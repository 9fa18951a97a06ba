// The process's Web API clients, and the transport under them. Every client goes
// through the outbound proxy when one is set, and reports each call to one
// observer: readiness hears whether Slack answered, and metrics (when on) count it.
// Bolt's own client serves listeners; the others are made here because each needs
// a different retry policy (see each one's comment).
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import type { Config } from "../config";
import { systemClock } from "../domain/common/clock";
import { BEFORE_ACK_CALL_TIMEOUT_MS } from "../messaging/slackCalls";
import type { AppMetrics } from "../observability/createMetrics";
import { boltLogger } from "../observability/logger";
import { SlackHealth } from "../observability/slackHealth";
import { observeWebApiCalls, type WebApiCallObserver } from "../observability/webApiCalls";
import { createOutbound, describeProxy, type Outbound, proxyForUrl, withoutCredentials } from "./proxy";

export interface SlackClients {
  /** The proxy route (undefined, and nothing changes, when no proxy is set). */
  outbound: Outbound | undefined;
  /** The proxy the Web API goes through, without credentials, for the start-up messages. */
  slackProxyDescription: string | undefined;
  /** Whether Slack has been answering: fed by every client here. */
  health: SlackHealth;
  /** A client's options, plus a transport (around the proxy's, if any) that reports each of its Web API calls. */
  observed(options: WebClientOptions): WebClientOptions;
  /** For Bolt's own client (app.client in listeners, and respond()). */
  boltClientOptions: WebClientOptions;
  /** For apps.connections.open, which opens the Socket Mode connection. */
  socketClientOptions: WebClientOptions;
  /** Calls made before an ack, which must answer inside Slack's 3 s. */
  beforeAck: WebClient;
  /** The outbox dispatcher's sends. */
  dispatch: WebClient;
  /** The scheduler's announcements. */
  scheduler: WebClient;
}

export interface SlackClientSettings {
  config: Config;
  logger: Logger;
  metrics?: AppMetrics;
  /** Extra settings for the clients that retry (tests shorten the retry policy). */
  clientOptions?: WebClientOptions;
}

export function createSlackClients({ config, logger, metrics, clientOptions }: SlackClientSettings): SlackClients {
  // HTTPS_PROXY/HTTP_PROXY/NO_PROXY: one route for every outbound call (undefined, and nothing changes, when unset).
  const outbound = createOutbound(config.proxy);
  const slackProxy = config.proxy ? proxyForUrl(config.slackApiUrl, config.proxy) : undefined;
  logger.info(
    { proxy: describeProxy(config.proxy) ?? "none" },
    outbound ? "outbound calls go through a proxy" : "outbound calls go direct (no proxy set)",
  );
  // Readiness runs on real time, whatever clock the domain uses: it is about this process, now.
  const health = new SlackHealth(systemClock);
  const onWebApiCall: WebApiCallObserver = (call) => {
    // No answer at all, or Slack failing (5xx), means the route to Slack is not working now.
    if (call.result === "request_failed" || call.result === "timeout" || /^http_5/.test(call.result)) health.recordFailure(call.result);
    else health.recordSuccess();
    metrics?.observeWebApiCall(call);
  };
  const observed = (options: WebClientOptions): WebClientOptions => ({
    ...options,
    ...observeWebApiCalls(onWebApiCall, { slackApiUrl: config.slackApiUrl, fetch: options.fetch }),
  });
  /** A client that never waits out a rate limit or retries on its own: the failure comes straight back to its caller. */
  const noRetries = (timeout: number) =>
    new WebClient(
      config.slackBotToken,
      observed({
        slackApiUrl: config.slackApiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        timeout,
        logger: boltLogger(logger),
        ...outbound?.clientOptions,
      }),
    );
  return {
    outbound,
    slackProxyDescription: slackProxy ? withoutCredentials(slackProxy) : undefined,
    health,
    observed,
    boltClientOptions: observed({ slackApiUrl: config.slackApiUrl, ...outbound?.clientOptions, ...clientOptions }),
    socketClientOptions: observed({ slackApiUrl: config.slackApiUrl, ...outbound?.clientOptions }),
    // Calls made before an ack must answer inside Slack's 3 s (see messaging/slackCalls.ts).
    beforeAck: noRetries(BEFORE_ACK_CALL_TIMEOUT_MS),
    // A rate limit or failure goes back to the dispatcher, which reschedules the row,
    // instead of the client waiting or retrying inside a tick.
    dispatch: noRetries(10_000),
    // With `authorize`, Bolt's app.client carries no token: the scheduler gets its own.
    scheduler: new WebClient(
      config.slackBotToken,
      observed({ slackApiUrl: config.slackApiUrl, logger: boltLogger(logger), ...outbound?.clientOptions, ...clientOptions }),
    ),
  };
}
