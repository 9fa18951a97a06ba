// Builds the Bolt app: the receiver (HTTP, or Socket Mode when an app token is
// set), the health route, and every listener. main.ts and the tests share it.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { App, CustomRoute, Receiver } from "@slack/bolt";
// Bolt's modules, not its index: the index also loads the Express and AWS Lambda
// receivers and the OAuth installer (express, jsonwebtoken…), about 6 MB resident
// that this process never uses. The paths are Bolt 5's published dist layout.
import HTTPReceiver from "@slack/bolt/dist/receivers/HTTPReceiver";
import SocketModeReceiver from "@slack/bolt/dist/receivers/SocketModeReceiver";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import type { Config } from "../config";
import { systemClock, type Clock } from "../domain/clock";
import { CommunityService } from "../domain/communities";
import { CommunityDirectory } from "../domain/directory";
import { CoverageService } from "../domain/coverage";
import { OnboardingService } from "../domain/onboarding";
import { DigestService } from "../domain/digests";
import { GroupService } from "../domain/groups";
import { MeetingService } from "../domain/meetings";
import { MembershipService } from "../domain/memberships";
import { InvitationService } from "../domain/invitations";
import { ProblemService } from "../domain/problems";
import { RoleService } from "../domain/roles";
import type { Store } from "../domain/ports";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Dispatcher, type DispatcherSettings } from "../scheduler/dispatcher";
import { OutboxMessages } from "../scheduler/kinds";
import { Pacer } from "../scheduler/pacer";
import { DatabaseRunCoordinator } from "../scheduler/runCoordinator";
import { Scheduler, type TickReport } from "../scheduler/scheduler";
import { createMetrics, type AppMetrics } from "../observability/createMetrics";
import { metricsRoute } from "../observability/metricsRoute";
import { instrumentRequests, WARM_UP } from "../observability/requests";
import { observeWebApiCalls, type WebApiCallObserver } from "../observability/webApiCalls";
import { registerActions } from "./actions";
import { CalendarLinks } from "../web/calendarLinks";
import { calendarRoute } from "../web/calendarRoute";
import { MeetingMessages } from "./meetingMessages";
import { registerCommands } from "./commands";
import { answerMalformedHttp, answerMalformedSocket, CommunitiesApp } from "./edge";
import { registerEvents } from "./events";
import { registerFallbacks } from "./fallbacks";
import { InFlight } from "./inFlight";
import { boltLogger } from "../observability/logger";
import { createOutbound, describeProxy, proxyForUrl, withoutCredentials } from "../outbound/proxy";
import { registerOptions } from "./options";
import { observeListenerErrors } from "./replies";
import type { Services } from "../services";
import { BEFORE_ACK_CALL_TIMEOUT_MS } from "./slackCalls";
import { registerShortcuts } from "./shortcuts";
import { registerViews } from "./views";
import { Readiness } from "../observability/readiness";
import { SlackHealth } from "../observability/slackHealth";
import { SlackConnection, type SlackIdentity } from "../startup/slackConnection";

export interface AppDependencies {
  config: Config;
  store: Store;
  logger: Logger;
  clock?: Clock;
  /** Extra Web API client settings (tests shorten the retry policy). */
  clientOptions?: WebClientOptions;
  /** See CommandSettings.replyBudgetMs; 1500 ms by default, half of Slack's 3 s. */
  replyBudgetMs?: number;
  /** Tuning for the outbox dispatcher (tests shorten the tick's budget). */
  dispatcher?: Partial<DispatcherSettings>;
  /** Gap between two messages to one channel or person; Slack asks for about 1 s. */
  pacingMs?: number;
  /** This process's name in outbox claims and scheduler fires. */
  owner?: string;
  /** Start-up checks against Slack (tests pass quick retries). */
  connection?: { firstRetryMs?: number; maxRetryMs?: number };
  /** How often the readiness heartbeat asks Slack when nothing else has (default 30 s; 0 turns it off). */
  heartbeatMs?: number;
  /** Warm the process up before it reports ready (default true; bench:burst turns it off to show what it buys). */
  warmUp?: boolean;
  /**
   * Used when config.metrics is set (made here if absent). Pass the one whose
   * observeDbQuery the store was built with, so that queries are timed too.
   */
  metrics?: AppMetrics;
}

