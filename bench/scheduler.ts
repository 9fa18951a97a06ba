// Benchmarks for the scheduler (npm run bench:scheduler):
//  1. dispatcher overhead per message: 10,000 due rows against a fake Slack that
//     answers at once (distinct DM targets, so pacing never waits);
//  2. digest build time and query count for a community with 5,000 members,
//     2,000 problems and 200 meetings, against a small one (the count must not grow).
// Runs on SQLite, and on PostgreSQL when BENCH_POSTGRES_URL (or the local
// default server) answers. On SQLite the dispatcher runs twice side by side, in the
// journal mode the bot uses (WAL, synchronous=NORMAL) and in SQLite's default, which it used
// before (a rollback journal, synchronous=FULL), BENCH_SQLITE_ROWS (4,000) rows each in
// alternating rounds (BENCH_ROUNDS, 2), so that load from elsewhere on the machine falls on
// both alike.
import os from "node:os";
import pino from "pino";
import { ManualClock } from "../src/domain/common/clock";
import { DigestService } from "../src/domain/digests/digests";
import type { Store } from "../src/domain/ports";
import { ORGANISATIONS } from "../src/reference/organisations";
import { Dispatcher } from "../src/scheduler/dispatcher";
import { Pacer } from "../src/scheduler/pacer";
import { createStore } from "../src/store";
import type { Db, SqliteSettings } from "../src/store/prismaClient";
import { storedMrkdwn } from "../src/views/mrkdwn";
import { FakeSlack } from "../test/support/fakeSlack";
import { benchDatabases, migrate } from "./databases";

