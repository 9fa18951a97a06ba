// The composition root: the one place the process's parts are built and wired
// together (the store, the Web API clients, the services and messengers, the
// Bolt app and its HTTP routes, the outbox dispatcher and the scheduler), and
// their lifecycle. main.ts and the tests both call compose(), so a test runs the
// same parts, wired the same way, as production.

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import { createApp, type SlackApp } from "./app/createApp";
import { InFlight } from "./app/support/inFlight";
import { warmUp } from "./app/warmUp";
import { type Config, FILES_PER_MINUTE } from "./config";
import { type Clock, systemClock } from "./domain/common/clock";
import type { Store } from "./domain/ports";
import type { MailPort, OutgoingEmail } from "./domain/ports/mail";
import { createMail } from "./mail/createMail";
import { notifyReceiptsRoute } from "./mail/notifyReceiptsRoute";
import { type AppMetrics, createMetrics } from "./observability/createMetrics";
import { observeDbQueries } from "./observability/dbQueries";
import { dispatcherLateness, healthRoute } from "./observability/healthRoute";
import { metricsRoute } from "./observability/metricsRoute";
import { Readiness } from "./observability/readiness";
import type { SlackHealth } from "./observability/slackHealth";
import { createSlackClients } from "./outbound/slackClients";
import { BANK_HOLIDAYS_COVER, onUncoveredYear } from "./reference/bankHolidays";
import { Dispatcher, type DispatcherSettings, type DispatchPacer } from "./scheduler/dispatcher";
import { OutboxMessages } from "./scheduler/kinds";
import { classifyMailFailure, EMAIL_DISPATCHER_SETTINGS, MailMessages } from "./scheduler/mail";
import { MailPacer } from "./scheduler/mail/mailPacer";
import { Pacer } from "./scheduler/pacer";
import { DatabaseRunCoordinator } from "./scheduler/runCoordinator";
import { Scheduler, type TickReport } from "./scheduler/scheduler";
import { buildServices, type Services } from "./services";
import { SlackConnection, type SlackIdentity } from "./startup/slackConnection";
import { createStore } from "./store";
import { calendarRoute } from "./web/calendarRoute";
import { exportRoute } from "./web/exportRoute";
import { createWebKit } from "./web/kit/webKit";
import { webRoutes } from "./web/routes";

export interface CompositionOptions {
  config: Config;
  logger: Logger;
  /** The database; by default one is opened at config.databaseUrl (its queries timed when metrics are on). */
  store?: Store;
  clock?: Clock;
  /** Extra Web API client settings (tests shorten the retry policy). */
  clientOptions?: WebClientOptions;
  /** See CommandSettings.replyBudgetMs; 1500 ms by default, half of Slack's 3 s. */
  replyBudgetMs?: number;
  /** Tuning for the outbox dispatcher (tests shorten the tick's budget). */
  dispatcher?: Partial<DispatcherSettings>;
  /** Gap between two messages to one channel or person; Slack asks for about 1 s. */
  pacingMs?: number;
  /** The mail adapter; by default the one config.mail names (src/mail/createMail.ts). */
  mail?: MailPort;
  /** Tuning for the email dispatcher (tests shorten the lease and back-off). */
  emailDispatcher?: Partial<DispatcherSettings>;
  /** The email pacer; by default a MailPacer at config.mail's rate, on real time (tests give it a clock of their own). */
  emailPacer?: DispatchPacer;
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
   * observeDbQuery a store you pass was built with, so that queries are timed too.
   */
  metrics?: AppMetrics;
}

