// One app replica in its own process, for the multi-replica test. It builds the
// real app (no HTTP listener needed) on the shared database and the fake Slack,
// and takes orders over IPC: "dispatch" runs the dispatcher as a tick would,
// "fire" asks the run coordinator first, as node-cron does on each replica, and
// "clock" moves this replica's clock (the round's test walks it from step to step).
import pino from "pino";
import { compose } from "../../src/compose";
import { ManualClock } from "../../src/domain/common/clock";
import { createStore } from "../../src/store";

const store = createStore(process.env.DATABASE_URL!);
const clock = new ManualClock(new Date(process.env.CLOCK_AT!));
const app = compose({
  config: {
    slackBotToken: "xoxb-test-token",
    slackSigningSecret: "test-signing-secret",
    slackApiUrl: process.env.SLACK_API_URL!,
    port: 0,
    publicUrl: "https://communities.test",
    databaseUrl: process.env.DATABASE_URL!,
    defaultTimezone: "Europe/London",
    logLevel: "silent",
  },
  store,
  logger: pino({ level: "silent" }),
  clock,
  owner: process.env.REPLICA_NAME,
  // Fewer channels at once than there are, so the three replicas share them.
  dispatcher: { concurrency: Number(process.env.DISPATCH_CONCURRENCY ?? 50) },
});

process.on("message", async (message: { cmd: "dispatch" | "fire" | "stop" | "clock"; key?: string; at?: string }) => {
  try {
    if (message.cmd === "clock") {
      clock.set(new Date(message.at!));
      process.send!({ ok: true, ran: false });
      return;
    }
    if (message.cmd === "stop") {
      await store.close();
      process.exit(0);
    }
    if (message.cmd === "fire") {
      const ran = await app.runCoordinator.shouldRun(message.key!);
      const report = ran ? await app.tick() : null;
      if (ran) await app.runCoordinator.onComplete(message.key!);
      process.send!({ ok: true, ran, report });
      return;
    }
    process.send!({ ok: true, ran: true, report: await app.tick() });
  } catch (error) {
    process.send!({ ok: false, error: String((error as Error).stack ?? error) });
  }
});
process.send!({ ready: true });