const NOW = new Date("2026-03-02T10:00:00Z");
const DUE_ROWS = Number(process.env.BENCH_DUE_ROWS ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
// Fewer rows for each SQLite mode: the rollback journal is slow, and a claim's cost is flat in
// the queue's length (see the README), so the cost of a message does not depend on the count.
const SQLITE_ROWS = Number(process.env.BENCH_SQLITE_ROWS ?? 4_000);

interface SqliteMode {
  label: string;
  settings: Partial<SqliteSettings>;
}
const SQLITE_MODES: SqliteMode[] = [
  { label: "rollback journal, synchronous=FULL (before)", settings: { journalMode: "DELETE", synchronous: "FULL" } },
  { label: "WAL, synchronous=NORMAL (now)", settings: {} },
];

async function seedCommunity(db: Db, size: { members: number; problems: number; meetings: number }): Promise<string> {
  const workspace = await db.workspace.create({ data: { teamId: `T${Math.random().toString(36).slice(2, 10)}` } });
  const community = await db.community.create({
    data: {
      workspaceId: workspace.id,
      name: `Bench ${size.members}`,
      nameKey: `bench ${size.members}`,
      slug: `bench-${size.members}`,
      service: "Starting a business",
      meetingCadence: "monthly",
      timezone: "Europe/London",
      createdBy: "U0",
      slackChannelId: `C${size.members}`,
      createdAt: new Date("2025-01-01T00:00:00Z"),
    },
  });
  const lastWeek = new Date(NOW.getTime() - 3 * 86_400_000);
  const longAgo = new Date("2025-06-01T00:00:00Z");
  const orgs = ORGANISATIONS.map((o) => o.id);
  for (let i = 0; i < size.members; i += 1000) {
    await db.membership.createMany({
      data: Array.from({ length: Math.min(1000, size.members - i) }, (_, j) => ({
        communityId: community.id,
        slackUserId: `U${i + j}`,
        organisation: orgs[(i + j) % orgs.length],
        profession: "policy",
        role: i + j === 0 ? "organiser" : "member",
        status: "active",
        joinedAt: (i + j) % 50 === 0 ? lastWeek : longAgo,
      })),
    });
  }
  for (let i = 0; i < size.problems; i += 500) {
    await db.problem.createMany({
      data: Array.from({ length: Math.min(500, size.problems - i) }, (_, j) => ({
        id: `${community.id}-p${i + j}`,
        communityId: community.id,
        title: `Problem ${i + j}`,
        source: "command",
        createdBy: "U0",
        status: (i + j) % 10 === 0 ? "objective" : "open",
        createdAt: (i + j) % 40 === 0 ? lastWeek : longAgo,
      })),
    });
    await db.problemVote.createMany({
      data: Array.from({ length: Math.min(500, size.problems - i) }, (_, j) =>
        Array.from({ length: 5 }, (_, v) => ({
          problemId: `${community.id}-p${i + j}`,
          slackUserId: `U${(i + j + v * 7) % Math.max(size.members, 1)}`,
          organisation: orgs[(j + v) % orgs.length],
        })),
      ).flat(),
    });
  }
  for (let i = 0; i < size.meetings; i++) {
    const meeting = await db.meeting.create({
      data: {
        communityId: community.id,
        title: `Meeting ${i}`,
        startsAt: new Date(NOW.getTime() + (i - size.meetings / 2) * 86_400_000),
        durationMinutes: 60,
        timezone: "Europe/London",
        reminderOffsets: "1440",
        createdBy: "U0",
      },
    });
    await db.meetingRsvp.createMany({
      data: Array.from({ length: 20 }, (_, r) => ({
        meetingId: meeting.id,
        slackUserId: `U${r}`,
        answer: r % 3 === 0 ? "maybe" : "going",
      })),
    });
  }
  return community.id;
}

async function digestBench(url: string): Promise<{ small: number; large: number; medianMs: number; p95Ms: number; runs: number }> {
  let queries = 0;
  const store = createStore(url, {
    observe: (db) =>
      db.$extends({
        query: {
          async $allOperations({ args, query }) {
            queries++;
            return query(args);
          },
        },
      }) as unknown as Db,
  });
  const digests = new DigestService({ store: store as Store, clock: new ManualClock(NOW) });
  const since = new Date(NOW.getTime() - 7 * 86_400_000);
  const countFor = async (communityId: string) => {
    const community = (await store.communities.findById(communityId))!;
    queries = 0;
    await digests.build(community, since);
    return queries;
  };
  const small = await countFor(await seedCommunity(store.db, { members: 50, problems: 20, meetings: 2 }));
  const largeId = await seedCommunity(store.db, { members: 5000, problems: 2000, meetings: 200 });
  const large = await countFor(largeId);
  const community = (await store.communities.findById(largeId))!;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) await digests.build(community, since); // warm up
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await digests.build(community, since);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  await store.close();
  return { small, large, medianMs: times[25], p95Ms: times[47], runs: times.length };
}

interface DispatchResult {
  rows: number;
  seconds: number;
  /** CPU time of this process (the dispatcher, the database and the fake Slack), user + system. */
  cpuSeconds: number;
  perMessageMs: number;
  perSecond: number;
  sent: number;
}

/** `round` keeps each round's dedupe keys apart when one database runs several. */
async function dispatcherBench(
  url: string,
  slack: FakeSlack,
  options: { rows?: number; round?: number; sqlite?: Partial<SqliteSettings> } = {},
): Promise<DispatchResult> {
  const rows = options.rows ?? DUE_ROWS;
  const store = createStore(url, { sqlite: options.sqlite });
  const due = new Date(NOW.getTime() - 60_000);
  for (let i = 0; i < rows; i += 1000) {
    await store.db.outboxMessage.createMany({
      data: Array.from({ length: Math.min(1000, rows - i) }, (_, j) => ({
        kind: "organiser_alert",
        target: `U${i + j}`,
        payload: JSON.stringify({ text: `message ${i + j}` }),
        dueAt: due,
        availableAt: due,
        dedupeKey: `bench:${url.length}:${options.round ?? 0}:${i + j}`,
      })),
    });
  }
  slack.reset();
  const sendErrors = new Map<string, number>();
  const dispatcher = new Dispatcher({
    outbox: store.outbox,
    build: async (row) => ({ kind: "send", message: { text: storedMrkdwn(String(row.payload.text)) } }),
    send: async (target, message) => {
      try {
        const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer xoxb-bench" },
          body: JSON.stringify({ channel: target, text: message.text }),
        });
        const body = (await res.json()) as { ok: boolean };
        if (!body.ok) throw new Error("not ok");
      } catch (error) {
        // A send that fails is retried after a back-off, past the end of the run: say why.
        const why = `${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ""}`;
        sendErrors.set(why, (sendErrors.get(why) ?? 0) + 1);
        throw error;
      }
    },
    alertFor: async () => [],
    clock: new ManualClock(NOW),
    pacer: new Pacer(1000),
    logger: pino({ level: "silent" }),
    owner: "bench",
    settings: { budgetMs: 10 * 60_000 },
  });
  const t = performance.now();
  const cpu = process.cpuUsage();
  const counts = await dispatcher.run();
  const cpuUsed = process.cpuUsage(cpu);
  const seconds = (performance.now() - t) / 1000;
  if (sendErrors.size)
    console.error(`  sends that failed (retried later, not counted): ${[...sendErrors].map(([why, n]) => `${n} × ${why}`).join("; ")}`);
  await store.close();
  return {
    rows,
    seconds,
    cpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6,
    perMessageMs: (seconds * 1000) / counts.sent,
    perSecond: counts.sent / seconds,
    sent: counts.sent,
  };
}