export interface RunningApp {
  app: App;
  services: Services;
  inFlight: InFlight;
  /** Starts listening; resolves with the HTTP port (0 in config picks a free one). /readyz says "not ready" until connect() resolves. */
  start(): Promise<number>;
  /**
   * Checks the tokens with Slack (retrying while Slack cannot be reached) and, in
   * Socket Mode, opens the socket. Rejects with SlackCredentialsError when Slack
   * refuses a token. The harness calls it too, so every test starts connected.
   */
  connect(): Promise<SlackIdentity>;
  readiness: Readiness;
  slackHealth: SlackHealth;
  /** Stops taking requests, lets in-flight work finish, then returns. */
  stop(): Promise<void>;
  /** The scheduler's work for one minute (node-cron calls it in main.ts; tests call it after moving the clock). */
  tick(): Promise<TickReport>;
  /** Lets one replica run each scheduler fire (node-cron's RunCoordinator). */
  runCoordinator: DatabaseRunCoordinator;
}

/** How late the dispatcher is: the age of the oldest due row still pending (0 when none is). */
async function dispatcherLateness(store: Store, clock: Clock): Promise<number> {
  const now = clock.now();
  const oldest = await store.outbox.oldestDuePending(now);
  return oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0;
}

export function healthRoute(store: Store, clock: Clock = systemClock): CustomRoute {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req, res) => {
      store.ping().then(
        async (ok) => {
          const lateSeconds = ok ? await dispatcherLateness(store, clock).catch(() => null) : null;
          res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
          res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok ? "up" : "down", dispatcher: { oldestDuePendingSeconds: lateSeconds } }));
        },
        () => {
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ status: "unavailable", database: "down" }));
        },
      );
    },
  };
}

