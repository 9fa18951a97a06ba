// Benchmark of the community's web page (npm run bench:web), for a community of
// 5,000 members from 120 organisations, 2,000 problems with about 10,000 votes
// (a third naming the organisations they affect), 40 journey stages, and 200
// meetings to come: the seed of bench/journey.ts, plus the meetings.
//
// 1. Building the page: the real CommunityPageService.read, the presenter and the
//    Nunjucks template, uncached, BENCH_RUNS (50) times after 5 warm-ups, in two
//    interleaved series whose medians' gap is the noise floor. Every database round
//    trip is counted as Prisma operations and as SQL statements, for this community
//    and for a small one (3 members): the same counts, or the run fails.
// 2. Serving it: the production build (dist/main.js, as bench:burst runs it) on the
//    seeded database, sent BENCH_RATE (200) page views a second, evenly spaced (an
//    open loop: latency counts from when each was due), for BENCH_SECONDS (10), over
//    keep-alive connections as browsers use. The floor is a bare Bolt receiver
//    (bench/webBare.ts) answering the same bytes from a custom route; it runs twice,
//    and the gap between its two runs is the noise floor beside the app/bare ratios.
//    The server's CPU per view is read from /proc.
// SQLite, and PostgreSQL when BENCH_POSTGRES_URL (or the local default server) answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import type { Config } from "../src/config";
import { ManualClock } from "../src/domain/common/clock";
import { buildServices } from "../src/services";
import type { Db } from "../src/store/prismaClient";
import { presentCommunityPage } from "../src/web/community/presenter";
import { createWebKit } from "../src/web/kit/webKit";
import { FakeSlack } from "../test/support/fakeSlack";
import { benchDatabases, migrate } from "./databases";
import { seed } from "./journey";
import { countedStore, countStatements, interleaved, measure, type Timing } from "./measure";
import { prng } from "./shared";
import { type LoadResult, RATE, SECONDS, serve } from "./webServe";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const LINK_SECRET = "bench-web-link-secret-0123456789abcdef";
const MEETINGS = 200;

/** 200 meetings from tomorrow on, two days apart, and the organisations a third of the problems name. */
async function seedPage(db: Db, communityId: string, now: Date): Promise<void> {
  const rand = prng(20261208);
  const meetings = Array.from({ length: MEETINGS }, (_, i) => ({
    communityId,
    title: `Meeting ${i + 1}: show and tell`,
    startsAt: new Date(now.getTime() + (i * 2 + 1) * 86_400_000),
    durationMinutes: 60,
    timezone: "Europe/London",
    videoLink: "https://meet.example.gov.uk/abc",
    place: i % 3 ? null : "10 South Colonnade, London",
    reminderOffsets: "1440",
    createdBy: "U0",
  }));
  await db.meeting.createMany({ data: meetings });
  const ids = ["hmrc", "dwp", "companies-house", "dbt", "home-office", "dvla"];
  const affects = Array.from({ length: 2000 }, (_, i) => i)
    .filter((i) => i % 3 === 0)
    .flatMap((i) => {
      const chosen = new Set<string>();
      const count = 1 + Math.floor(rand() * 3);
      while (chosen.size < count) chosen.add(ids[Math.floor(rand() * ids.length)]!);
      return [...chosen].map((organisation) => ({ problemId: `p${i}`, organisation }));
    });
  await db.problemOrganisation.createMany({ data: affects });
}

/** A community of 3 members, 3 problems and a meeting, for the query count's comparison. */
async function seedSmall(db: Db, now: Date): Promise<string> {
  const workspace = await db.workspace.findFirstOrThrow();
  const community = await db.community.create({
    data: {
      workspaceId: workspace.id,
      name: "Small",
      nameKey: "small",
      slug: "small",
      service: "Small",
      meetingCadence: "monthly",
      timezone: "Europe/London",
      createdBy: "S0",
    },
  });
  await db.membership.createMany({
    data: ["S0", "S1", "S2"].map((slackUserId, i) => ({
      communityId: community.id,
      slackUserId,
      organisation: i ? "dwp" : "hmrc",
      profession: "policy",
      role: i ? "member" : "organiser",
      status: "active",
    })),
  });
  for (const title of ["One", "Two", "Three"])
    await db.problem.create({ data: { communityId: community.id, title, source: "command", createdBy: "S1" } });
  await db.meeting.create({
    data: {
      communityId: community.id,
      title: "Call",
      startsAt: new Date(now.getTime() + 86_400_000),
      durationMinutes: 30,
      timezone: "Europe/London",
      reminderOffsets: "",
      createdBy: "S0",
    },
  });
  return community.id;
}

