import { DateTime } from "luxon";
import { ACTION, BLOCK, CALLBACK, MEETING_BLOCK, PROBLEM_BLOCK, SETTINGS_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  // Made the day before the period the first digest covers (from Monday 2 March, 09:00).
  h.clock.set(new Date("2026-03-01T10:00:00Z"));
  const community = await seedCommunity(h, "U0ALICE", { problems: null }); // Alice: HMRC
  h.clock.set(new Date("2026-03-02T10:00:00Z")); // the default digest is Mondays at 09:00 London time
  return { communityId: community.id, channel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel },
  } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const at = (iso: string) => h.clock.set(new Date(iso));
const digestPosts = () => h.slack.callsTo("chat.postMessage").filter((c) => /digest/.test(c.args.text ?? ""));
const text = (call: { args: Record<string, any> }) => JSON.stringify(call.args.blocks);

async function logProblem(user: string, title: string) {
  const reply = await h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.logProblem,
      privateMetadata: JSON.stringify({ communityId }),
      values: {
        [PROBLEM_BLOCK.title]: input.text(title),
        [PROBLEM_BLOCK.description]: input.text(null),
        [PROBLEM_BLOCK.affects]: input.multiExternal([]),
        [PROBLEM_BLOCK.stage]: input.text(null),
        [PROBLEM_BLOCK.link]: input.text(null),
      },
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.problem.findFirstOrThrow({ where: { title } });
}

