// npm run bench:email: the email dispatcher on SQLite and PostgreSQL (the local
// server, or BENCH_POSTGRES_URL), beside the Slack dispatcher on the same database.
//
//  1. 10,000 due emails (BENCH_EMAILS) through the outbox to a real SMTP server in this
//     process (smtp-server, not parsing what it takes), by the real SMTP adapter
//     (nodemailer, a pool of 5 connections): emails a second, end to end;
//  2. the same number with a sender that returns at once: the dispatcher's own cost
//     per email (claims, the build with its refusal check, marking sent), the figure
//     to set beside the Slack dispatcher's;
//  3. the Slack dispatcher over BENCH_SLACK_ROWS (2,000) DMs against a fake Slack in
//     this process that answers at once, as bench:scheduler measures it;
//  4. step 2 again, after the others: the gap between the two is the run's noise floor.
// Unpaced (the pace is configuration, not cost). CPU is this process's: dispatcher,
// database client, SMTP client and server together.
import os from "node:os";
import pino from "pino";
import { ManualClock } from "../src/domain/common/clock";
import { emailPersonId } from "../src/domain/members/people";
import type { OutgoingEmail } from "../src/domain/ports/mail";
import { SmtpMail } from "../src/mail/smtpMail";
import { Dispatcher, type TickCounts } from "../src/scheduler/dispatcher";
import { classifyMailFailure, EMAIL_DISPATCHER_SETTINGS, MailMessages } from "../src/scheduler/mail";
import { MailPacer } from "../src/scheduler/mail/mailPacer";
import { Pacer } from "../src/scheduler/pacer";
import { buildServices } from "../src/services";
import { createStore } from "../src/store";
import { storedMrkdwn } from "../src/views/mrkdwn";
import { FakeSlack } from "../test/support/fakeSlack";
import { testConfig } from "../test/support/harness";
import { SmtpSink } from "../test/support/smtpSink";
import { benchDatabases, migrate } from "./databases";

const NOW = new Date("2026-03-02T10:00:00Z");
const EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const SLACK_ROWS = Number(process.env.BENCH_SLACK_ROWS ?? 2_000);
const logger = pino({ level: "silent" });

interface Run {
  label: string;
  rows: number;
  seconds: number;
  cpuSeconds: number;
  counts: TickCounts;
}

let round = 0;

async function seedEmails(store: ReturnType<typeof createStore>, rows: number): Promise<void> {
  const due = new Date(NOW.getTime() - 60_000);
  round++;
  for (let i = 0; i < rows; i += 1000) {
    await store.db.outboxMessage.createMany({
      data: Array.from({ length: Math.min(1000, rows - i) }, (_, j) => {
        const to = `person${round}-${i + j}@example.org`;
        return {
          kind: "email",
          channel: "email",
          target: emailPersonId(to),
          payload: JSON.stringify({
            to,
            purpose: "notice",
            subject: `Email ${i + j}`,
            text: `Hello ${i + j}.\n\nA line of text.`,
            html: `<p>Hello ${i + j}.</p>`,
          }),
          dueAt: due,
          availableAt: due,
          dedupeKey: `email:bench:${round}:${i + j}`,
        };
      }),
    });
  }
}

async function measure(label: string, rows: number, run: () => Promise<TickCounts>): Promise<Run> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const counts = await run();
  const used = process.cpuUsage(cpu);
  return { label, rows, seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6, counts };
}

async function emailRun(url: string, label: string, send: (email: OutgoingEmail) => Promise<unknown>): Promise<Run> {
  const store = createStore(url);
  await seedEmails(store, EMAILS);
  const clock = new ManualClock(NOW);
  const services = buildServices({ config: testConfig("http://127.0.0.1:9/api/", url), store, clock, logger });
  const messages = new MailMessages(services, "smtp");
  const dispatcher = new Dispatcher<OutgoingEmail>({
    outbox: store.outbox,
    channel: "email",
    build: (row) => messages.build(row),
    send: async (_target, email) => {
      await send(email);
    },
    classify: classifyMailFailure,
    alertFor: (row, _code, failure) => messages.refused(row, failure),
    clock,
    pacer: new MailPacer(0),
    logger,
    owner: "bench",
    settings: { ...EMAIL_DISPATCHER_SETTINGS, budgetMs: 10 * 60_000 },
  });
  const result = await measure(label, EMAILS, () => dispatcher.run());
  await store.close();
  return result;
}

