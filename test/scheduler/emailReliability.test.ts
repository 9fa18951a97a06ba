// 1,000 emails due, the SMTP server refusing connections, then taking mail again,
// and the sending process killed with SIGKILL in the middle: all 1,000 arrive,
// none twice. Real processes (the app composed as in production, by SMTP), a real
// SMTP server in this process; the injected clock only says what is due.
//
// The kill comes while the server is holding its answer to DATA (as a slow server
// does) and every email it has already taken is marked sent: the emails in flight
// were not delivered (SMTP hands over an email with its 250), so the second process
// must send them, and only them. The one window no SMTP client can close, a kill
// between the server's 250 and the row's one UPDATE, is the same as Slack's; an
// email sent again then carries the same Message-ID (adapters.test.ts, Notify's
// reference in emailDelivery.test.ts).
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { emailPersonId } from "../../src/domain/members/people";
import * as kinds from "../../src/domain/outbox";
import { createStore } from "../../src/store";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { SmtpSink } from "../support/smtpSink";

const NOW = new Date("2026-03-02T10:00:00.000Z");
const EMAILS = 1000;

interface Reply {
  ok: boolean;
  report?: { email?: { sent: number; retried: number; claimed: number } };
  error?: string;
}

function startSender(name: string, env: Record<string, string>) {
  const child: ChildProcess = fork(path.join(__dirname, "../support/mailReplica.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env, REPLICA_NAME: name, NODE_OPTIONS: "" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("message", () => resolve());
  });
  const tick = (at: Date) =>
    new Promise<Reply>((done) => {
      child.once("message", (reply) => done(reply as Reply));
      child.send({ cmd: "tick", at: at.toISOString() });
    });
  return { child, ready, exited, tick };
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("1,000 emails across a refusing server and a kill -9", () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let slack: FakeSlack;
  let store: ReturnType<typeof createStore>;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.url);
    sink = await new SmtpSink({ parse: false }).start();
    slack = new FakeSlack();
    await slack.start();
  });
  afterAll(async () => {
    await store?.close();
    await sink?.stop();
    await slack?.stop();
    await database?.release();
  });

  it("delivers every one exactly once", async () => {
    const rows = Array.from({ length: EMAILS }, (_, i) => {
      const to = `person${i}@example.org`;
      return kinds.email.row({
        target: emailPersonId(to),
        payload: { to, purpose: "notice", subject: `Email ${i}`, text: `Body ${i}` },
        dueAt: NOW,
        dedupeKey: `email:reliability:${i}`,
      });
    });
    expect(await store.outbox.plan(rows, NOW)).toBe(EMAILS);
    const env = { DATABASE_URL: database.url, SMTP_URL: sink.url(), SLACK_API_URL: slack.apiUrl, CLOCK_AT: NOW.toISOString() };

    // The server is down: every email fails to connect and waits for its back-off (1 s on the injected clock).
    await sink.refuse();
    const first = startSender("sender-a", env);
    await first.ready;
    const down = await first.tick(NOW);
    expect(down.ok).toBe(true);
    expect(down.report?.email).toMatchObject({ sent: 0, retried: EMAILS });
    expect(await store.db.outboxMessage.count({ where: { channel: "email", status: "pending", attempts: 1 } })).toBe(EMAILS);

    // Back up; the sender is killed in the middle of the next tick, with emails in flight.
    await sink.accept();
    sink.holdAfter = 300;
    void first.tick(new Date(NOW.getTime() + 2000));
    await until(() => sink.heldCount > 0, "an email held in flight");
    await until(
      async () => (await store.db.outboxMessage.count({ where: { channel: "email", status: "sent" } })) === sink.received.length,
      "the taken emails marked sent",
    );
    const inFlight = sink.heldCount;
    first.child.kill("SIGKILL");
    await first.exited;
    await until(() => sink.openConnections === 0, "the killed sender's connections to close");
    const taken = sink.received.length;
    expect(taken).toBeGreaterThanOrEqual(300);
    sink.release();
    // What was in flight when the sender died was not delivered: only what the server had answered 250 to.
    expect(sink.received).toHaveLength(taken);
    expect(await store.db.outboxMessage.count({ where: { channel: "email", status: "sent" } })).toBe(taken);
    const claimedByDead = await store.db.outboxMessage.count({ where: { channel: "email", status: "pending", claimedBy: "sender-a" } });
    expect(claimedByDead).toBeGreaterThanOrEqual(inFlight);

    // A second process, once the dead one's lease (60 s) has run out, sends the rest.
    const second = startSender("sender-b", env);
    await second.ready;
    let at = NOW.getTime() + 2000 + 61_000;
    for (let i = 0; i < 5 && sink.received.length < EMAILS; i++) {
      const reply = await second.tick(new Date(at));
      expect(reply.ok).toBe(true);
      at += 2000;
    }
    second.child.send({ cmd: "stop" });
    await second.exited;

    expect(sink.received).toHaveLength(EMAILS);
    const ids = new Set(sink.received.map((m) => m.messageId));
    expect(ids.size).toBe(EMAILS);
    const sent = await store.db.outboxMessage.findMany({ where: { channel: "email" }, select: { id: true, status: true } });
    expect(sent.every((r) => r.status === "sent")).toBe(true);
    expect([...ids].sort()).toEqual(sent.map((r) => `<${r.id}@example.gov.uk>`).sort());
    expect(new Set(sink.received.map((m) => m.envelope.to[0])).size).toBe(EMAILS);
  }, 120_000);
});
