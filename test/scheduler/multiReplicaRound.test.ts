// The live-projects round with three app processes on one PostgreSQL database,
// each ticking at the same moments: 40 organisations, each asked once (two members
// each, 80 DMs, no one twice), the reminder once and only to the organisations that
// have not answered, and one post in the channel naming them. Then a group's round
// a week later: only the group's members asked, each once, and one post in the
// group's channel. Real processes and a real dispatcher; the clock is moved in each
// replica by hand.
import pino from "pino";
import { ORGANISATIONS } from "../../src/reference/organisations";
import { buildServices } from "../../src/services";
import { createStore } from "../../src/store";
import { blockKitProblems } from "../support/blockKit";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { testConfig } from "../support/harness";
import { type Replica, startReplica, stopReplicas } from "../support/replicas";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";

const SEEDED_AT = "2026-03-02T10:00:00.000Z";
const ASK = "2026-03-31T08:00:00.000Z";
const REMIND = "2026-04-02T08:00:00.000Z";
const POST = "2026-04-02T14:00:00.000Z";
const ORGANISERS_ORGANISATION = "hmrc";
const OTHERS = ORGANISATIONS.filter((o) => o.id !== ORGANISERS_ORGANISATION)
  .slice(0, 39)
  .map((o) => o.id);
/** The organisations that will not answer. */
const SILENT = OTHERS.slice(0, 10);
// The group meets on Tuesday 14 April: asked on Thursday 9 April, reminded and posted on Monday 13 April.
const GROUP_ASK = "2026-04-09T08:00:00.000Z";
const GROUP_REMIND = "2026-04-13T08:00:00.000Z";
const GROUP_POST = "2026-04-13T14:00:00.000Z";
const GROUP_CHANNEL = "C0GROUPCHANNEL";
/** In the group: the first member of ten organisations, and the second of the first of them (and the organiser, who started it). */
const GROUP_MEMBERS = [...OTHERS.slice(0, 10).map((_, i) => `U0M${i}N1`), "U0M0N2"];

