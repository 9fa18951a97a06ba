// Benchmark of the journey (npm run bench:journey): `/community journey` for a
// community of 5,000 members (from 120 organisations, 5% more who have left),
// 40 stages owned by 1 to 4 organisations (a fifth with no member), 2,000
// problems (nine in ten tied to a stage) with 10,000 votes, members who
// each work on up to three stages, and 200 meetings over a year (half still to
// come, one in ten cancelled) that each cover one to three stages, or the
// whole journey. The command runs as Slack's request would
// run it, through the subcommand's own reply (the community found from its
// channel, the journey read, the page rendered), for an organiser; then the
// member's Next button (page 4 of 4), and the digest with its journey section and
// its live projects: 2,000 updates told to the rounds before the past meetings over
// the year, a third of them to six groups' rounds, a fifth of them Nothing new.
//
// Every database round trip is counted twice: as Prisma operations (a Prisma
// extension, as the other benchmarks count them) and as SQL statements (the
// driver adapter's own queries: an `include` is a second statement). Both must
// be the same in every run. Each figure is the median and p95 of BENCH_RUNS
// runs (50) after 5 warm-ups. The noise floor is an A/A comparison: the same
// command measured in two interleaved series, whose medians differ only by
// the machine's noise. Runs on SQLite, and on PostgreSQL when
// BENCH_POSTGRES_URL (or the local default server) answers.
import os from "node:os";
import pino from "pino";
import { journey as journeyCommand } from "../src/app/commands/journey";
import type { SubcommandContext } from "../src/app/commands/subcommand";
import type { Config } from "../src/config";
import { ManualClock } from "../src/domain/common/clock";
import { ORGANISATIONS, OTHER_ORGANISATION_ID } from "../src/reference/organisations";
import { OTHER_PROFESSION_ID, PROFESSIONS } from "../src/reference/professions";
import { buildServices } from "../src/services";
import type { Db } from "../src/store/prismaClient";
import { journeyMessage } from "../src/views/journey";
import { benchDatabases, migrate } from "./databases";
import { countedStore, countStatements, interleaved, measure, type Timing, timing, WARM_UPS } from "./measure";
import { prng } from "./shared";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const NOW = new Date("2026-03-02T10:00:00Z");
const TEAM = "TBENCHJOURNEY";
const CHANNEL = "C0JOURNEY";
const ORGANISER = "U0";
const MEMBER = "U1";

const SHAPE = {
  members: 5000,
  organisations: 120,
  stages: 40,
  problems: 2000,
  votesPerProblem: 5,
  suggestions: 5,
  meetings: 200,
  groups: 6,
  updatesPerRound: 20,
};
const OTHER_NAMES = ["Anytown Council", "Northshire Police", "Riverside Housing Trust", "Eastport Port Authority", "Hillside NHS Trust"];

