// Before a replica says it is ready, it does once what the first requests would
// otherwise all pay for together: V8 compiling the request path, Prisma's query
// compiler seeing its first queries, the database pool opening its connections,
// and the workspace's community list loading. Slack does not ramp: a burst
// straight after start (or after a deploy) is answered at full speed.
import type { App } from "@slack/bolt";
import type { Logger } from "pino";
import { WARM_UP } from "../observability/requests";
import type { SlackIdentity } from "../startup/slackConnection";
import type { InFlight } from "./support/inFlight";

export async function warmUp(input: {
  app: App;
  inFlight: InFlight;
  ping: () => Promise<unknown>;
  identity: SlackIdentity;
  logger: Logger;
}): Promise<void> {
  const { app, inFlight, ping, identity, logger } = input;
  const started = performance.now();
  try {
    // As many connections as a burst opens at once (the PostgreSQL pool's size; SQLite has one).
    await Promise.all(Array.from({ length: 10 }, () => ping()));
    // The busiest paths, through Bolt as Slack sends them, from a user no one is:
    // help and list read and write nothing but the workspace's row, which the
    // first real request would create anyway.
    for (const text of ["help", "list", "help", "list"]) {
      await app.processEvent({
        body: {
          command: "/community",
          text,
          team_id: identity.teamId,
          user_id: "USLACKBOT",
          channel_id: "",
          response_url: "",
          trigger_id: "",
        },
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