async function scheduleMeeting(title: string, local: string) {
  const reply = await h.interact(
    viewSubmission({
      user: "U0ALICE",
      callbackId: CALLBACK.scheduleMeeting,
      privateMetadata: JSON.stringify({ communityId, pickerZone: "Europe/London" }),
      values: {
        [MEETING_BLOCK.title]: input.text(title),
        [MEETING_BLOCK.start]: input.datetime(DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds()),
        [MEETING_BLOCK.duration]: input.select("60"),
        [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/1"),
        [MEETING_BLOCK.recurrence]: input.select("none"),
        [MEETING_BLOCK.reminders]: input.checkboxes([]),
      },
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.meeting.findFirstOrThrow({ where: { title } });
}

describe("the weekly digest", () => {
  it("posts what is new on Monday at 09:00 London time, section by section", async () => {
    await h.app.tick();
    const planned = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "digest" } });
    expect(planned).toMatchObject({ target: channel, dueAt: new Date("2026-03-09T09:00:00Z"), status: "pending" });

    // During the week: two members join (DWP is new), two problems are logged and voted on, a meeting is scheduled.
    await seedMember(h, "U0BOB", communityId, { organisation: "dwp" });
    await seedMember(h, "U0CAROL", communityId, { organisation: "hmrc" });
    const problem = await logProblem("U0BOB", "Two registrations for one business");
    await logProblem("U0CAROL", "Licences are hard to find");
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.voteProblem,
        value: problem.id,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.problemActions,
      }),
    );
    const meeting = await scheduleMeeting("Show and tell", "2026-03-20T10:00");
    await h.interact(
      blockAction({
        user: "U0CAROL",
        actionId: ACTION.rsvpGoing,
        value: meeting.id,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.meetingActions,
      }),
    );
    h.slack.reset();

    at("2026-03-09T08:59:00Z");
    await h.app.tick();
    expect(digestPosts()).toHaveLength(0);
    at("2026-03-09T09:00:00Z");
    await h.app.tick();
    expect(digestPosts()).toHaveLength(1);
    const post = digestPosts()[0];
    expect(post.args.channel).toBe(channel);
    const body = text(post);
    expect(body).toContain("*New problems* (2)");
    expect(body).toContain("Two registrations for one business");
    expect(body).toContain("*Most-voted open problems*");
    expect(body).toContain("Two registrations for one business: 1 vote from 1 organisation");
    expect(body).toContain("*Upcoming meetings*");
    expect(body).toContain("*Show and tell*");
    expect(body).toContain("1 going, 0 maybe");
    expect(body).toContain("*New members* (2): <@U0BOB>, <@U0CAROL>");
    expect(body).toContain("*Newly represented:* Department for Work and Pensions (DWP)");
    // The digest points at the list of who is in, not at the charter.
    expect(body).toContain("Who is in: `/community members starting-a-business`");
    expect(body).not.toContain("HM Revenue"); // Alice was already there from HMRC
    // The next week's digest is planned, and this one is not sent twice.
    await h.app.tick();
    expect(digestPosts()).toHaveLength(1);
    expect(await h.db.outboxMessage.count({ where: { kind: "digest", dueAt: new Date("2026-03-16T09:00:00Z") } })).toBe(1);
  });

  it("is not posted when there is nothing new", async () => {
    await h.app.tick();
    at("2026-03-09T09:00:00Z");
    await h.app.tick();
    expect(digestPosts()).toHaveLength(0);
    expect(await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "digest", dueAt: new Date("2026-03-09T09:00:00Z") } })).toMatchObject(
      { status: "skipped", lastError: "nothing new" },
    );
  });

  it("keeps 09:00 London time across the clock change: 09:00Z in March, 08:00Z after the last Sunday", async () => {
    const dues: string[] = [];
    for (const iso of ["2026-03-20T12:00:00Z", "2026-03-23T09:01:00Z", "2026-03-30T08:01:00Z"]) {
      at(iso);
      await h.app.tick();
    }
    for (const row of await h.db.outboxMessage.findMany({ where: { kind: "digest" }, orderBy: { dueAt: "asc" } }))
      dues.push(row.dueAt.toISOString());
    expect(dues).toEqual(["2026-03-23T09:00:00.000Z", "2026-03-30T08:00:00.000Z", "2026-04-06T08:00:00.000Z"]);
  });

  it("ends long sections with 'and N more' and the command that shows them all, within Block Kit limits", async () => {
    await h.app.tick();
    for (let i = 0; i < 30; i++) {
      await h.db.problem.create({
        data: {
          communityId,
          title: `Problem ${String(i).padStart(2, "0")} ${"x".repeat(130)}`,
          source: "command",
          createdBy: "U0ALICE",
          createdAt: new Date("2026-03-03T10:00:00Z"),
        },
      });
    }
    at("2026-03-09T09:00:00Z");
    await h.app.tick();
    const body = text(digestPosts()[0]);
    expect(body).toContain("*New problems* (30)");
    expect(body).toContain("…and 25 more: `/community problems starting-a-business`");
  });

  it("DMs it to members who ask, and stops when they ask again", async () => {
    await seedMember(h, "U0BOB", communityId, { organisation: "dwp" });
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.digestDm,
        value: communityId,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.digestActions,
      }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/You will also get the \*Starting a business\* digest by DM/);
    await h.app.tick();
    at("2026-03-09T09:00:00Z");
    await h.app.tick();
    expect(digestPosts().map((c) => c.args.channel)).toEqual([channel, "U0BOB"]);
    // Asking again stops it: the next week's digest goes to the channel only.
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.digestDm,
        value: communityId,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.digestActions,
      }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/no longer get/);
    expect((await h.db.membership.findFirstOrThrow({ where: { communityId, slackUserId: "U0BOB" } })).digestByDm).toBe(false);
    await logProblem("U0BOB", "Something new for the second week");
    h.slack.reset();
    at("2026-03-16T09:00:00Z");
    await h.app.tick();
    expect(digestPosts().map((c) => c.args.channel)).toEqual([channel]);
    // A non-member cannot subscribe.
    await h.interact(
      blockAction({
        user: "U0ERIN",
        actionId: ACTION.digestDm,
        value: communityId,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.digestActions,
      }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/Only members/);
  });

  it("follows the schedule organisers set in /community settings", async () => {
    await h.app.tick();
    const reply = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.communitySettings,
        privateMetadata: JSON.stringify({ communityId }),
        values: {
          [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes([]),
          [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
          [SETTINGS_BLOCK.digestCadence]: input.select("monthly"),
          [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
          [SETTINGS_BLOCK.digestMonthDay]: input.select("15"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "16:30" },
        },
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const rows = await h.db.outboxMessage.findMany({ where: { kind: "digest" }, orderBy: { dueAt: "asc" } });
    expect(rows.map((r) => [r.dueAt.toISOString(), r.status])).toEqual([
      ["2026-03-09T09:00:00.000Z", "skipped"],
      ["2026-03-15T16:30:00.000Z", "pending"],
    ]);
  });

  it("refuses a digest time that is not a time, beside the field", async () => {
    const reply = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.communitySettings,
        privateMetadata: JSON.stringify({ communityId }),
        values: {
          [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
          [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "25:99" },
        },
      }),
    );
    expect(reply.json.errors[SETTINGS_BLOCK.digestTime]).toMatch(/Pick a time/);
  });
});

describe("/community digest", () => {
  it("shows anyone the digest as it would be now, ephemerally", async () => {
    await logProblem("U0ALICE", "Two registrations for one business");
    const reply = await h.command("digest", { user: "U0STRANGER", channel });
    expect(reply.json.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply.json.blocks)).toContain("A preview, as it would be now.");
    expect(JSON.stringify(reply.json.blocks)).toContain("Two registrations for one business");
  });

  it("says there is nothing new when there is not", async () => {
    const reply = await h.command("digest Starting a business", { user: "U0ALICE" });
    expect(JSON.stringify(reply.json.blocks)).toContain("Nothing new since the last digest");
  });
});