function dispatchLine(name: string, d: DispatchResult): string {
  return `${name} dispatcher: ${d.sent}/${d.rows} sent in ${d.seconds.toFixed(2)} s: ${d.perMessageMs.toFixed(3)} ms a message (${Math.round(d.perSecond)} a second), CPU ${((d.cpuSeconds * 1000) / d.sent).toFixed(3)} ms a message`;
}

/** SQLite in each journal mode, on its own file beside `url`, in alternating rounds. */
async function sqliteModesBench(url: string, slack: FakeSlack): Promise<DispatchResult[]> {
  const urls = SQLITE_MODES.map((_, m) => url.replace(/\.db$/, `-mode${m}.db`));
  for (const modeUrl of urls) migrate(modeUrl);
  const totals = SQLITE_MODES.map(() => ({ rows: 0, seconds: 0, cpuSeconds: 0, sent: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    const rows = Math.floor(SQLITE_ROWS / ROUNDS) + (round < SQLITE_ROWS % ROUNDS ? 1 : 0);
    for (let m = 0; m < SQLITE_MODES.length; m++) {
      const d = await dispatcherBench(urls[m], slack, { rows, round, sqlite: SQLITE_MODES[m].settings });
      totals[m].rows += d.rows;
      totals[m].seconds += d.seconds;
      totals[m].cpuSeconds += d.cpuSeconds;
      totals[m].sent += d.sent;
    }
  }
  return totals.map((t) => ({ ...t, perMessageMs: (t.seconds * 1000) / t.sent, perSecond: t.sent / t.seconds }));
}

async function main(): Promise<void> {
  const slack = new FakeSlack();
  await slack.start();
  console.log(`Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  for (const database of await benchDatabases("sc_bench")) {
    try {
      migrate(database.url);
      if (database.name === "SQLite") {
        const modes = await sqliteModesBench(database.url, slack);
        modes.forEach((d, m) => {
          console.log(dispatchLine(`SQLite (${SQLITE_MODES[m].label})`, d));
        });
        console.log(
          `SQLite dispatcher, WAL against the rollback journal: ${(modes[0].perMessageMs / modes[1].perMessageMs).toFixed(1)}× less time a message (${ROUNDS} alternating rounds each)`,
        );
      } else {
        console.log(dispatchLine(database.name, await dispatcherBench(database.url, slack)));
      }
      const digest = await digestBench(database.url);
      console.log(
        `${database.name} digest: ${digest.small} queries for 50 members / 20 problems / 2 meetings, ${digest.large} for 5,000 / 2,000 / 200; build median ${digest.medianMs.toFixed(1)} ms, p95 ${digest.p95Ms.toFixed(1)} ms over ${digest.runs} runs`,
      );
    } finally {
      await database.drop();
    }
  }
  await slack.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
