// npm run bench:meeting-email: what a meeting's emails cost the Slack dispatcher
// that writes them, on SQLite and PostgreSQL (the local server, or BENCH_POSTGRES_URL).
//
// A community with BENCH_MEMBERS (1,000) members by email schedules a meeting; its
// meeting_email row, when due, becomes one email a member (the recipients read, then
// each email written: text, HTML, Notify's markdown and its own iCalendar invitation),
// planned as outbox rows. Measured: the build (wall and CPU a member), the plan of the
// rows, and the stored size of a row. Then the same for its cancellation once every
// invitation is marked sent (who was invited is read back from those rows). The
// invitation's build is run twice (A/A): the first warms up, and their gap bounds the
// run's noise. Last, the one read a meeting change costs a community with no address.
import os from "node:os";
import pino from "pino";
import { ManualClock } from "../src/domain/common/clock";
import { checkMeetingDraft } from "../src/domain/meetings/meetingDraft";
import { emailPersonId } from "../src/domain/members/people";
import type { NewOutboxRow, OutboxRow } from "../src/domain/ports";
import { OutboxMessages } from "../src/scheduler/kinds";
import { buildServices } from "../src/services";
import { createStore } from "../src/store";
import { TEAM_ID, testConfig } from "../test/support/harness";
import { seedCommunity } from "../test/support/seed";
import { benchDatabases, migrate } from "./databases";

const NOW = new Date("2026-03-02T10:00:00Z");
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000);
const logger = pino({ level: "silent" });

interface Timed<T> {
  value: T;
  ms: number;
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

async function run(url: string, name: string): Promise<void> {
  const store = createStore(url);
  const clock = new ManualClock(NOW);
  const services = buildServices({ config: testConfig("http://127.0.0.1:9/api/", url), store, clock, logger });
  const target = { services, db: store.db };
  const community = await services.communities.byId((await seedCommunity(target, "U0ALICE")).id);
  const profile = { organisation: "hmrc", organisationOther: null, profession: "policy", professionOther: null };
  for (let i = 0; i < MEMBERS; i++) {
    const email = `member${i}@example.org`;
    await services.memberships.join(community, emailPersonId(email), profile, { contact: { email, displayName: `Member ${i}` } });
  }
  const draft = checkMeetingDraft(
    {
      title: "Show and tell",
      videoLink: "https://teams.example.gov.uk/meet/123",
      start: String(Date.parse("2026-03-10T10:00:00Z") / 1000),
      duration: "60",
      recurrence: "none",
      reminders: [],
      agenda: "1. Introductions\n2. Research findings",
    },
    { zone: "Europe/London", pickerZone: "Europe/London", now: NOW },
  );
  const [meeting] = (await services.meetings.schedule(community, "U0ALICE", draft, null)).meetings;
  const messages = new OutboxMessages(services);
  /** The meeting's meeting_email row at this SEQUENCE, as the dispatcher claims it. */
  const rowOf = async (sequence: number): Promise<OutboxRow> => {
    const row = await store.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `meeting-email:${meeting.id}:${sequence}` } });
    return { ...row, status: "pending", payload: JSON.parse(row.payload) };
  };

  const report = (label: string, build: Timed<unknown>, rows: NewOutboxRow[], plan: Timed<number>) => {
    const bytes = rows.reduce((sum, r) => sum + JSON.stringify(r.payload).length, 0) / Math.max(1, rows.length);
    console.log(
      `${name.padEnd(10)} ${label.padEnd(34)} ${String(rows.length).padStart(5)} emails: build ${build.ms.toFixed(0).padStart(5)} ms (${(build.ms / rows.length).toFixed(3)} ms, CPU ${(build.cpuMs / rows.length).toFixed(3)} ms a member), plan ${plan.ms.toFixed(0).padStart(5)} ms (${(plan.ms / rows.length).toFixed(3)} ms a row), ${(bytes / 1024).toFixed(1)} KiB a row`,
    );
  };

  const invitation = await rowOf(0);
  const built = await timed(() => messages.build(invitation));
  const rows = built.value.kind === "expand" ? built.value.rows : [];
  const again = await timed(() => messages.build(invitation));
  const planned = await timed(() => store.outbox.plan(rows, NOW));
  report("invitation (REQUEST), first build", built, rows, planned);
  report("invitation (REQUEST), again (warm)", again, rows, planned);
  console.log(
    `${name.padEnd(10)} A/A: the invitation's two builds (the first warming up) differ by ${Math.round((Math.abs(built.ms - again.ms) / Math.min(built.ms, again.ms)) * 100)}%`,
  );

  await store.db.outboxMessage.updateMany({ where: { channel: "email" }, data: { status: "sent", sentAt: NOW } });
  await services.meetings.cancel({ teamId: TEAM_ID }, meeting.id, "U0ALICE", "this");
  const cancellation = await rowOf(1);
  const cancelBuilt = await timed(() => messages.build(cancellation));
  const cancelRows = cancelBuilt.value.kind === "expand" ? cancelBuilt.value.rows : [];
  report("cancellation (CANCEL)", cancelBuilt, cancelRows, await timed(() => store.outbox.plan(cancelRows, NOW)));

  const bare = await seedCommunity(target, "U0BOB", { name: "A community with no addresses" });
  const reads = 200;
  const read = await timed(async () => {
    for (let i = 0; i < reads; i++) await store.memberships.anyWithEmail(bare.id);
  });
  console.log(
    `${name.padEnd(10)} a change in a community with no addresses: one read, ${(read.ms / reads).toFixed(3)} ms (CPU ${(read.cpuMs / reads).toFixed(3)} ms)`,
  );
  await store.close();
}

async function main(): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load()}`,
  );
  for (const database of await benchDatabases("sc_bench_meeting_email")) {
    try {
      migrate(database.url);
      await run(database.url, database.name);
    } finally {
      await database.drop();
    }
  }
  console.log(`Load average at the end: ${load()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
