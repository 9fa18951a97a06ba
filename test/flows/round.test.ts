// The live-projects round (#17), through the real app over HTTP on each database
// with the clock moved by hand: planned on the community's working days (across
// Easter's bank holidays and the clocks going forward), the questions by DM to
// each organisation's members, Tell us about a change and Nothing new, one
// reminder only to those whose organisation has not answered, and the post in
// the channel with the organisations that did not answer, put on the agenda.
import { ACTION, CALLBACK, ROUND_BLOCK, SETTINGS_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { sentProblems } from "../support/sentProblems";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser, HMRC (the community's creator)
const BOB = "U0BOB"; // DWP
const CAROL = "U0CAROL"; // Companies House
const DAN = "U0DAN"; // HMRC
const ERIN = "U0ERIN"; // HMRC: a third member of HMRC, not asked
const EMAIL_MEMBER = "mail:0123456789abcdef01234567"; // DBT, by email only

// Tuesday 7 April 2026, 10am: after Good Friday (3 April) and Easter Monday (6 April), and after the clocks go forward on 29 March.
const MEETING = "2026-04-07T10:00";
const ASK = "2026-03-31T08:00:00.000Z"; // Tuesday 31 March, 9am BST: 3 working days before
const REMIND = "2026-04-02T08:00:00.000Z"; // Thursday 2 April, 9am: the working day before
const POST = "2026-04-02T14:00:00.000Z"; // Thursday 2 April, 3pm

let h: Harness;
let w: { communityId: string; channel: string; meetingId: string };
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE);
  await seedMember(h, BOB, community.id, { organisation: "dwp" });
  await seedMember(h, CAROL, community.id, { organisation: "companies-house" });
  await seedMember(h, DAN, community.id, { organisation: "hmrc" });
  await seedMember(h, ERIN, community.id, { organisation: "hmrc" });
  await h.db.membership.create({
    data: {
      communityId: community.id,
      slackUserId: EMAIL_MEMBER,
      organisation: "dbt",
      profession: "policy",
      role: "member",
      status: "active",
      email: "dana@example.gov.uk",
      displayName: "Dana",
    },
  });
  const meeting = await seedMeeting(h, community.id, MEETING, { by: ALICE, channel: community.slackChannelId!, now: h.clock.now() });
  return { communityId: community.id, channel: community.slackChannelId!, meetingId: meeting.id };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const roundRows = () =>
  h.db.outboxMessage.findMany({
    where: { subjectId: w.meetingId, kind: { startsWith: "round_" } },
    orderBy: [{ dueAt: "asc" }, { kind: "asc" }],
  });

async function at(iso: string) {
  h.clock.set(new Date(iso));
  await h.app.tick();
  await h.app.tick();
}

const dmsTo = (user: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user);

function tellUs(
  user: string,
  fields: { title: string; state: string; expectedOn?: string; stages?: string[]; earlier?: string },
  viewId?: string,
) {
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.roundUpdate,
      privateMetadata: JSON.stringify({ meetingId: w.meetingId, channel: user, ts: "9.9" }),
      viewId,
      values: {
        [ROUND_BLOCK.title]: input.text(fields.title),
        [ROUND_BLOCK.state]: input.radio(fields.state),
        [ROUND_BLOCK.expectedOn]: { type: "datepicker", selected_date: fields.expectedOn ?? null },
        ...(fields.stages ? { [ROUND_BLOCK.stages]: input.multiStatic(fields.stages) } : {}),
        ...(fields.earlier ? { [ROUND_BLOCK.earlier]: input.select(fields.earlier) } : {}),
      },
    }),
  );
}

const click = (user: string, actionId: string) =>
  h.interact(blockAction({ user, actionId, value: w.meetingId, channel: user, responseUrl: h.slack.responseUrl() }));