// Runs in the postgresql jest project only (jest.config.js keeps it out of the SQLite one).
describe("the live-projects round with three replicas", () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let replicas: Replica[];
  let meetingId: string;
  let channel: string;
  let groupMeetingId: string;
  let groupId: string;

  beforeAll(async () => {
    slack = new FakeSlack();
    await slack.start();
    database = await createTestDatabase();
    const store = createStore(database.url);
    const clock = { now: () => new Date(SEEDED_AT) };
    const config = testConfig(slack.apiUrl, database.url, { publicUrl: "https://communities.test" });
    const services = buildServices({ config, store, clock, logger: pino({ level: "silent" }) });
    const to = { services, db: store.db };
    const community = await seedCommunity(to, "U0ORGANISER");
    channel = community.slackChannelId!;
    await seedMember(to, "U0HMRC2", community.id, { organisation: ORGANISERS_ORGANISATION });
    for (const [i, organisation] of OTHERS.entries()) {
      for (const n of [1, 2]) await seedMember(to, `U0M${i}N${n}`, community.id, { organisation });
    }
    meetingId = (await seedMeeting(to, community.id, "2026-04-07T10:00", { now: clock.now(), channel })).id;
    const record = await services.communities.byId(community.id);
    const made = await services.groups.create(record, "U0ORGANISER", { name: "Licensing", focus: "Licences", channel: null });
    if (made.kind !== "created") throw new Error(`group not created: ${made.kind}`);
    const group = await store.db.group.update({ where: { id: made.group.id }, data: { slackChannelId: GROUP_CHANNEL } });
    groupId = group.id;
    for (const person of GROUP_MEMBERS) await services.groups.join(record, group, person);
    groupMeetingId = (await seedMeeting(to, community.id, "2026-04-14T10:00", { now: clock.now(), groupId, channel: GROUP_CHANNEL })).id;
    await store.close();
    const env = { DATABASE_URL: database.url, SLACK_API_URL: slack.apiUrl, CLOCK_AT: SEEDED_AT };
    replicas = await Promise.all(["replica-a", "replica-b", "replica-c"].map((name) => startReplica(name, env)));
  }, 120_000);

  afterAll(async () => {
    await stopReplicas(replicas);
    await slack?.stop();
    await database?.release();
  }, 30_000);

  /** Every replica's clock at `at`, then all three tick at once, a few times over (the questions a tick plans are sent by the next). */
  async function allTickAt(at: string) {
    await Promise.all(replicas.map((r) => r.ask({ cmd: "clock", at })));
    for (let i = 0; i < 3; i++) {
      const replies = await Promise.all(replicas.map((r) => r.ask({ cmd: "dispatch" })));
      expect(replies.map((r) => r.error ?? "ok")).toEqual(["ok", "ok", "ok"]);
    }
  }

  const dms = () => slack.callsTo("chat.postMessage").filter((c) => c.args.channel.startsWith("U"));

  it("asks each organisation once, reminds only those that did not answer, and posts once", async () => {
    await allTickAt(ASK);
    const asked = dms().map((c) => c.args.channel as string);
    expect(asked).toHaveLength(80);
    expect(new Set(asked).size).toBe(80);
    const store = createStore(database.url);
    const asks = await store.db.roundAsk.findMany({ where: { meetingId } });
    expect(asks).toHaveLength(80);
    const perOrganisation = new Map<string, number>();
    for (const a of asks) perOrganisation.set(a.organisation, (perOrganisation.get(a.organisation) ?? 0) + 1);
    expect([...perOrganisation.values()]).toEqual(Array(40).fill(2));

    // Everyone but the silent ten answers (one of them with Nothing new).
    const { communityId } = await store.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    for (const [i, organisation] of OTHERS.entries()) {
      if (SILENT.includes(organisation)) continue;
      await store.db.projectUpdate.create({
        data: {
          communityId,
          meetingId,
          organisation,
          organisationName: organisation,
          projectKey: `k${i}`,
          title: i === 10 ? "" : `Change from ${organisation}`,
          state: i === 10 ? null : "in_delivery",
          nothingNew: i === 10,
          answeredBy: `U0M${i}N1`,
        },
      });
    }
    const before = dms().length;
    await allTickAt(REMIND);
    const reminded = dms()
      .slice(before)
      .map((c) => c.args.channel as string);
    const silentPeople = SILENT.flatMap((organisation) => [1, 2].map((n) => `U0M${OTHERS.indexOf(organisation)}N${n}`));
    // HMRC did not answer either: its two members are reminded too.
    expect(reminded.sort()).toEqual([...silentPeople, "U0ORGANISER", "U0HMRC2"].sort());

    await allTickAt(POST);
    const posts = slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && /^Live projects/.test(c.args.text));
    expect(posts).toHaveLength(1);
    const post = posts[0].args;
    expect(blockKitProblems(post.blocks, "message")).toEqual([]);
    expect(post.text).toBe("Live projects before Show and tell: *28 updates* from 28 organisations");
    expect(post.blocks[1].text.text).toContain("*Did not answer:* ");
    expect(await store.db.agendaItem.count({ where: { meetingId, source: "live_projects" } })).toBe(1);
    await store.close();
  }, 180_000);

  it("asks only a group's members, each once, reminds those whose organisation did not answer, and posts once in the group's channel", async () => {
    const before = dms().length;
    await allTickAt(GROUP_ASK);
    const asked = dms()
      .slice(before)
      .map((c) => c.args.channel as string);
    // Two from the first organisation, one from each of nine others, and the organiser for HMRC: nobody outside the group.
    expect(asked.sort()).toEqual([...GROUP_MEMBERS, "U0ORGANISER"].sort());
    const store = createStore(database.url);
    const asks = await store.db.roundAsk.findMany({ where: { meetingId: groupMeetingId } });
    expect(asks).toHaveLength(12);

    // Half the group's organisations answer, as the form writes it: the group's.
    const { communityId } = await store.db.meeting.findUniqueOrThrow({ where: { id: groupMeetingId } });
    for (const [i, organisation] of OTHERS.slice(0, 5).entries()) {
      await store.db.projectUpdate.create({
        data: {
          communityId,
          meetingId: groupMeetingId,
          groupId,
          organisation,
          organisationName: organisation,
          projectKey: `g${i}`,
          title: `Licence change from ${organisation}`,
          state: "agreed",
          answeredBy: `U0M${i}N1`,
        },
      });
    }
    const remindedFrom = dms().length;
    await allTickAt(GROUP_REMIND);
    const reminded = dms()
      .slice(remindedFrom)
      .map((c) => c.args.channel as string);
    expect(reminded.sort()).toEqual([...[5, 6, 7, 8, 9].map((i) => `U0M${i}N1`), "U0ORGANISER"].sort());

    await allTickAt(GROUP_POST);
    const posts = slack
      .callsTo("chat.postMessage")
      .filter((c) => /^Live projects before/.test(c.args.text) && c.args.text.includes("Licensing"));
    expect(posts.map((c) => c.args.channel)).toEqual([GROUP_CHANNEL]);
    expect(posts[0].args.text).toBe("Live projects before Show and tell (Licensing group): *5 updates* from 5 organisations");
    expect(blockKitProblems(posts[0].args.blocks, "message")).toEqual([]);
    expect(await store.db.agendaItem.count({ where: { meetingId: groupMeetingId, source: "live_projects" } })).toBe(1);
    await store.close();
  }, 180_000);
});