export async function seed(db: Db): Promise<string> {
  const rand = prng(20261207);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const workspace = await db.workspace.create({ data: { teamId: TEAM } });
  const community = await db.community.create({
    data: {
      workspaceId: workspace.id,
      name: "Starting a business",
      nameKey: "starting a business",
      slug: "starting-a-business",
      service: "Starting a business",
      meetingCadence: "monthly",
      timezone: "Europe/London",
      createdBy: ORGANISER,
      slackChannelId: CHANNEL,
      createdAt: new Date("2025-01-01T00:00:00Z"),
    },
  });
  const referenceCount = SHAPE.organisations - OTHER_NAMES.length;
  const represented = ORGANISATIONS.slice(0, referenceCount).map((o) => o.id);
  const unrepresented = ORGANISATIONS.slice(referenceCount).map((o) => o.id);
  const organisationOf = (i: number) => (i < SHAPE.organisations ? i : Math.floor(SHAPE.organisations * rand() ** 2));
  const left = Math.round(SHAPE.members * 0.05);
  const members = Array.from({ length: SHAPE.members + left }, (_, i) => {
    const o = organisationOf(i % SHAPE.members);
    const other = o >= referenceCount;
    return {
      id: `m${i}`,
      communityId: community.id,
      slackUserId: `U${i}`,
      organisation: other ? OTHER_ORGANISATION_ID : represented[o],
      organisationOther: other ? OTHER_NAMES[o - referenceCount] : null,
      profession: rand() < 0.03 ? OTHER_PROFESSION_ID : pick(PROFESSIONS).id,
      professionOther: null,
      role: i === 0 || i % 100 === 0 ? "organiser" : "member",
      status: i < SHAPE.members ? "active" : "left",
      joinedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 400 * 86_400_000)),
    };
  });
  for (let i = 0; i < members.length; i += 1000) await db.membership.createMany({ data: members.slice(i, i + 1000) });

  const stages = Array.from({ length: SHAPE.stages + SHAPE.suggestions }, (_, i) => ({
    id: `s${String(i).padStart(2, "0")}`,
    communityId: community.id,
    title: `Stage ${i + 1}: ${pick(["Check", "Register", "Apply", "Pay", "Report", "Employ", "Renew"])} ${pick(["the company", "for tax", "for VAT", "a licence", "people", "premises"])}`,
    description: "What the user is trying to do at this stage, in a sentence or two, for example find out which registrations apply.",
    link: i % 2 ? `https://www.gov.uk/guidance/stage-${i}` : null,
    position: i < SHAPE.stages ? i : i - SHAPE.stages,
    status: i < SHAPE.stages ? "accepted" : "suggested",
    createdBy: i < SHAPE.stages ? ORGANISER : MEMBER,
  }));
  await db.journeyStage.createMany({ data: stages });
  const owners = stages.flatMap((stage) => {
    const ids = new Set<string>();
    const count = 1 + Math.floor(rand() * 4);
    while (ids.size < count) ids.add(rand() < 0.8 ? pick(represented) : pick(unrepresented.slice(0, 20)));
    return [...ids].map((organisation, position) => ({
      stageId: stage.id,
      organisation,
      organisationKey: organisation,
      role: position === 0 || rand() < 0.5 ? "owns" : "delivers",
      position,
    }));
  });
  await db.stageOwner.createMany({ data: owners });

  const accepted = stages.slice(0, SHAPE.stages);
  const statuses = ["open", "open", "open", "open", "open", "open", "open", "objective", "objective", "solved", "solved", "duplicate"];
  const problems = Array.from({ length: SHAPE.problems }, (_, i) => {
    const stage = rand() < 0.9 ? pick(accepted) : null;
    return {
      id: `p${i}`,
      communityId: community.id,
      title: `Problem ${i}: people have to tell several organisations the same thing`,
      stage: stage ? stage.title : pick(["Registering", "Hiring someone", "Paying VAT"]),
      stageId: stage?.id ?? null,
      source: "command",
      createdBy: `U${Math.floor(rand() * SHAPE.members)}`,
      status: pick(statuses),
      createdAt: new Date(NOW.getTime() - Math.floor(rand() * 60 * 86_400_000)),
    };
  });
  for (let i = 0; i < problems.length; i += 500) await db.problem.createMany({ data: problems.slice(i, i + 500) });
  const votes = problems.flatMap((p) => {
    const voters = new Set<number>();
    // 1 to 9 votes, 5 on average.
    const count = 1 + Math.floor(rand() * (SHAPE.votesPerProblem * 2 - 1));
    while (voters.size < count) voters.add(Math.floor(rand() * SHAPE.members));
    return [...voters].map((v) => ({ problemId: p.id, slackUserId: `U${v}`, organisation: members[v].organisation }));
  });
  for (let i = 0; i < votes.length; i += 1000) await db.problemVote.createMany({ data: votes.slice(i, i + 1000) });
  const memberStages = members.slice(0, SHAPE.members).flatMap((m) => {
    const chosen = new Set<string>();
    const count = Math.floor(rand() * 4);
    while (chosen.size < count) chosen.add(pick(accepted).id);
    return [...chosen].map((stageId) => ({ membershipId: m.id, stageId }));
  });
  for (let i = 0; i < memberStages.length; i += 1000) await db.memberStage.createMany({ data: memberStages.slice(i, i + 1000) });
  // A meeting every other day or so, from six months ago to six months ahead.
  const meetings = Array.from({ length: SHAPE.meetings }, (_, i) => ({
    id: `mt${i}`,
    communityId: community.id,
    title: `Meeting ${i}: ${pick(["Mapping the user's whole problem", "Experience map", "Research show and tell", "Step by step"])}`,
    startsAt: new Date(NOW.getTime() + Math.round((i - SHAPE.meetings / 2) * 1.8 * 86_400_000)),
    durationMinutes: 90,
    timezone: "Europe/London",
    videoLink: "https://teams.example.gov.uk/meet/123",
    reminderOffsets: "10080,1440,60",
    status: rand() < 0.1 ? "cancelled" : "scheduled",
    createdBy: ORGANISER,
  }));
  await db.meeting.createMany({ data: meetings });
  const meetingStages = meetings.flatMap((m, i) => {
    const chosen = new Set<string>();
    if (i % 10 === 0) for (const s of accepted) chosen.add(s.id);
    const count = 1 + Math.floor(rand() * 3);
    while (chosen.size < count) chosen.add(pick(accepted).id);
    return [...chosen].map((stageId) => ({ meetingId: m.id, stageId }));
  });
  await db.meetingStage.createMany({ data: meetingStages });
  // Each past meeting's round: its answers told in the three days before it, every third to a group's round.
  const groups = Array.from({ length: SHAPE.groups }, (_, i) => ({
    id: `g${i}`,
    communityId: community.id,
    name: `Group ${i + 1}: ${pick(["User research", "Licensing", "Payments", "Data sharing"])}`,
    nameKey: `group ${i + 1}`,
    focus: "One part of the journey",
    createdBy: ORGANISER,
  }));
  await db.group.createMany({ data: groups });
  const states = ["idea", "policy_clearance", "agreed", "in_delivery", "live"];
  const updates = meetings
    .filter((m) => m.startsAt < NOW)
    .flatMap((m, n) =>
      Array.from({ length: SHAPE.updatesPerRound }, (_, i) => {
        const organisation = represented[(n * 7 + i) % represented.length];
        const nothingNew = i % 5 === 4;
        return {
          communityId: community.id,
          meetingId: m.id,
          groupId: n % 3 === 0 ? groups[n % SHAPE.groups].id : null,
          organisation,
          organisationName: organisation.toUpperCase(),
          projectKey: `k${organisation}${i % 3}`,
          title: nothingNew ? "" : `A change to ${pick(["registration", "the licence form", "VAT checks", "payments"])} (${n}.${i})`,
          state: nothingNew ? null : pick(states),
          expectedOn: nothingNew || rand() < 0.3 ? null : "2026-12-31",
          nothingNew,
          answeredBy: `U${Math.floor(rand() * SHAPE.members)}`,
          createdAt: new Date(m.startsAt.getTime() - Math.floor(rand() * 3 * 86_400_000)),
        };
      }),
    );
  for (let i = 0; i < updates.length; i += 1000) await db.projectUpdate.createMany({ data: updates.slice(i, i + 1000) });
  console.log(
    `  seeded ${members.length.toLocaleString("en-GB")} memberships, ${stages.length} stages (${owners.length} owners), ${problems.length.toLocaleString("en-GB")} problems, ${votes.length.toLocaleString("en-GB")} votes, ${memberStages.length.toLocaleString("en-GB")} member stages, ${meetings.length} meetings covering ${meetingStages.length.toLocaleString("en-GB")} stages, ${updates.length.toLocaleString("en-GB")} live-project updates`,
  );
  return community.id;
}