/** Part 1: building the page in this process, uncached. */
async function build(url: string, now: Date) {
  const { store, counter } = countedStore(url);
  try {
    const t = performance.now();
    const communityId = await seed(store.db);
    await seedPage(store.db, communityId, now);
    const smallId = await seedSmall(store.db, now);
    if (url.startsWith("postgres")) await store.db.$executeRawUnsafe("ANALYZE");
    const seedSeconds = (performance.now() - t) / 1000;
    const config: Config = {
      slackBotToken: "xoxb-bench",
      slackSigningSecret: "bench",
      slackApiUrl: "https://slack.com/api/",
      port: 0,
      publicUrl: "https://communities.example.gov.uk",
      databaseUrl: url,
      defaultTimezone: "Europe/London",
      logLevel: "silent",
      linkSecret: LINK_SECRET,
    };
    const clock = new ManualClock(now);
    const logger = pino({ level: "silent" });
    const services = buildServices({ config, store, clock, logger });
    const kit = createWebKit({ config, clock, logger });
    let bytes = 0;
    const page = (id: string) => async () => {
      // As the route does on a miss: who may open it (read again, not the copy kept for 2 s), then what it shows.
      services.communityPages.forget(id);
      const community = await services.communityPages.access(id);
      const data = await services.communityPages.read(community.id);
      const view = presentCommunityPage(data, { calendar: (m) => services.calendarLinks.url(m), slackWeb: "https://slack.com" });
      bytes = Buffer.byteLength(kit.renderer.render("community/community.njk", { view }));
    };
    // The workspace's team id is read once a process: read it before counting.
    await page(communityId)();
    const large = await interleaved(counter, page(communityId), RUNS);
    const largeBytes = bytes;
    const small = await measure(counter, page(smallId), 10);
    if (small.operations !== large.operations || small.statements !== large.statements) {
      throw new Error(
        `the page's queries grow with the community: ${small.operations}/${small.statements} small, ${large.operations}/${large.statements} large`,
      );
    }
    return { seedSeconds, communityId, large, all: large.all, a: large.a, b: large.b, cpu: large.cpuTiming, bytes: largeBytes };
  } finally {
    await store.close();
  }
}

const ms = (t: Timing) => `${t.medianMs.toFixed(1)} / ${t.p95Ms.toFixed(1)}`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "dist/main.js")))
    throw new Error("dist/main.js is missing: run `npm run build` first (npm run bench:web does)");
  countStatements();
  const now = new Date();
  const slack = new FakeSlack();
  await slack.start();
  const load1 = os.loadavg().map((l) => l.toFixed(1));
  const buildRows: string[] = [];
  const serveRows: string[] = [];
  try {
    for (const database of await benchDatabases("sc_bench_web")) {
      try {
        migrate(database.url);
        const label = database.version ? `${database.name} ${database.version.split(" ")[0]}` : database.name;
        const r = await build(database.url, now);
        console.error(`${label}: seeded in ${r.seedSeconds.toFixed(1)} s; built: ${JSON.stringify({ ...r.all, cpu: r.cpu })}`);
        const floor = Math.abs(r.a.medianMs - r.b.medianMs) / Math.min(r.a.medianMs, r.b.medianMs);
        buildRows.push(
          `| ${label} | ${r.large.operations} / ${r.large.statements} | ${ms(r.all)} | ${ms(r.cpu)} | ${r.a.medianMs.toFixed(1)} vs ${r.b.medianMs.toFixed(1)} (${(floor * 100).toFixed(0)}%) | ${Math.round(r.bytes / 1024)} KB |`,
        );
        const s = await serve(database.url, r.communityId, slack.apiUrl, LINK_SECRET);
        console.error(`${label}: served ${JSON.stringify(s)}`);
        const both = (runs: LoadResult[], pick: (l: LoadResult) => number, digits = 1) =>
          runs.map((l) => pick(l).toFixed(digits)).join(", ");
        const ratio = (pick: (l: LoadResult) => number) => {
          const app = (pick(s.app[0]!) + pick(s.app[1]!)) / 2;
          const bare = (pick(s.bare[0]!) + pick(s.bare[1]!)) / 2;
          const noise = Math.max(pick(s.bare[0]!), pick(s.bare[1]!)) / Math.min(pick(s.bare[0]!), pick(s.bare[1]!));
          return `${(app / bare).toFixed(2)}× (A/A ${noise.toFixed(2)}×)`;
        };
        for (const [what, runs] of [
          ["the app", s.app],
          ["bare Bolt", s.bare],
        ] as const) {
          serveRows.push(
            `| ${label} | ${what} | ${runs.reduce((n, l) => n + l.requests, 0)} | ${runs.reduce((n, l) => n + l.failed, 0)} | ${both(runs, (l) => l.p50)} | ${both(runs, (l) => l.p99)} | ${both(runs, (l) => l.max, 0)} | ${both(runs, (l) => l.cpuPerView, 2)} |`,
          );
        }
        serveRows.push(`| ${label} | app / bare | | | ${ratio((l) => l.p50)} | ${ratio((l) => l.p99)} | | ${ratio((l) => l.cpuPerView)} |`);
      } finally {
        await database.drop();
      }
    }
  } finally {
    await slack.stop();
  }
  const load2 = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nRun ${now.toISOString().slice(0, 16)}Z: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load1.join(" ")} at the start, ${load2.join(" ")} at the end.`,
  );
  console.log("\nBuilding the page (5,000 members, 2,000 problems, 200 meetings), uncached:\n");
  console.log(
    "| Database | Queries (Prisma operations / SQL statements) | Median / p95 (ms) | This process's CPU, median / p95 (ms) | A/A medians (noise floor) | HTML |",
  );
  console.log("|---|:---:|---:|---:|---:|---:|");
  for (const row of buildRows) console.log(row);
  console.log(
    `\nServing it: ${RATE} views a second for ${SECONDS} s, twice each (bare, app, bare, app); the two runs' figures side by side:\n`,
  );
  console.log("| Database | Server | Views | Failed | p50 (ms) | p99 (ms) | Max (ms) | Server CPU a view (ms) |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const row of serveRows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