async function slackRun(url: string, slack: FakeSlack): Promise<Run> {
  const store = createStore(url);
  const due = new Date(NOW.getTime() - 60_000);
  round++;
  for (let i = 0; i < SLACK_ROWS; i += 1000) {
    await store.db.outboxMessage.createMany({
      data: Array.from({ length: Math.min(1000, SLACK_ROWS - i) }, (_, j) => ({
        kind: "organiser_alert",
        target: `U${round}x${i + j}`,
        payload: JSON.stringify({ text: `message ${i + j}` }),
        dueAt: due,
        availableAt: due,
        dedupeKey: `bench:${round}:${i + j}`,
      })),
    });
  }
  const dispatcher = new Dispatcher({
    outbox: store.outbox,
    build: async (row) => ({ kind: "send", message: { text: storedMrkdwn(String(row.payload.text)) } }),
    send: async (target, message) => {
      const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer xoxb-bench" },
        body: JSON.stringify({ channel: target, text: message.text }),
      });
      if (!((await res.json()) as { ok: boolean }).ok) throw new Error("not ok");
    },
    alertFor: async () => [],
    clock: new ManualClock(NOW),
    pacer: new Pacer(1000),
    logger,
    owner: "bench",
    settings: { budgetMs: 10 * 60_000 },
  });
  const result = await measure("Slack dispatcher, fake Slack answering at once", SLACK_ROWS, () => dispatcher.run());
  await store.close();
  return result;
}

function line(database: string, r: Run, unit = "an email"): string {
  const sent = r.counts.sent;
  const failed = r.counts.failed + r.counts.retried;
  return `${database.padEnd(10)} ${r.label.padEnd(48)} ${String(sent).padStart(6)}/${r.rows} in ${r.seconds.toFixed(2).padStart(6)} s: ${((r.seconds * 1000) / sent).toFixed(3)} ms ${unit} (${Math.round(sent / r.seconds)} a second), CPU ${((r.cpuSeconds * 1000) / sent).toFixed(3)} ms${failed ? `, ${failed} not sent` : ""}`;
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const sink = await new SmtpSink({ parse: false }).start();
  const slack = new FakeSlack();
  await slack.start();
  const smtp = new SmtpMail({ url: sink.url(), from: "Service Communities <communities@example.gov.uk>", tls: "opportunistic" });
  for (const database of await benchDatabases("sc_bench_email")) {
    try {
      migrate(database.url);
      const before = sink.received.length;
      const viaSmtp = await emailRun(database.url, "email dispatcher → SMTP server (emails a second)", (email) => smtp.send(email));
      if (sink.received.length - before !== viaSmtp.counts.sent) throw new Error("the SMTP server did not receive every email sent");
      console.log(line(database.name, viaSmtp));
      const overhead = await emailRun(database.url, "email dispatcher, sender returning at once", async () => undefined);
      console.log(line(database.name, overhead));
      console.log(line(database.name, await slackRun(database.url, slack), "a message"));
      const again = await emailRun(database.url, "email dispatcher, sender returning at once (A/A)", async () => undefined);
      console.log(line(database.name, again));
      const a = overhead.seconds / overhead.counts.sent;
      const b = again.seconds / again.counts.sent;
      console.log(
        `${database.name.padEnd(10)} noise floor: the two overhead runs differ by ${Math.round((Math.abs(a - b) / Math.min(a, b)) * 100)}%`,
      );
    } finally {
      await database.drop();
    }
  }
  await smtp.close();
  await sink.stop();
  await slack.stop();
  console.log(
    `Load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