async function run(url: string) {
  const { store, counter } = countedStore(url);
  try {
    const t = performance.now();
    const communityId = await seed(store.db);
    // What autovacuum does on PostgreSQL soon after rows arrive in bulk: without statistics the planner guesses.
    if (url.startsWith("postgres")) await store.db.$executeRawUnsafe("ANALYZE");
    const seedSeconds = (performance.now() - t) / 1000;
    const config: Config = {
      slackBotToken: "xoxb-bench",
      slackSigningSecret: "bench",
      slackApiUrl: "http://127.0.0.1:9/api/",
      port: 0,
      publicUrl: "http://localhost",
      databaseUrl: url,
      defaultTimezone: "Europe/London",
      logLevel: "silent",
    };
    const services = buildServices({ config, store, clock: new ManualClock(NOW), logger: pino({ level: "silent" }) });
    const ctx = {
      args: "",
      mentionedUsers: [],
      command: { channel_id: CHANNEL, user_id: ORGANISER },
      context: { teamId: TEAM },
      services,
    } as unknown as SubcommandContext;
    let blocks = 0;
    let bytes = 0;
    let nextMeetings = 0;
    const command = async () => {
      const message = await journeyCommand.reply!(ctx);
      blocks = message.blocks?.length ?? 0;
      bytes = JSON.stringify(message).length;
      nextMeetings = bytes ? JSON.stringify(message).split("Next meeting: ").length - 1 : 0;
    };
    // The command twice, interleaved (A, B, A, B…): the gap between the two medians is the noise floor.
    const first = await interleaved(counter, command, RUNS);
    if (!nextMeetings) throw new Error("the journey named no stage's next meeting");
    const workspace = { teamId: TEAM };
    const next = await measure(
      counter,
      async () => {
        journeyMessage(await services.journey.journey(workspace, communityId, MEMBER, 3));
      },
      RUNS,
    );
    const community = await services.communities.byIdIn(workspace, communityId);
    let journeyLines = 0;
    let liveProjects = 0;
    const digest = await measure(
      counter,
      async () => {
        const built = await services.digests.build(community, new Date(NOW.getTime() - 7 * 86_400_000));
        journeyLines = built.journey.withNewProblems.length + built.journey.notRepresented.length;
        liveProjects = built.liveProjects.places.filter((p) => p.group).length;
      },
      RUNS,
    );
    if (!journeyLines) throw new Error("the digest found nothing to say about the journey");
    if (!liveProjects) throw new Error("the digest found no group's live projects");
    // The one read the live projects added, alone: what it costs of the digest.
    const told = await measure(
      counter,
      async () => {
        await store.digests.liveProjectsSince(communityId, new Date(NOW.getTime() - 7 * 86_400_000), 5);
      },
      RUNS,
    );
    return {
      seedSeconds,
      command: { ...first, cpu: first.cpuTiming, blocks, bytes },
      next,
      digest,
      told,
    };
  } finally {
    await store.close();
  }
}

