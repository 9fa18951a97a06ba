// Benchmarks for member coverage (npm run bench:members):
//  1. `/community members`: CoverageService.page(community, 0) and rendering it
//     with membersMessage, for a community of 300 members from 40 organisations
//     with 200 problems, and one of 5,000 members from 120 organisations with
//     2,000 problems; the number of database queries must not grow with size;
//  2. App Home coverage: CoverageService.forOrganiser for 35 organised
//     communities of 300 members each (three grouped reads, however many).
// Organisations are real ids from src/reference/organisations.ts plus a few
// typed "Other" names (spelt with different case and spacing, as people do);
// members are spread unevenly over them, 5% more have left, and problems name
// 1 to 3 organisations, a fifth of them ones no member comes from. Each figure
// is the median and p95 of BENCH_RUNS runs (50) after 5 warm-ups, with every
// query counted by a Prisma extension. Runs on SQLite, and on PostgreSQL when
// BENCH_POSTGRES_URL (or the local default server) answers.
import os from "node:os";
import { CoverageService, NEEDING_STATUSES } from "../src/domain/members/coverage";
import type { CommunityRecord, MembershipRecord, Store } from "../src/domain/ports";
import { ORGANISATIONS, OTHER_ORGANISATION_ID } from "../src/reference/organisations";
import { OTHER_PROFESSION_ID, PROFESSIONS } from "../src/reference/professions";
import { createStore } from "../src/store";
import type { Db } from "../src/store/prismaClient";
import { membersMessage } from "../src/views/members";
import { benchDatabases, migrate } from "./databases";
import { type Timing, timing, WARM_UPS } from "./measure";
import { prng } from "./shared";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

interface Shape {
  members: number;
  /** Distinct organisations among the members, `otherNames` of them typed "Other" names. */
  organisations: number;
  otherNames: number;
  problems: number;
}

const SMALL: Shape = { members: 300, organisations: 40, otherNames: 4, problems: 200 };
const LARGE: Shape = { members: 5000, organisations: 120, otherNames: 10, problems: 2000 };
const ORGANISED = 35;

const OTHER_NAMES = [
  "Anytown Council",
  "Northshire Police",
  "Riverside Housing Trust",
  "Eastport Port Authority",
  "Hillside NHS Trust",
  "Westvale College",
  "Lakeland Water",
  "Southgate Library Service",
  "Midcounty Fire and Rescue",
  "Greenfield Parish Council",
];
/** The same name as people type it: "Anytown Council", "anytown council", "Anytown  Council". */
const spelt = (name: string, n: number) => [name, name.toLowerCase(), name.replace(" ", "  ")][n % 3];

