// Bolt wiring: the receiver (HTTP, or Socket Mode when an app token is set) and
// every listener. What the listeners use (services, clients, routes) is built by
// the composition root, src/compose.ts.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CustomRoute, Receiver } from "@slack/bolt";
// Bolt's modules, not its index: the index also loads the Express and AWS Lambda
// receivers and the OAuth installer (express, jsonwebtoken…), about 6 MB resident
// that this process never uses. The paths are Bolt 5's published dist layout.
import HTTPReceiver from "@slack/bolt/dist/receivers/HTTPReceiver";
import SocketModeReceiver from "@slack/bolt/dist/receivers/SocketModeReceiver";
import type { Logger } from "pino";
import type { Config } from "../config";
import type { AppMetrics } from "../observability/createMetrics";
import { boltLogger } from "../observability/logger";
import { instrumentRequests } from "../observability/requests";
import type { SlackClients } from "../outbound/slackClients";
import type { Services } from "../services";
import type { SlackIdentity } from "../startup/slackConnection";
import { guardSocketModeServer, webDispatchErrorHandler } from "../web/kit/fallbacks";
import type { WebKit } from "../web/kit/webKit";
import { registerActions } from "./actions";
import { registerCommands } from "./commands";
import { CommunitiesApp } from "./edge";
import { answerMalformedHttp, answerMalformedSocket } from "./envelope";
import { registerEvents } from "./events";
import { registerFallbacks } from "./fallbacks";
import { registerOptions } from "./options";
import { registerShortcuts } from "./shortcuts";
import { registerSubmissions } from "./submissions";
import type { InFlight } from "./support/inFlight";
import { observeListenerErrors } from "./support/replies";

export interface SlackAppDependencies {
  config: Config;
  services: Services;
  logger: Logger;
  /** HTTP routes served beside Slack's: health, readiness, metrics, calendar files, web pages. */
  routes: CustomRoute[];
  /** The web pages' kit: what answers a request no route takes, or whose address cannot be read. */
  web?: WebKit;
  clients: Pick<SlackClients, "outbound" | "boltClientOptions" | "socketClientOptions" | "beforeAck">;
  /** The bot's ids once the start-up check has them (Bolt ignores the bot's own events by them). */
  identity: () => SlackIdentity | undefined;
  /** Every listener runs inside it, so its work after the ack is counted. */
  inFlight: InFlight;
  /** See CommandSettings.replyBudgetMs; 1500 ms by default, half of Slack's 3 s. */
  replyBudgetMs?: number;
  metrics?: AppMetrics;
}

export interface SlackApp {
  app: CommunitiesApp;
  /** Starts the HTTP server; resolves with its port (0 in config picks a free one). */
  listen(): Promise<number>;
  /** In Socket Mode, opens the socket; over HTTP there is nothing to open. */
  openSocket(): Promise<void>;
  /** Socket Mode only: whether the socket is connected now. */
  socketConnected: (() => boolean) | undefined;
  /** Stops taking requests; open HTTP requests end first. */
  close(): Promise<void>;
}

export function createApp(deps: SlackAppDependencies): SlackApp {
  const { config, services, logger, routes, clients, metrics } = deps;
  const socketMode = Boolean(config.slackAppToken);
  const receiver: Receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.slackAppToken!,
        customRoutes: routes,
        dispatcher: clients.outbound?.dispatcher,
        // The socket is opened through apps.connections.open, on the same Web API host as everything else.
        installerOptions: { port: config.port, clientOptions: clients.socketClientOptions },
        logger: boltLogger(logger),
        processEventErrorHandler: answerMalformedSocket,
      })
    : new HTTPReceiver({
        signingSecret: config.slackSigningSecret!,
        customRoutes: routes,
        logger: boltLogger(logger),
        // Slack retries a request it got no answer to; the receiver acks on our behalf only via ack().
        processBeforeResponse: false,
        processEventErrorHandler: answerMalformedHttp,
        ...(deps.web ? { dispatchErrorHandler: webDispatchErrorHandler(deps.web) } : {}),
      });
  if (socketMode && deps.web) guardSocketModeServer(deps.web, (receiver as unknown as { httpServer: Server }).httpServer);

  const app = new CommunitiesApp({
    // Not `token`: Bolt would call auth.test in its constructor and crash the process
    // with a stack trace on a refused token. The composition root checks the token,
    // plainly, and the bot's ids (for ignoring its own events) are filled in once it has.
    authorize: async () => {
      const identity = deps.identity();
      // No teamId: Bolt then takes the request's own team, which the workspace checks rely on.
      return { botToken: config.slackBotToken, botId: identity?.botId, botUserId: identity?.botUserId };
    },
    receiver,
    // We keep no per-conversation state in Bolt; its store middleware would run on every request.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions: clients.boltClientOptions,
  });
  if (metrics) {
    instrumentRequests(app, metrics.observeRequest);
    observeListenerErrors(logger, metrics.countError);
  }
  app.use(async ({ next }) => {
    await deps.inFlight.track(next());
  });
  app.error(async (error) => {
    metrics?.countError("unhandled");
    logger.error({ err: error }, "unhandled listener error");
  });

  registerCommands(app, services, { replyBudgetMs: deps.replyBudgetMs ?? 1500 });
  registerActions(app, services);
  registerSubmissions(app, services, clients.beforeAck);
  registerOptions(app, services);
  registerShortcuts(app, services);
  registerEvents(app, services);
  registerFallbacks(app, services);

  let server: Server | undefined;
  let socketConnected = false;
  return {
    app,
    async listen() {
      if (socketMode) {
        // Socket Mode talks to Slack over a WebSocket, opened by openSocket(); PORT serves
        // /healthz, /readyz and the calendar files. Bolt's receiver would open the socket
        // as it starts listening, so we listen here ourselves, on the server it built for the
        // custom routes (a private field of SocketModeReceiver, hence the cast).
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
    async openSocket() {
      if (!socketMode) return;
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
    },
    socketConnected: socketMode ? () => socketConnected : undefined,
    async close() {
      // server.close stops new connections and waits for open requests to end.
      if (socketMode) {
        await (receiver as SocketModeReceiver).client.disconnect().catch(() => undefined);
        await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      } else await app.stop();
    },
  };
}