export interface Bot {
  app: SlackApp["app"];
  /** The database; stop() leaves it open for the caller to close. */
  store: Store;
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

export function compose(options: CompositionOptions): Bot {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  // Past the last year of the shipped bank holidays only weekends are skipped: said once, so someone refreshes the list.
  onUncoveredYear((year) =>
    logger.warn(
      { year, covered: BANK_HOLIDAYS_COVER },
      "bank holidays are not known for this year: working days are Monday to Friday until src/reference/bank-holidays.json is refreshed",
    ),
  );
  // Metrics are off unless configured: then GET /metrics is not even routed (404).
  const metrics = config.metrics ? (options.metrics ?? createMetrics()) : undefined;
  // Made after the metrics, so that the store's queries are timed too.
  const store =
    options.store ?? createStore(config.databaseUrl, { observe: metrics ? observeDbQueries(metrics.observeDbQuery) : undefined });
  const services = buildServices({
    config,
    store,
    clock,
    logger,
    carriesCalendar: options.mail?.carriesCalendar ?? config.mail?.provider !== "notify",
  });
  const clients = createSlackClients({ config, logger, metrics, clientOptions: options.clientOptions });
  // Notify goes through the same outbound proxy as Slack; SMTP connects directly.
  const mail =
    options.mail ?? createMail(config.mail, { logger, fetch: clients.outbound?.clientOptions.fetch as typeof fetch | undefined });
  const connection = new SlackConnection({
    botToken: config.slackBotToken,
    appToken: config.slackAppToken,
    slackApiUrl: config.slackApiUrl,
    proxyDescription: clients.slackProxyDescription,
    clientOptions: clients.boltClientOptions,
    health: clients.health,
    logger,
    ...options.connection,
  });
  let lifecycle: string | undefined = "starting: Slack has not answered yet";
  const readiness = new Readiness({
    store,
    slack: clients.health,
    // Read at request time, once the Bolt app below exists.
    socketConnected: config.slackAppToken ? () => slack.socketConnected?.() ?? false : undefined,
    lifecycle: () => lifecycle,
  });
  const routes = [healthRoute(store, clock), readiness.route(), calendarRoute(services), exportRoute(services)];
  if (config.mail?.provider === "notify" && config.mail.callbackToken) {
    routes.push(notifyReceiptsRoute(services.mail, config.mail.callbackToken, logger.child({ component: "notify-receipts" })));
  }
  if (metrics) {
    routes.push(metricsRoute(metrics, config.metrics?.token));
    metrics.watchOutbox(
      { countByKindAndStatus: () => store.outbox.countByKindAndStatus(), oldestDueSeconds: () => dispatcherLateness(store, clock) },
      (error) => logger.warn({ err: error }, "metrics: could not read the outbox"),
    );
  }
  // The web pages last: they end with the 404 page for any GET no route above took.
  const inFlight = new InFlight();
  const web = createWebKit({ config, clock, logger, track: (work) => inFlight.track(work) });
  routes.push(...webRoutes(services, web, clients.scheduler, { slackWeb: new URL(config.slackApiUrl).origin }));
  const slack = createApp({
    config,
    services,
    logger,
    routes,
    web,
    clients,
    identity: () => connection.current(),
    inFlight,
    replyBudgetMs: options.replyBudgetMs,
    metrics,
  });

  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const outboxMessages = new OutboxMessages(services);
  const dispatcher = new Dispatcher({
    outbox: store.outbox,
    build: (row) => outboxMessages.build(row),
    send: async (target, message) => {
      await clients.dispatch.chat.postMessage({
        channel: target,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
    },
    alertFor: (row, code) => outboxMessages.alertFor(row, code),
    clock,
    pacer: new Pacer(options.pacingMs ?? 1000),
    logger: logger.child({ component: "dispatcher" }),
    owner,
    settings: options.dispatcher,
    onRun: metrics?.observeDispatcherRun,
  });
  // Email rows have a dispatcher of their own, over the outbox's "email" channel, rather than
  // a channel field on Slack's: everything that differs is a dependency here (the sender, what
  // a failure means, one pace for all recipients across replicas instead of a second a
  // channel, a provider-wide pause on 429, asking Notify about a row whose sender died), and
  // the two run side by side so neither's rate limits or outages hold up the other.
  const mailMessages = new MailMessages(services, mail.provider);
  const perMinute = config.mail?.perMinute ?? FILES_PER_MINUTE;
  const emailDispatcher = new Dispatcher<OutgoingEmail>({
    outbox: store.outbox,
    channel: "email",
    perMinute,
    build: (row) => mailMessages.build(row),
    send: async (_target, email) => {
      await mail.send(email);
    },
    classify: classifyMailFailure,
    alertFor: (row, _code, failure) => mailMessages.refused(row, failure),
    alreadySent: async (row) => (await mail.alreadySent(row.id)) === true,
    clock,
    pacer: options.emailPacer ?? new MailPacer(perMinute),
    logger: logger.child({ component: "email-dispatcher" }),
    owner,
    settings: { ...EMAIL_DISPATCHER_SETTINGS, ...options.emailDispatcher },
  });
  const scheduler = new Scheduler({
    services,
    client: clients.scheduler,
    dispatcher,
    emailDispatcher,
    logger: logger.child({ component: "scheduler" }),
  });

  let heartbeat: NodeJS.Timeout | undefined;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  return {
    app: slack.app,
    store,
    services,
    inFlight,
    readiness,
    slackHealth: clients.health,
    start: () => slack.listen(),
    async connect() {
      const identity = await connection.verify();
      await slack.openSocket();
      if (options.warmUp !== false) {
        lifecycle = "warming up";
        await warmUp({ app: slack.app, inFlight, ping: () => store.ping(), identity, logger });
      }
      lifecycle = undefined;
      if (heartbeatMs > 0) {
        // A quiet replica still proves, twice a minute at most, that it can reach Slack.
        heartbeat = setInterval(() => {
          if (clients.health.quietForMs() >= heartbeatMs || !clients.health.report().ok) void connection.heartbeat();
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
      await slack.close();
      await inFlight.idle();
      await mail.close();
      await clients.outbound?.close();
    },
  };
}