async function seedCommunity(db: Db, workspaceId: string, label: string, shape: Shape, seed: number): Promise<string> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const community = await db.community.create({
    data: {
      workspaceId,
      name: `Bench ${label}`,
      nameKey: `bench ${label}`,
      slug: `bench-${label}`,
      service: "Starting a business",
      meetingCadence: "monthly",
      timezone: "Europe/London",
      createdBy: "U0",
      slackChannelId: `C${label}`,
      createdAt: new Date("2025-01-01T00:00:00Z"),
    },
  });
  const referenceCount = shape.organisations - shape.otherNames;
  const represented = ORGANISATIONS.slice(0, referenceCount).map((o) => o.id);
  const unrepresented = ORGANISATIONS.slice(referenceCount).map((o) => o.id);
  // Every organisation has a member; the rest go mostly to the first few (a few large departments, a long tail).
  const organisationOf = (i: number) => (i < shape.organisations ? i : Math.floor(shape.organisations * rand() ** 2));
  const left = Math.round(shape.members * 0.05);
  const rows = Array.from({ length: shape.members + left }, (_, i) => {
    const o = organisationOf(i % shape.members);
    const other = o >= referenceCount;
    const typedProfession = rand() < 0.03;
    return {
      communityId: community.id,
      slackUserId: `U${i}`,
      organisation: other ? OTHER_ORGANISATION_ID : represented[o],
      organisationOther: other ? spelt(OTHER_NAMES[o - referenceCount], i) : null,
      profession: typedProfession ? OTHER_PROFESSION_ID : pick(PROFESSIONS).id,
      professionOther: typedProfession ? pick(["Data protection", "Service owner", "Ethnographer"]) : null,
      role: i === 0 || i % 100 === 0 ? "organiser" : "member",
      status: i < shape.members ? "active" : "left",
      joinedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 400 * 86_400_000)),
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.membership.createMany({ data: rows.slice(i, i + 1000) });
  const statuses = ["open", "open", "open", "open", "open", "open", "open", "objective", "objective", "solved", "solved", "duplicate"];
  const problems = Array.from({ length: shape.problems }, (_, i) => ({
    id: `${community.id}-p${i}`,
    communityId: community.id,
    title: `Problem ${i}`,
    source: "command",
    createdBy: "U0",
    status: pick(statuses),
  }));
  const named = problems.flatMap((p) => {
    const ids = new Set<string>();
    const count = 1 + Math.floor(rand() * 3);
    while (ids.size < count) ids.add(rand() < 0.8 ? pick(represented) : pick(unrepresented.slice(0, 30)));
    return [...ids].map((organisation) => ({ problemId: p.id, organisation }));
  });
  for (let i = 0; i < problems.length; i += 500) await db.problem.createMany({ data: problems.slice(i, i + 500) });
  for (let i = 0; i < named.length; i += 1000) await db.problemOrganisation.createMany({ data: named.slice(i, i + 1000) });
  return community.id;
}

/** Runs `fn` WARM_UPS times, then RUNS times, timing each and counting its queries (which must be the same every run). */
async function measure(counter: { queries: number }, fn: () => Promise<void>): Promise<{ queries: number; times: number[] }> {
  for (let i = 0; i < WARM_UPS; i++) await fn();
  const counts = new Set<number>();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    counter.queries = 0;
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    counts.add(counter.queries);
  }
  if (counts.size !== 1) throw new Error(`query count varied between runs: ${[...counts].join(", ")}`);
  return { queries: [...counts][0], times };
}

interface PageResult {
  shape: Shape;
  queries: number;
  page: Timing;
  /** The two reads page() makes, alone: the rest of page() is grouping and sorting in memory. */
  reads: Timing;
  render: Timing;
  total: Timing;
  blocks: number;
  bytes: number;
  organisationCount: number;
  missing: number;
}

async function pageBench(store: Store, counter: { queries: number }, community: CommunityRecord, shape: Shape): Promise<PageResult> {
  const coverage = new CoverageService({ store });
  const pageTimes: number[] = [];
  const renderTimes: number[] = [];
  let message = { text: "", blocks: [] as unknown[] };
  let organisationCount = 0;
  let missing = 0;
  const { queries, times } = await measure(counter, async () => {
    const t0 = performance.now();
    const page = await coverage.page(community, 0);
    const t1 = performance.now();
    message = membersMessage(page);
    const t2 = performance.now();
    pageTimes.push(t1 - t0);
    renderTimes.push(t2 - t1);
    organisationCount = page.summary.organisationCount;
    missing = page.summary.missing.length;
  });
  const reads = await measure(counter, async () => {
    await Promise.all([
      store.memberships.activeMembers(community.id),
      store.coverage.problemOrganisations([community.id], NEEDING_STATUSES),
    ]);
  });
  if (organisationCount !== shape.organisations) throw new Error(`expected ${shape.organisations} organisations, got ${organisationCount}`);
  const timed = (list: number[]) => timing(list.slice(WARM_UPS));
  return {
    shape,
    queries,
    page: timed(pageTimes),
    reads: timing(reads.times),
    render: timed(renderTimes),
    total: timing(times),
    blocks: message.blocks.length,
    bytes: JSON.stringify(message).length,
    organisationCount,
    missing,
  };
}