export function createApp(deps: AppDependencies): RunningApp {
  const { config, store, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const socketMode = Boolean(config.slackAppToken);
  const directory = new CommunityDirectory({ store, clock });
  const meetings = new MeetingService({ store, clock });
  const communities = new CommunityService({ store, clock, directory });
  const memberships = new MembershipService({ store, clock, directory });
  // Socket Mode has no signing secret; the bot token then keys the links.
  const calendarLinks = new CalendarLinks(config.publicUrl, config.slackSigningSecret ?? config.slackBotToken);
  const services: Services = {
    communities,
    memberships,
    invitations: new InvitationService({ store, clock, communities, memberships }),
    problems: new ProblemService({ store, clock }),
    roles: new RoleService({ store, clock, directory }),
    meetings,
    digests: new DigestService({ store, clock }),
    groups: new GroupService({ store, clock, communities }),
    coverage: new CoverageService({ store }),
    onboarding: new OnboardingService({ store, clock }),
    calendarLinks,
    meetingMessages: new MeetingMessages({ meetings, calendarLinks, logger }),
    clock,
    defaultTimezone: config.defaultTimezone,
    logger,
  };
  // HTTPS_PROXY/HTTP_PROXY/NO_PROXY: one route for every outbound call (undefined, and nothing changes, when unset).
  const outbound = createOutbound(config.proxy);
  const slackProxy = config.proxy ? proxyForUrl(config.slackApiUrl, config.proxy) : undefined;
  logger.info({ proxy: describeProxy(config.proxy) ?? "none" }, outbound ? "outbound calls go through a proxy" : "outbound calls go direct (no proxy set)");
  // Metrics are off unless configured: then GET /metrics is not even routed (404).
  const metrics = config.metrics ? (deps.metrics ?? createMetrics()) : undefined;
  // Readiness runs on real time, whatever clock the domain uses: it is about this process, now.
  const slackHealth = new SlackHealth(systemClock);
  /** Every Web API result: readiness hears whether Slack answered, and metrics (when on) count it. */
  const onWebApiCall: WebApiCallObserver = (call) => {
    // No answer at all, or Slack failing (5xx), means the route to Slack is not working now.
    if (call.result === "request_failed" || call.result === "timeout" || /^http_5/.test(call.result)) slackHealth.recordFailure(call.result);
    else slackHealth.recordSuccess();
    metrics?.observeWebApiCall(call);
  };
  /** A client's options, plus a transport (around the proxy's, if any) that reports each of its Web API calls. */
  const observed = (options: WebClientOptions): WebClientOptions => ({ ...options, ...observeWebApiCalls(onWebApiCall, { slackApiUrl: config.slackApiUrl, fetch: options.fetch }) });
  const connection = new SlackConnection({
    botToken: config.slackBotToken,
    appToken: config.slackAppToken,
    slackApiUrl: config.slackApiUrl,
    proxyDescription: slackProxy ? withoutCredentials(slackProxy) : undefined,
    clientOptions: observed({ ...outbound?.clientOptions, ...deps.clientOptions }),
    health: slackHealth,
    logger,
    ...deps.connection,
  });
  let lifecycle: string | undefined = "starting: Slack has not answered yet";
  let socketConnected = false;
  const readiness = new Readiness({
    store,
    slack: slackHealth,
    socketConnected: socketMode ? () => socketConnected : undefined,
    lifecycle: () => lifecycle,
  });
  const customRoutes = [healthRoute(store, clock), readiness.route(), calendarRoute(services)];
  if (metrics) customRoutes.push(metricsRoute(metrics, config.metrics?.token));
  const receiver: Receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.slackAppToken!,
        customRoutes,
        dispatcher: outbound?.dispatcher,
        // The socket is opened through apps.connections.open, on the same Web API host as everything else.
        installerOptions: { port: config.port, clientOptions: observed({ slackApiUrl: config.slackApiUrl, ...outbound?.clientOptions }) },
        logger: boltLogger(logger),
        processEventErrorHandler: answerMalformedSocket,
      })
    : new HTTPReceiver({
        signingSecret: config.slackSigningSecret!,
        customRoutes,
        logger: boltLogger(logger),
        // Slack retries a request it got no answer to; the receiver acks on our behalf only via ack().
        processBeforeResponse: false,
        processEventErrorHandler: answerMalformedHttp,
      });

  const app = new CommunitiesApp({
    // Not `token`: Bolt would call auth.test in its constructor and crash the process
    // with a stack trace on a refused token. connect() checks the token, plainly,
    // and the bot's ids (for ignoring its own events) are filled in once it has.
    authorize: async () => {
      const identity = connection.current();
      // No teamId: Bolt then takes the request's own team, which the workspace checks rely on.
      return { botToken: config.slackBotToken, botId: identity?.botId, botUserId: identity?.botUserId };
    },
    receiver,
    // We keep no per-conversation state in Bolt; its store middleware would run on every request.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions: observed({ slackApiUrl: config.slackApiUrl, ...outbound?.clientOptions, ...deps.clientOptions }),
  });
  if (metrics) {
    instrumentRequests(app, metrics.observeRequest);
    observeListenerErrors(logger, metrics.countError);
    metrics.watchOutbox(
      { countByKindAndStatus: () => store.outbox.countByKindAndStatus(), oldestDueSeconds: () => dispatcherLateness(store, clock) },
      (error) => logger.warn({ err: error }, "metrics: could not read the outbox"),
    );
  }

  const inFlight = new InFlight();
  // Every listener runs inside this middleware, so its work after the ack is counted.
  app.use(async ({ next }) => {
    await inFlight.track(next());
  });
  app.error(async (error) => {
    metrics?.countError("unhandled");
    logger.error({ err: error }, "unhandled listener error");
  });

  // Calls made before an ack must answer inside Slack's 3 s: this client never
  // waits out a rate limit or retries on its own (see app/slackCalls.ts).
  const beforeAckClient = new WebClient(config.slackBotToken, observed({
    slackApiUrl: config.slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: BEFORE_ACK_CALL_TIMEOUT_MS,
    logger: boltLogger(logger),
    ...outbound?.clientOptions,
  }));

  registerCommands(app, services, { replyBudgetMs: deps.replyBudgetMs ?? 1500 });
  registerActions(app, services);
  registerViews(app, services, beforeAckClient);
  registerOptions(app, services);
  registerShortcuts(app, services);
  registerEvents(app, services);
  registerFallbacks(app, services);

  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // The dispatcher's own client: a rate limit or failure comes straight back to it (it
  // reschedules the row) instead of the client waiting or retrying inside a tick.
  const dispatchClient = new WebClient(config.slackBotToken, observed({
    slackApiUrl: config.slackApiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logger: boltLogger(logger),
    ...outbound?.clientOptions,
  }));
  const outboxMessages = new OutboxMessages(services);
  const dispatcher = new Dispatcher({
    outbox: store.outbox,
    build: (row) => outboxMessages.build(row),
    send: async (target, message) => {
      await dispatchClient.chat.postMessage({ channel: target, text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) });
    },
    alertFor: (row, code) => outboxMessages.alertFor(row, code),
    clock,
    pacer: new Pacer(deps.pacingMs ?? 1000),
    logger: logger.child({ component: "dispatcher" }),
    owner,
    settings: deps.dispatcher,
    onRun: metrics?.observeDispatcherRun,
  });
  // With `authorize`, app.client carries no token: the scheduler gets its own.
  const schedulerClient = new WebClient(config.slackBotToken, observed({ slackApiUrl: config.slackApiUrl, logger: boltLogger(logger), ...outbound?.clientOptions, ...deps.clientOptions }));
  const scheduler = new Scheduler({ services, client: schedulerClient, dispatcher, logger: logger.child({ component: "scheduler" }) });

  /**
   * Before a replica says it is ready, it does once what the first requests would
   * otherwise all pay for together: V8 compiling the request path, Prisma's query
   * compiler seeing its first queries, the database pool opening its connections,
   * and the workspace's community list loading. Slack does not ramp: a burst
   * straight after start (or after a deploy) is answered at full speed.
   */
  async function warmUp(identity: SlackIdentity): Promise<void> {
    const started = performance.now();
    try {
      // As many connections as a burst opens at once (the PostgreSQL pool's size; SQLite has one).
      await Promise.all(Array.from({ length: 10 }, () => store.ping()));
      // The busiest paths, through Bolt as Slack sends them, from a user no one is:
      // help and list read and write nothing but the workspace's row, which the
      // first real request would create anyway.
      for (const text of ["help", "list", "help", "list"]) {
        await app.processEvent({
          body: { command: "/community", text, team_id: identity.teamId, user_id: "USLACKBOT", channel_id: "", response_url: "", trigger_id: "" },
          ack: async () => undefined,
          // Not a request from Slack: metrics leave it out.
          customProperties: WARM_UP,
        });
      }
      await inFlight.idle();
      logger.debug({ ms: Math.round(performance.now() - started) }, "warmed up");
    } catch (error) {
      // A failed warm-up costs only speed: the requests it stood for will run cold.
      logger.warn({ err: error }, "warming up failed; carrying on");
    }
  }

  let server: Server | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const heartbeatMs = deps.heartbeatMs ?? 30_000;
  return {
    app,
    services,
    inFlight,
    readiness,
    slackHealth,
    async start() {
      if (socketMode) {
        // Socket Mode talks to Slack over a WebSocket, opened by connect(); PORT serves
        // /healthz, /readyz and the calendar files. Bolt's receiver would open the socket
        // as it starts listening, so we listen here ourselves.
        server = (receiver as unknown as { httpServer: Server }).httpServer;
        await new Promise<void>((resolve, reject) => {
          server!.once("error", reject);
          server!.listen(config.port, () => resolve());
        });
        return (server.address() as AddressInfo).port;
      }
      server = (await app.start(config.port)) as Server;
      return (server.address() as AddressInfo).port;
    },
    async connect() {
      const identity = await connection.verify();
      if (socketMode) {
        const socket = (receiver as SocketModeReceiver).client;
        socket.on("connected", () => {
          socketConnected = true;
        });
        socket.on("disconnected", () => {
          socketConnected = false;
        });
        socket.on("reconnecting", () => {
          socketConnected = false;
        });
        await socket.start();
        socketConnected = true;
      }
      if (deps.warmUp !== false) {
        lifecycle = "warming up";
        await warmUp(identity);
      }
      lifecycle = undefined;
      if (heartbeatMs > 0) {
        // A quiet replica still proves, twice a minute at most, that it can reach Slack.
        heartbeat = setInterval(() => {
          if (slackHealth.quietForMs() >= heartbeatMs || !slackHealth.report().ok) void connection.heartbeat();
        }, heartbeatMs);
        heartbeat.unref();
      }
      return identity;
    },
    runCoordinator: new DatabaseRunCoordinator(store.runs, owner, clock, metrics?.countSchedulerRun),
    tick: () => inFlight.track(scheduler.tick()),
    async stop() {
      lifecycle = "stopping";
      connection.stop();
      if (heartbeat) clearInterval(heartbeat);
      // server.close stops new connections and waits for open requests to end.
      if (socketMode) {
        await (receiver as SocketModeReceiver).client.disconnect().catch(() => undefined);
        await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      } else await app.stop();
      await inFlight.idle();
      await outbound?.close();
    },
  };
}
