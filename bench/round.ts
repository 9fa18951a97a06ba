// npm run bench:round: the live-projects round's post and the actions lists (#17),
// on SQLite and PostgreSQL (the local server, or BENCH_POSTGRES_URL).
//
// 1. The round's post: the round_post row's real builder (src/scheduler/kinds/roundPost.ts:
//    the meeting and its community, who was asked, the answers and their stages, the
//    organisations, whether the agenda has the round's item, compileRound and
//    roundPostMessage), for a round of 40 organisations and 400 answers: 31 organisations
//    told 396 updates touching 0 to 3 of 12 stages, 4 said Nothing new, 4 did not answer
//    (one of them asked by email, its members all taking part by email), and one whose
//    members all take part by email with meeting emails off was not asked.
// 2. The actions: `/community actions` (open, mine, done) as Slack's request runs it (the
//    community from the channel, ActionService.page, actionsListMessage), and App Home's
//    open actions (ActionService.openFor, homeActionsBlocks), for a community of 5,000
//    members from 120 organisations with 2,000 actions from 200 meetings over a year, owned
//    unevenly (a few members own many), 2 in 5 done, the open ones half overdue.
//
// Seeded through the services as people would make them (the community, stages, meetings,
// the round's asks and answers, outcomes with their actions, Done), but the members, which
// are written in bulk as the other benchmarks write them. Each path is also measured for a
// small community (4 organisations and 3 answers; 3 members and 4 actions): the Prisma
// operations and SQL statements must be the same at both sizes and in every run, or the
// run fails. BENCH_RUNS (50) runs after warm-ups, in two interleaved series whose medians'
// gap is the noise floor.
import os from "node:os";
import pino from "pino";
import { actions as actionsCommand } from "../src/app/commands/actions";
import type { SubcommandContext } from "../src/app/commands/subcommand";
import { ManualClock } from "../src/domain/common/clock";
import { HOME_ACTIONS_SHOWN } from "../src/domain/meetings/actions";
import { emailPersonId } from "../src/domain/members/people";
import { type OutboxRow, PROJECT_STATES } from "../src/domain/ports";
import { ORGANISATIONS } from "../src/reference/organisations";
import { roundPost } from "../src/scheduler/kinds/roundPost";
import { buildServices } from "../src/services";
import type { createStore } from "../src/store";
import { homeActionsBlocks } from "../src/views/actions";
import { TEAM_ID, testConfig } from "../test/support/harness";
import { seedCommunity, seedMeeting } from "../test/support/seed";
import { benchDatabases, migrate } from "./databases";
import { countedStore, countStatements, type Interleaved, interleaved, measure, type Timing } from "./measure";
import { prng } from "./shared";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const TARGET_MS = 50;
const WORKSPACE = { teamId: TEAM_ID };
const DAY = 86_400_000;
/** The actions' "today": a Monday. */
const NOW = new Date("2026-03-09T12:00:00Z");
/** The round's meeting, and when its steps happen (3 working days before, 9am; the post 3pm the day before). */
const ROUND_MEETING = "2026-03-19T10:00";
const ROUND_ASKED = new Date("2026-03-16T09:00:00Z");

type Store = ReturnType<typeof createStore>;
type Services = ReturnType<typeof buildServices>;

interface RoundShape {
  label: string;
  /**
   * Organisations whose members all take part by email: with meeting emails off (not asked), or
   * on (asked by email, and silent); then those in Slack that tell, say Nothing new, stay silent.
   */
  emailNotAsked: number;
  emailAsked: number;
  told: number;
  nothingNew: number;
  silent: number;
  updates: number;
  stages: number;
}
const ROUND_FULL: RoundShape = {
  label: "full",
  emailNotAsked: 1,
  emailAsked: 1,
  told: 31,
  nothingNew: 4,
  silent: 3,
  updates: 396,
  stages: 12,
};
const ROUND_SMALL: RoundShape = {
  label: "small",
  emailNotAsked: 1,
  emailAsked: 1,
  told: 1,
  nothingNew: 1,
  silent: 0,
  updates: 2,
  stages: 2,
};

