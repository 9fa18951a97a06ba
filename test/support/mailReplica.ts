// One app process that sends email, for the reliability test: the real app
// (compose) on the shared database, sending by SMTP to the test's server, taking
// orders over IPC: "tick" runs the scheduler's tick (both dispatchers) at a given
// time. The test kills it with SIGKILL in the middle of a tick.
import pino from "pino";
import { compose } from "../../src/compose";
import { ManualClock } from "../../src/domain/common/clock";
import { SmtpMail } from "../../src/mail/smtpMail";
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
    mail: {
      provider: "smtp",
      url: process.env.SMTP_URL!,
      from: "Service Communities <communities@example.gov.uk>",
      tls: "opportunistic",
      perMinute: 100_000,
    },
  },
  store,
  logger: pino({ level: "silent" }),
  clock,
  owner: process.env.REPLICA_NAME,
  mail: new SmtpMail({
    url: process.env.SMTP_URL!,
    from: "Service Communities <communities@example.gov.uk>",
    tls: "opportunistic",
    maxConnections: 5,
  }),
  emailDispatcher: { leaseMs: 60_000, backoffMs: 1000, maxAttempts: 10 },
});

process.on("message", async (message: { cmd: "tick" | "stop"; at?: string }) => {
  try {
    if (message.cmd === "stop") {
      await store.close();
      process.exit(0);
    }
    if (message.at) clock.set(new Date(message.at));
    process.send!({ ok: true, report: await app.tick() });
  } catch (error) {
    process.send!({ ok: false, error: String((error as Error).stack ?? error) });
  }
});
process.send!({ ready: true });