async function homeBench(
  store: Store & { db: Db },
  counter: { queries: number },
  entries: Array<{ community: CommunityRecord; membership: MembershipRecord }>,
) {
  const coverage = new CoverageService({ store });
  counter.queries = 0;
  await coverage.forOrganiser(entries.slice(0, 1));
  const one = counter.queries;
  let covered = 0;
  const { queries, times } = await measure(counter, async () => {
    covered = (await coverage.forOrganiser(entries)).size;
  });
  if (covered !== entries.length) throw new Error(`expected ${entries.length} summaries, got ${covered}`);
  return { one, queries, communities: covered, ...timing(times) };
}

async function run(url: string) {
  const counter = { queries: 0 };
  const store = createStore(url, {
    observe: (db) =>
      db.$extends({
        query: {
          async $allOperations({ args, query }) {
            counter.queries++;
            return query(args);
          },
        },
      }) as unknown as Db,
  });
  try {
    const t = performance.now();
    const workspace = await store.db.workspace.create({ data: { teamId: "TBENCHMEMBERS" } });
    const smallId = await seedCommunity(store.db, workspace.id, "small", SMALL, 1);
    const largeId = await seedCommunity(store.db, workspace.id, "large", LARGE, 2);
    const home = await store.db.workspace.create({ data: { teamId: "TBENCHHOME" } });
    for (let i = 0; i < ORGANISED; i++) await seedCommunity(store.db, home.id, `home-${String(i).padStart(2, "0")}`, SMALL, 100 + i);
    const seedSeconds = (performance.now() - t) / 1000;
    const small = await pageBench(store, counter, (await store.communities.findById(smallId))!, SMALL);
    const large = await pageBench(store, counter, (await store.communities.findById(largeId))!, LARGE);
    const entries = await store.memberships.ofUser(home.id, "U0");
    if (entries.length !== ORGANISED || entries.some((e) => e.membership.role !== "organiser"))
      throw new Error("U0 should organise every home community");
    const organiser = await homeBench(store, counter, entries);
    return { seedSeconds, small, large, organiser };
  } finally {
    await store.close();
  }
}

const ms = (t: Timing) => `${t.medianMs.toFixed(2)} / ${t.p95Ms.toFixed(2)}`;
const n = (x: number) => x.toLocaleString("en-GB");

async function main(): Promise<void> {
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${RUNS} runs after ${WARM_UPS} warm-ups, times in ms (median / p95)`,
  );
  const pageRows: string[] = [];
  const homeRows: string[] = [];
  for (const database of await benchDatabases("sc_bench_members")) {
    try {
      migrate(database.url);
      const r = await run(database.url);
      const label = database.version ? `${database.name} ${database.version.split(" ")[0]}` : database.name;
      console.log(`${label}: seeded in ${r.seedSeconds.toFixed(1)} s`);
      for (const p of [r.small, r.large]) {
        pageRows.push(
          `| ${label} | ${n(p.shape.members)} members, ${p.organisationCount} orgs, ${n(p.shape.problems)} problems | ${p.queries} | ${ms(p.page)} | ${ms(p.reads)} | ${ms(p.render)} | ${ms(p.total)} | ${p.blocks} / ${n(p.bytes)} B | ${p.missing} |`,
        );
      }
      const o = r.organiser;
      homeRows.push(
        `| ${label} | ${o.communities} × ${n(SMALL.members)} members | ${o.one} → ${o.queries} | ${o.medianMs.toFixed(2)} / ${o.p95Ms.toFixed(2)} |`,
      );
    } finally {
      await database.drop();
    }
  }
  console.log("\n/community members: CoverageService.page(community, 0) + membersMessage");
  console.log(
    "| Database | Community | Queries | page() | of which the 2 reads alone | membersMessage | Total | Blocks / JSON | Missing orgs |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of pageRows) console.log(row);
  console.log("\nApp Home: CoverageService.forOrganiser(entries)");
  console.log("| Database | Organised communities | Queries (1 → 35) | forOrganiser() |");
  console.log("|---|---|:---:|---:|");
  for (const row of homeRows) console.log(row);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