describe("the live-projects round", () => {
  it("is planned on working days: 3 before the meeting at 9am, across Easter and the clock change; Scotland's and Off move it", async () => {
    expect((await roundRows()).map((r) => [r.kind, r.dueAt.toISOString(), r.status])).toEqual([
      ["round_ask", ASK, "pending"],
      ["round_reminder", REMIND, "pending"],
      ["round_post", POST, "pending"],
    ]);
    expect((await roundRows()).find((r) => r.kind === "round_post")!.target).toBe(w.channel);
    // In Scotland Easter Monday is a working day: the working day before the meeting is Monday 6 April.
    await h.db.community.update({ where: { id: w.communityId }, data: { bankHolidays: "scotland" } });
    await h.app.services.round.replanCommunity(await h.app.services.communities.byId(w.communityId));
    expect((await roundRows()).filter((r) => r.status === "pending").map((r) => [r.kind, r.dueAt.toISOString()])).toEqual([
      ["round_ask", "2026-04-01T08:00:00.000Z"],
      ["round_reminder", "2026-04-06T08:00:00.000Z"],
      ["round_post", "2026-04-06T14:00:00.000Z"],
    ]);
    // Off, from the settings form: nothing is left to send.
    await h.command("settings", { user: ALICE, channel: w.channel });
    const modal = h.slack.lastCall("views.open")!.args.view;
    const choice = modal.blocks.find((b: any) => b.block_id === SETTINGS_BLOCK.roundDaysBefore);
    expect(choice.element.initial_option.value).toBe("3");
    const saved = await h.interact(
      viewSubmission({
        user: ALICE,
        callbackId: CALLBACK.communitySettings,
        privateMetadata: modal.private_metadata,
        values: {
          [SETTINGS_BLOCK.reminders]: input.checkboxes(["1440"]),
          [SETTINGS_BLOCK.problemThreshold]: input.text("3"),
          [SETTINGS_BLOCK.digestCadence]: input.select("weekly"),
          [SETTINGS_BLOCK.digestWeekday]: input.select("1"),
          [SETTINGS_BLOCK.digestMonthDay]: input.select("1"),
          [SETTINGS_BLOCK.digestTime]: { type: "timepicker", selected_time: "09:00" },
          [SETTINGS_BLOCK.roundDaysBefore]: input.select("0"),
        },
      }),
    );
    expect(saved.json).toEqual({ response_action: "clear" });
    expect((await roundRows()).filter((r) => r.status === "pending")).toEqual([]);
  });

  it("asks up to two members of each organisation once, reminds only those who have not answered, and posts the answers", async () => {
    await at("2026-03-31T07:59:00.000Z");
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
    await at(ASK);
    const asked = h.slack.callsTo("chat.postMessage").map((c) => c.args.channel);
    // HMRC: its organiser and whoever joined first; nobody in DBT is in Slack.
    expect(asked.sort()).toEqual([ALICE, BOB, CAROL, DAN].sort());
    const question = dmsTo(DAN)[0].args;
    expect(question.text).toBe("What has *HMRC* changed, planned or cleared since the last meeting that affects *Starting a business*?");
    expect(question.blocks[0].text.text).toContain("*Live projects before Show and tell, Tuesday 7 April 2026*");
    expect(question.blocks[1].elements[0].text).toContain("at 3pm on Thursday 2 April 2026");
    expect(question.blocks[1].elements[1].text).toBe(`<@${ALICE}> was asked too: one answer for HMRC is enough.`);
    expect(question.blocks.at(-1).elements.map((e: any) => e.text.text)).toEqual(["Tell us about a change", "Nothing new"]);
    // Again, a minute later: nobody is asked twice.
    await at("2026-03-31T08:01:00.000Z");
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(4);

    // HMRC tells of a change; the form opens from the DM and redraws it.
    await click(DAN, ACTION.roundTellUs);
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(form.callback_id).toBe(CALLBACK.roundUpdate);
    expect(form.blocks.map((b: any) => b.block_id).filter(Boolean)).toEqual([ROUND_BLOCK.title, ROUND_BLOCK.state, ROUND_BLOCK.expectedOn]);
    expect((await tellUs(DAN, { title: "x", state: "" })).json.errors).toEqual({
      title: "Say what it is in 3 to 150 characters, for example New online form for registering a company.",
      state: "Choose where it is: an idea, in policy clearance, agreed, in delivery or live.",
    });
    const sent = await tellUs(
      DAN,
      { title: "Joint registration for tax and company", state: "policy_clearance", expectedOn: "2026-10-30" },
      "VFORM1",
    );
    expect(sent.json).toEqual({ response_action: "clear" });
    // The same form sent twice adds one update.
    await tellUs(DAN, { title: "Joint registration for tax and company", state: "policy_clearance", expectedOn: "2026-10-30" }, "VFORM1");
    expect(await h.db.projectUpdate.count()).toBe(1);
    const redrawn = h.slack.lastCall("chat.update")!.args;
    expect(redrawn.blocks[2].text.text).toContain(
      "*Told so far for HMRC*\n• Joint registration for tax and company (In policy clearance, expected Friday 30 October 2026)",
    );
    // Companies House has nothing new, however often it says so.
    await click(CAROL, ACTION.roundNothingNew);
    await click(CAROL, ACTION.roundNothingNew);
    expect(await h.db.projectUpdate.count({ where: { nothingNew: true } })).toBe(1);
    expect(h.slack.responses.at(-1)!.body.blocks[2].text.text).toBe(
      ":white_check_mark: Companies House has nothing new this time. Thank you.",
    );

    // The reminder, the working day before (Good Friday and Easter Monday are not working days): DWP only.
    const before = h.slack.callsTo("chat.postMessage").length;
    await at(REMIND);
    expect(
      h.slack
        .callsTo("chat.postMessage")
        .slice(before)
        .map((c) => c.args.channel),
    ).toEqual([BOB]);
    expect(dmsTo(BOB).at(-1)!.args.blocks[0].text.text).toContain(":alarm_clock: *Reminder: live projects before Show and tell");

    // The post at 3pm, in the channel, once.
    await at(POST);
    await at("2026-04-02T14:05:00.000Z");
    const posts = h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === w.channel);
    expect(posts).toHaveLength(1);
    const post = posts[0].args;
    expect(post.text).toBe("Live projects before Show and tell: *1 update* from 1 organisation");
    expect(post.blocks[0].text.text).toBe("Live projects before Show and tell");
    expect(post.blocks[1].text.text).toBe(
      "Before Show and tell, Tuesday 7 April 2026: *1 update* from 1 organisation.\n*Nothing new:* Companies House.\n*Did not answer:* DWP.\n*Not asked* (none of their members could be reached by email): DBT.",
    );
    expect(JSON.stringify(post.blocks)).toContain(
      `*HMRC*\\n• Joint registration for tax and company: In policy clearance, expected Friday 30 October 2026  ·  <@${DAN}>`,
    );
    const agenda = await h.db.agendaItem.findMany({ where: { meetingId: w.meetingId } });
    expect(agenda.map((i) => [i.title, i.source])).toEqual([
      ["Live projects: 1 update from 1 organisation, 1 did not answer (see the post in the channel)", "live_projects"],
    ]);

    // Every message and form of the round, held to the house style and Slack's limits.
    expect(sentProblems(h.slack)).toEqual([]);
  });

  it("is closed to non-members and once the meeting has started", async () => {
    await at(ASK);
    await click("U0STRANGER", ACTION.roundTellUs);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "Only members of *Starting a business* can answer its live-projects round. Join it first with `/community join`.",
    );
    h.clock.set(new Date("2026-04-07T09:00:00Z"));
    await click(DAN, ACTION.roundNothingNew);
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "*Show and tell* has started, so its live-projects round is closed. Tell the community in its channel instead.",
    );
    expect(await h.db.projectUpdate.count()).toBe(0);
  });
});