const ms = (t: Timing) => `${t.medianMs.toFixed(2)} / ${t.p95Ms.toFixed(2)}`;

async function main(): Promise<void> {
  countStatements();
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(`Run ${new Date().toISOString().slice(0, 16)}Z.`);
  console.log(
    `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load.join(" ")}; ${RUNS} runs after ${WARM_UPS} warm-ups, times in ms (median / p95)`,
  );
  const rows: string[] = [];
  for (const database of await benchDatabases("sc_bench_journey")) {
    try {
      migrate(database.url);
      const label = database.version ? `${database.name} ${database.version.split(" ")[0]}` : database.name;
      console.log(`${label}:`);
      const r = await run(database.url);
      console.log(`  seeded in ${r.seedSeconds.toFixed(1)} s`);
      const c = r.command;
      const floor = Math.abs(c.a.medianMs - c.b.medianMs) / Math.min(c.a.medianMs, c.b.medianMs);
      rows.push(
        `| ${label} | \`/community journey\` (organiser, page 1) | ${c.operations} / ${c.statements} | ${ms(c.all)} | ${ms(c.cpu)} | ${c.a.medianMs.toFixed(2)} vs ${c.b.medianMs.toFixed(2)} (${(floor * 100).toFixed(0)}%) | ${c.blocks} / ${c.bytes.toLocaleString("en-GB")} B |`,
        `| ${label} | Next to page 4 (member) | ${r.next.operations} / ${r.next.statements} | ${ms(timing(r.next.times))} | ${ms(timing(r.next.cpu))} | | |`,
        `| ${label} | the digest, with its journey and live projects | ${r.digest.operations} / ${r.digest.statements} | ${ms(timing(r.digest.times))} | ${ms(timing(r.digest.cpu))} | | |`,
        `| ${label} | its live projects' read alone | ${r.told.operations} / ${r.told.statements} | ${ms(timing(r.told.times))} | ${ms(timing(r.told.cpu))} | | |`,
      );
    } finally {
      await database.drop();
    }
  }
  console.log(
    `\nLoad average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log("5,000 members, 40 stages, 2,000 problems (about 10,000 votes)");
  console.log(
    "| Database | What | Queries (Prisma operations / SQL statements) | Median / p95 (ms) | This process's CPU, median / p95 (ms) | A/A medians (noise floor) | Blocks / JSON |",
  );
  console.log("|---|---|:---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
