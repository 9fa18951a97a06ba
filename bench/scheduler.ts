// Benchmarks for the scheduler (npm run bench:scheduler):
//  1. dispatcher overhead per message: 10,000 due rows against a fake Slack that
//     answers at once (distinct DM targets, so pacing never waits);
//  2. digest build time and query count for a community with 5,000 members,
//     2,000 problems and 200 meetings, against a small one (the count must not grow).
// Runs on SQLite, and on PostgreSQL when BENCH_POSTGRES_URL (or the local
// default server) answers.
import os from "node:os";
import pino from "pino";
import { ManualClock } from "../src/domain/clock";
import { DigestService } from "../src/domain/digests";
import type { Store } from "../src/domain/ports";
import { ORGANISATIONS } from "../src/reference/organisations";
import { Dispatcher } from "../src/scheduler/dispatcher";
import { Pacer } from "../src/scheduler/pacer";
import { createStore } from "../src/store";
import { storedMrkdwn } from "../src/views/mrkdwn";
import type { Db } from "../src/store/prismaClient";
import { FakeSlack } from "../test/support/fakeSlack";
import { benchDatabases, migrate } from "./databases";

const NOW = new Date("2026-03-02T10:00:00Z");
const DUE_ROWS = Number(process.env.BENCH_DUE_ROWS ?? 10_000);

async function seedCommunity(db: Db, size: { members: number; problems: number; meetings: number }): Promise<string> {
  const workspace = await db.workspace.create({ data: { teamId: `T${Math.random().toString(36).slice(2, 10)}` } });
  const community = await db.community.create({
    data: { workspaceId: workspace.id, name: `Bench ${size.members}`, nameKey: `bench ${size.members}`, slug: `bench-${size.members}`, service: "Starting a business", meetingCadence: "monthly", timezone: "Europe/London", createdBy: "U0", slackChannelId: `C${size.members}`, createdAt: new Date("2025-01-01T00:00:00Z") },
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
        Array.from({ length: 5 }, (_, v) => ({ problemId: `${community.id}-p${i + j}`, slackUserId: `U${(i + j + v * 7) % Math.max(size.members, 1)}`, organisation: orgs[(j + v) % orgs.length] })),
      ).flat(),
    });
  }
  for (let i = 0; i < size.meetings; i++) {
    const meeting = await db.meeting.create({
      data: { communityId: community.id, title: `Meeting ${i}`, startsAt: new Date(NOW.getTime() + (i - size.meetings / 2) * 86_400_000), durationMinutes: 60, timezone: "Europe/London", reminderOffsets: "1440", createdBy: "U0" },
    });
    await db.meetingRsvp.createMany({ data: Array.from({ length: 20 }, (_, r) => ({ meetingId: meeting.id, slackUserId: `U${r}`, answer: r % 3 === 0 ? "maybe" : "going" })) });
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

async function dispatcherBench(url: string, slack: FakeSlack): Promise<{ rows: number; seconds: number; perMessageMs: number; perSecond: number; sent: number }> {
  const store = createStore(url);
  const due = new Date(NOW.getTime() - 60_000);
  for (let i = 0; i < DUE_ROWS; i += 1000) {
    await store.db.outboxMessage.createMany({
      data: Array.from({ length: Math.min(1000, DUE_ROWS - i) }, (_, j) => ({
        kind: "organiser_alert",
        target: `U${i + j}`,
        payload: JSON.stringify({ text: `message ${i + j}` }),
        dueAt: due,
        availableAt: due,
        dedupeKey: `bench:${url.length}:${i + j}`,
      })),
    });
  }
  slack.reset();
  const dispatcher = new Dispatcher({
    outbox: store.outbox,
    build: async (row) => ({ kind: "send", message: { text: storedMrkdwn(String(row.payload.text)) } }),
    send: async (target, message) => {
      const res = await fetch(`${slack.apiUrl}chat.postMessage`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer xoxb-bench" }, body: JSON.stringify({ channel: target, text: message.text }) });
      const body = (await res.json()) as { ok: boolean };
      if (!body.ok) throw new Error("not ok");
    },
    alertFor: async () => [],
    clock: new ManualClock(NOW),
    pacer: new Pacer(1000),
    logger: pino({ level: "silent" }),
    owner: "bench",
    settings: { budgetMs: 10 * 60_000 },
  });
  const t = performance.now();
  const counts = await dispatcher.run();
  const seconds = (performance.now() - t) / 1000;
  await store.close();
  return { rows: DUE_ROWS, seconds, perMessageMs: (seconds * 1000) / counts.sent, perSecond: counts.sent / seconds, sent: counts.sent };
}

async function main(): Promise<void> {
  const slack = new FakeSlack();
  await slack.start();
  console.log(`Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  for (const database of await benchDatabases("sc_bench")) {
    try {
      migrate(database.url);
      const dispatch = await dispatcherBench(database.url, slack);
      console.log(`${database.name} dispatcher: ${dispatch.sent}/${dispatch.rows} sent in ${dispatch.seconds.toFixed(2)} s: ${dispatch.perMessageMs.toFixed(3)} ms a message (${Math.round(dispatch.perSecond)} a second)`);
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