interface ActionShape {
  label: string;
  members: number;
  organisations: number;
  meetings: number;
  actionsPerMeeting: number;
  stages: number;
}
const ACTIONS_FULL: ActionShape = { label: "full", members: 5000, organisations: 120, meetings: 200, actionsPerMeeting: 10, stages: 8 };
const ACTIONS_SMALL: ActionShape = { label: "small", members: 3, organisations: 2, meetings: 1, actionsPerMeeting: 4, stages: 1 };

const organisationIds = ORGANISATIONS.map((o) => o.id);

async function addStages(services: Services, communityId: string, by: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const added = await services.journey.addStage(WORKSPACE, communityId, by, {
      title: `Stage ${i + 1}: ${["Check", "Register", "Apply", "Pay", "Report", "Employ"][i % 6]} ${["the company", "for tax", "a licence", "people"][i % 4]}`,
      description: "",
      link: null,
      owners: [],
    });
    ids.push(added.stage.id);
  }
  return ids;
}

/** A round with `shape`'s organisations and answers, asked and answered; returns its round_post row, due. */
async function seedRound(store: Store, services: Services, clock: ManualClock, shape: RoundShape): Promise<OutboxRow> {
  const rand = prng(shape.updates + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const emailOnly = shape.emailNotAsked + shape.emailAsked;
  const organisations = emailOnly + shape.told + shape.nothingNew + shape.silent;
  const orgs = organisationIds.slice(0, organisations);
  const creator = `R${shape.label}0`;
  clock.set(new Date("2026-03-02T10:00:00Z"));
  const community = await seedCommunity({ services, db: store.db }, creator, {
    name: `Round ${shape.label}`,
    channel: null,
    existingChannel: `C0ROUND${shape.label.toUpperCase()}`,
    organisation: orgs[emailOnly],
  });
  // Each organisation's members: 2 to 21 in Slack, or 3 by email.
  const slackMembers = new Map<string, string[]>();
  const rows = orgs.flatMap((organisation, o) => {
    const byEmail = o < emailOnly;
    const count = byEmail ? 3 : 2 + Math.floor(rand() * 20);
    return Array.from({ length: count }, (_, i) => {
      const email = `m${o}-${i}@${organisation}.example.gov.uk`;
      const personId = byEmail ? emailPersonId(email) : `R${shape.label}-${o}-${i}`;
      if (!byEmail) slackMembers.set(organisation, [...(slackMembers.get(organisation) ?? []), personId]);
      return {
        communityId: community.id,
        slackUserId: personId,
        email: byEmail ? email : null,
        organisation,
        profession: "policy",
        role: "member",
        status: "active",
        emailMeetings: byEmail && o >= shape.emailNotAsked,
        joinedAt: new Date("2026-01-05T10:00:00Z"),
      };
    });
  });
  await store.db.membership.createMany({ data: rows });
  const stageIds = await addStages(services, community.id, creator, shape.stages);
  const meeting = await seedMeeting({ services, db: store.db }, community.id, ROUND_MEETING, { by: creator, now: clock.now() });

  clock.set(ROUND_ASKED);
  const asked = await services.round.ask(meeting.id, meeting.startsAt.toISOString());
  if ("skip" in asked) throw new Error(`the round was not asked: ${asked.skip}`);
  clock.set(new Date(ROUND_ASKED.getTime() + 3_600_000));
  const first = emailOnly;
  const told = orgs.slice(first, first + shape.told);
  for (let n = 0; n < shape.updates; n++) {
    const organisation = told[n % told.length]!;
    const answerer = slackMembers.get(organisation)![n % 2];
    const stages = Array.from({ length: Math.floor(rand() * 4) }, () => pick(stageIds));
    const expected = rand() < 0.7 ? new Date(NOW.getTime() + Math.floor(rand() * 300) * DAY).toISOString().slice(0, 10) : null;
    await services.roundAnswers.addUpdate(
      WORKSPACE,
      meeting.id,
      answerer!,
      {
        title: `${pick(["New", "Changed", "Retired", "Cleared"])} ${pick(["guidance on", "eligibility check for", "online form for", "policy on"])} ${pick(["registering", "paying VAT", "employing people", "licences"])} (${n + 1})`,
        stageIds: stages,
        state: pick(PROJECT_STATES),
        expectedOn: expected,
        earlier: null,
      },
      `bench-round-${shape.label}-${n}`,
    );
  }
  for (const organisation of orgs.slice(first + shape.told, first + shape.told + shape.nothingNew)) {
    await services.roundAnswers.nothingNew(WORKSPACE, meeting.id, slackMembers.get(organisation)![0]!);
  }
  const row = await store.db.outboxMessage.findFirstOrThrow({ where: { kind: "round_post", subjectId: meeting.id, status: "pending" } });
  clock.set(row.dueAt);
  const compiled = await services.round.compile(meeting.id, null, community.id);
  if ("skip" in compiled) throw new Error(`the round's post would be skipped: ${compiled.skip}`);
  const s = compiled.summary;
  const got = [s.told.length, s.updateCount, s.nothingNew.length, s.notAnswered.length, s.notAsked.length].join();
  const wanted = [shape.told, shape.updates, shape.nothingNew, shape.silent + shape.emailAsked, shape.emailNotAsked].join();
  if (got !== wanted)
    throw new Error(`the ${shape.label} round compiled ${got} (told, updates, nothing new, silent, not asked), not ${wanted}`);
  return { ...row, payload: JSON.parse(row.payload) } as unknown as OutboxRow;
}

interface ActionsPlace {
  channelId: string;
  viewer: string;
  counts: { open: number; mine: number; done: number; overdue: number };
}

/** A community with `shape`'s members, and its meetings' outcomes with their actions, some of them done. */
async function seedActions(store: Store, services: Services, clock: ManualClock, shape: ActionShape): Promise<ActionsPlace> {
  const rand = prng(shape.members);
  const organiser = `A${shape.label}0`;
  const viewer = `A${shape.label}1`;
  const channelId = `C0ACTIONS${shape.label.toUpperCase()}`;
  const first = new Date(NOW.getTime() - (shape.meetings * 2 + 1) * DAY);
  clock.set(new Date(first.getTime() - DAY));
  const community = await seedCommunity({ services, db: store.db }, organiser, {
    name: `Actions ${shape.label}`,
    channel: null,
    existingChannel: channelId,
  });
  const members = Array.from({ length: shape.members - 1 }, (_, i) => ({
    communityId: community.id,
    slackUserId: `A${shape.label}${i + 1}`,
    organisation: organisationIds[i % shape.organisations]!,
    profession: "policy",
    role: i % 100 === 50 ? "organiser" : "member",
    status: "active",
    joinedAt: new Date(first.getTime() - 30 * DAY),
  }));
  for (let i = 0; i < members.length; i += 1000) await store.db.membership.createMany({ data: members.slice(i, i + 1000) });
  const stageIds = await addStages(services, community.id, organiser, shape.stages);
  const problemIds = (await store.db.problem.findMany({ where: { communityId: community.id }, select: { id: true } })).map((p) => p.id);

  const meetings = [];
  for (let i = 0; i < shape.meetings; i++) {
    const day = new Date(first.getTime() + i * 2 * DAY).toISOString().slice(0, 10);
    meetings.push(await seedMeeting({ services, db: store.db }, community.id, `${day}T10:00`, { by: organiser, now: clock.now() }));
  }
  clock.set(NOW);
  const done: Array<{ id: string; ownerId: string }> = [];
  let j = 0;
  for (const meeting of meetings) {
    const day = meeting.startsAt.getTime();
    const rows = Array.from({ length: shape.actionsPerMeeting }, () => {
      const n = j++;
      // A few members own many: the viewer every 25th and the next, the rest skewed to the first members.
      const ownerId = n % 25 < 2 ? viewer : `A${shape.label}${Math.floor(shape.members * rand() ** 3)}`;
      return {
        n,
        title: `${["Write up", "Ask", "Share", "Check", "Draft"][n % 5]} ${["the research", "legal about", "the data on", "the policy on"][n % 4]} ${["registrations", "VAT", "licences", "hiring"][n % 4]} (${n + 1})`,
        ownerId,
        // Due from 60 days ago to 60 days ahead (a week after the meeting at the earliest): the open ones half overdue.
        dueOn: new Date(Math.max(day + 7 * DAY, NOW.getTime() + (((n * 37) % 121) - 60) * DAY)).toISOString().slice(0, 10),
        topic: n % 3 === 0 ? `stage:${stageIds[n % stageIds.length]}` : n % 6 === 1 ? `problem:${problemIds[n % problemIds.length]}` : null,
      };
    });
    const recorded = await services.outcomes.record(
      WORKSPACE,
      meeting.id,
      organiser,
      { notes: "What we talked about.", decisions: "We agreed to meet monthly", actions: rows },
      `bench-outcome-${meeting.id}`,
    );
    for (const [k, action] of recorded.actions.entries()) {
      // 2 in 5 done.
      if (rows[k]!.n % 5 === 1 || rows[k]!.n % 5 === 3) done.push({ id: action.id, ownerId: action.ownerId });
    }
  }
  for (const [k, action] of done.entries()) {
    clock.set(new Date(NOW.getTime() - (done.length - k) * 60_000));
    await services.actions.complete(WORKSPACE, action.id, action.ownerId);
  }
  clock.set(NOW);
  const today = NOW.toISOString().slice(0, 10);
  const count = (where: object) => store.db.actionItem.count({ where: { communityId: community.id, ...where } });
  return {
    channelId,
    viewer,
    counts: {
      open: await count({ status: "open" }),
      mine: await count({ status: "open", ownerId: viewer }),
      done: await count({ status: "done" }),
      overdue: await count({ status: "open", dueOn: { lt: today } }),
    },
  };
}

interface PathResult {
  what: string;
  small: { operations: number; statements: number };
  full: Interleaved;
  blocks: number;
  bytes: number;
}

/** `build(place)` measured at the small size, then the full one; the counts must match. */
async function path<P>(
  counter: { operations: number },
  what: string,
  small: P,
  full: P,
  build: (place: P) => Promise<{ blocks?: unknown[] }>,
): Promise<PathResult> {
  let message: { blocks?: unknown[] } = {};
  const once = (place: P) => async () => {
    message = await build(place);
  };
  const few = await measure(counter, once(small), 10);
  const many = await interleaved(counter, once(full), RUNS);
  if (few.operations !== many.operations || few.statements !== many.statements) {
    throw new Error(
      `${what}: the queries grow with the data: ${few.operations}/${few.statements} small, ${many.operations}/${many.statements} full`,
    );
  }
  return { what, small: few, full: many, blocks: message.blocks?.length ?? 0, bytes: JSON.stringify(message).length };
}

async function run(url: string) {
  const { store, counter } = countedStore(url);
  try {
    const clock = new ManualClock(NOW);
    const services = buildServices({
      config: testConfig("http://127.0.0.1:9/api/", url),
      store,
      clock,
      logger: pino({ level: "silent" }),
    });
    const t = performance.now();
    const rounds = {
      small: await seedRound(store, services, clock, ROUND_SMALL),
      full: await seedRound(store, services, clock, ROUND_FULL),
    };
    const lists = {
      small: await seedActions(store, services, clock, ACTIONS_SMALL),
      full: await seedActions(store, services, clock, ACTIONS_FULL),
    };
    // What autovacuum does on PostgreSQL soon after rows arrive in bulk: without statistics the planner guesses.
    if (url.startsWith("postgres")) await store.db.$executeRawUnsafe("ANALYZE");
    const seedSeconds = (performance.now() - t) / 1000;

    // Both rounds' posts fall due at the same time of day before their meetings: the full one's.
    clock.set(rounds.full.dueAt);
    const post = await path(counter, "the round's post (round_post)", rounds.small, rounds.full, async (row) => {
      const outcome = await roundPost.build(row, services);
      if (outcome.kind !== "send") throw new Error(`the round's post was not sent: ${JSON.stringify(outcome)}`);
      return outcome.message as { blocks?: unknown[] };
    });
    const compiled = await path(counter, "of which its reads and compileRound", rounds.small, rounds.full, async (row) => {
      const round = await services.round.compile(row.subjectId!, null, row.communityId);
      if ("skip" in round) throw new Error(`the round's post would be skipped: ${round.skip}`);
      return {};
    });

    clock.set(NOW);
    const command = (args: string) => (place: ActionsPlace) =>
      actionsCommand.reply!({
        args,
        mentionedUsers: [],
        command: { channel_id: place.channelId, user_id: place.viewer },
        context: { teamId: TEAM_ID },
        services,
      } as unknown as SubcommandContext);
    const paths = [
      post,
      compiled,
      await path(counter, "`/community actions` (open)", lists.small, lists.full, command("")),
      await path(counter, "`/community actions mine`", lists.small, lists.full, command("mine")),
      await path(counter, "`/community actions done`", lists.small, lists.full, command("done")),
      await path(counter, "App Home's open actions", lists.small, lists.full, async (place) => ({
        blocks: homeActionsBlocks(await services.actions.openFor(WORKSPACE, place.viewer, HOME_ACTIONS_SHOWN), clock.now()),
      })),
    ];
    return { seedSeconds, paths, counts: lists.full.counts };
  } finally {
    await store.close();
  }
}

const ms = (t: Timing) => `${t.medianMs.toFixed(1)} / ${t.p95Ms.toFixed(1)}`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function main(): Promise<void> {
  countStatements();
  const startLoad = load();
  const rows: string[] = [];
  const missed: string[] = [];
  let counts = "";
  for (const database of await benchDatabases("sc_bench_round")) {
    try {
      migrate(database.url);
      const label = database.version ? `${database.name} ${database.version.split(" ")[0]}` : database.name;
      const r = await run(database.url);
      console.error(`${label}: seeded in ${r.seedSeconds.toFixed(1)} s`);
      const c = r.counts;
      counts = `${c.open} open (${c.overdue} overdue), ${c.done} done; the viewer owns ${c.mine} open`;
      for (const p of r.paths) {
        const f = p.full;
        const floor = Math.abs(f.a.medianMs - f.b.medianMs) / Math.min(f.a.medianMs, f.b.medianMs);
        if (f.all.medianMs >= TARGET_MS) missed.push(`${label} ${p.what}: ${f.all.medianMs.toFixed(1)} ms`);
        rows.push(
          `| ${label} | ${p.what} | ${p.small.operations} / ${p.small.statements} → ${f.operations} / ${f.statements} | ${ms(f.all)} | ${ms(f.cpuTiming)} | ${f.a.medianMs.toFixed(1)} vs ${f.b.medianMs.toFixed(1)} (${(floor * 100).toFixed(0)}%) | ${p.blocks ? `${p.blocks} / ${p.bytes.toLocaleString("en-GB")} B` : ""} |`,
        );
      }
    } finally {
      await database.drop();
    }
  }
  console.log(
    `\nRun ${new Date().toISOString().slice(0, 16)}Z: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${startLoad} at the start, ${load()} at the end. ${RUNS} runs after warm-ups, times in ms (median / p95).`,
  );
  console.log(`Round: 40 organisations, 400 answers. Actions: 5,000 members, 2,000 actions: ${counts}.\n`);
  console.log(
    "| Database | What | Queries, small → full (Prisma operations / SQL statements) | Median / p95 (ms) | This process's CPU, median / p95 (ms) | A/A medians (noise floor) | Blocks / JSON |",
  );
  console.log("|---|---|:---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
  console.log(missed.length ? `\nOver the ${TARGET_MS} ms median: ${missed.join("; ")}` : `\nEvery median is under ${TARGET_MS} ms.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
