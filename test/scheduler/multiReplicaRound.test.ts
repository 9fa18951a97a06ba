// The live-projects round with three app processes on one PostgreSQL database,
// each ticking at the same moments: 40 organisations, each asked once (two members
// each, 80 DMs, no one twice), the reminder once and only to the organisations that
// have not answered, and one post in the channel naming them. Real processes and
// a real dispatcher; the clock is moved in each replica by hand.
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

// Runs in the postgresql jest project only (jest.config.js keeps it out of the SQLite one).
describe("the live-projects round with three replicas", () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let replicas: Replica[];
  let meetingId: string;
  let channel: string;

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
});
