// The first-meeting kit (#17), through the real app over HTTP on each database:
// the meeting form offers a community that has never met the first-meeting
// agenda (editable) and the charter's problems, and scheduling puts what the
// organiser kept on the meeting's agenda, once however often the form is sent.
// A community that has met or planned a meeting, and a group, get no kit.
// In a group's channel the meeting is the group's, announced there.
import { DateTime } from "luxon";
import { ACTION, CALLBACK, MEETING_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member

let h: Harness;
let w: { communityId: string; channel: string; groupId: string; groupChannel: string; problemIds: string[] };
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE); // two first problems, from the create form
  await seedMember(h, BOB, community.id);
  const record = await h.app.services.communities.byId(community.id);
  const made = await h.app.services.groups.create(record, ALICE, {
    name: "User research",
    focus: "Research across the journey",
    channel: null,
  });
  const groupChannel = h.slack.addChannel("sc-user-research", { members: [ALICE] });
  await h.app.services.groups.complete(record, made.group, ALICE, { kind: "new", channelId: groupChannel });
  const problems = await h.db.problem.findMany({ where: { communityId: community.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return {
    communityId: community.id,
    channel: community.slackChannelId!,
    groupId: made.group.id,
    groupChannel,
    problemIds: problems.map((p) => p.id),
  };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start()); // clock: Monday 2 March 2026, 10:00Z
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const picker = (local: string) => DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds();
const block = (view: any, id: string) => view.blocks.find((b: any) => b.block_id === id);
const lastForm = () => h.slack.lastCall("views.open")!.args.view;

function submitMeeting(
  fields: { firstAgenda?: string | null; firstProblems?: string[]; recurrence?: string; title?: string } = {},
  viewId?: string,
) {
  const view = lastForm();
  return h.interact(
    viewSubmission({
      user: ALICE,
      callbackId: CALLBACK.scheduleMeeting,
      privateMetadata: view.private_metadata,
      viewId,
      values: {
        [MEETING_BLOCK.title]: input.text(fields.title ?? "Our first meeting"),
        [MEETING_BLOCK.start]: input.datetime(picker("2026-03-10T10:00")),
        [MEETING_BLOCK.duration]: input.select("60"),
        [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/123"),
        [MEETING_BLOCK.place]: input.text(null),
        [MEETING_BLOCK.agenda]: input.text(null),
        [MEETING_BLOCK.recurrence]: input.select(fields.recurrence ?? "none"),
        [MEETING_BLOCK.ordinal]: input.select(null),
        [MEETING_BLOCK.reminders]: input.checkboxes([]),
        ...(fields.firstAgenda !== undefined ? { [MEETING_BLOCK.firstAgenda]: input.text(fields.firstAgenda) } : {}),
        ...(fields.firstProblems ? { [MEETING_BLOCK.firstProblems]: input.multiStatic(fields.firstProblems) } : {}),
      },
    }),
  );
}

const agendaOf = async (title = "Our first meeting") => {
  const meeting = await h.db.meeting.findFirstOrThrow({ where: { title }, orderBy: { startsAt: "asc" } });
  const items = await h.db.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
  return items.map((i) => [i.title, i.source, i.problemId]);
};

describe("the first-meeting kit", () => {
  it("is offered to a community that has never met: the first-meeting agenda to edit and the charter's problems, all chosen", async () => {
    await h.command("meeting", { user: ALICE, channel: w.channel });
    const view = lastForm();
    expect(
      view.blocks.find((b: any) => b.type === "context" && b.elements[0].text.startsWith("This is the community's first meeting")),
    ).toBeDefined();
    expect(block(view, MEETING_BLOCK.firstAgenda).element.initial_value).toBe(
      "Agree the problems we share\nAgree our objectives\nAgree how we work and how often we meet\nWho else we need",
    );
    const problems = block(view, MEETING_BLOCK.firstProblems).element;
    expect(problems.options.map((o: any) => o.text.text)).toEqual([
      "People register with HMRC and Companies House separately",
      "It is unclear which licences a business needs",
    ]);
    expect(problems.initial_options.map((o: any) => o.value)).toEqual(w.problemIds);
  });

  it("puts what the organiser kept on the first meeting's agenda, in order, once however often the form is sent", async () => {
    await h.command("meeting", { user: ALICE, channel: w.channel });
    const kept = {
      firstAgenda: "1. Agree the problems we share\n\nAgree our objectives\n- Who else we need\nHow we share research",
      firstProblems: [w.problemIds[1]],
    };
    const replies = await Promise.all([submitMeeting(kept, "V0FIRST"), submitMeeting(kept, "V0FIRST")]);
    expect(replies.map((r) => r.json)).toEqual([{ response_action: "clear" }, { response_action: "clear" }]);
    expect(await agendaOf()).toEqual([
      ["Agree the problems we share", "first_meeting", null],
      ["Agree our objectives", "first_meeting", null],
      ["Who else we need", "first_meeting", null],
      ["How we share research", "first_meeting", null],
      ["It is unclear which licences a business needs", "first_meeting", w.problemIds[1]],
    ]);
    // The announcement shows the agenda.
    const card = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === w.channel)!;
    expect(JSON.stringify(card.args.blocks)).toContain("*Agenda*\\n1. Agree the problems we share\\n2. Agree our objectives");
  });

  it("goes on the first occurrence of a series only", async () => {
    await h.command("meeting", { user: ALICE, channel: w.channel });
    await submitMeeting({ firstAgenda: "Agree our objectives", firstProblems: [], recurrence: "weekly:1" });
    const [first, second] = await h.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
    expect(await h.db.agendaItem.count({ where: { meetingId: first.id } })).toBe(1);
    expect(await h.db.agendaItem.count({ where: { meetingId: second.id } })).toBe(0);
  });

  it("is not offered once the community has a meeting, held or planned; a cancelled one does not count", async () => {
    await h.command("meeting", { user: ALICE, channel: w.channel });
    await submitMeeting({ firstAgenda: null, firstProblems: [] });
    expect(await agendaOf()).toEqual([]);
    const first = await h.db.meeting.findFirstOrThrow();
    await h.command("meeting", { user: ALICE, channel: w.channel });
    expect(block(lastForm(), MEETING_BLOCK.firstAgenda)).toBeUndefined();
    // A kit sent anyway (a form opened before the first meeting was scheduled) adds nothing.
    await submitMeeting({ title: "Second meeting", firstAgenda: "Agree our objectives", firstProblems: w.problemIds });
    expect(await agendaOf("Second meeting")).toEqual([]);
    await h.db.meeting.updateMany({ data: { status: "cancelled" } });
    await h.command("meeting", { user: ALICE, channel: w.channel });
    expect(block(lastForm(), MEETING_BLOCK.firstAgenda)).toBeDefined();
    h.clock.set(new Date(first.startsAt.getTime() + 60 * 60_000));
    await h.db.meeting.update({ where: { id: first.id }, data: { status: "scheduled" } });
    await h.command("meeting", { user: ALICE, channel: w.channel });
    expect(block(lastForm(), MEETING_BLOCK.firstAgenda)).toBeUndefined();
  });

  it("is offered when the community is picked in the form opened elsewhere, and by an activity's Plan it", async () => {
    // In two communities, Alice's form opened outside a channel asks which.
    await seedCommunity(h, ALICE, { name: "Employing people", problems: null });
    await h.command("meeting", { user: ALICE });
    expect(block(lastForm(), MEETING_BLOCK.firstAgenda)).toBeUndefined();
    await h.interact(
      viewAction({
        user: ALICE,
        actionId: ACTION.meetingCommunity,
        view: { ...lastForm(), id: "V0PICK" },
        selected: { type: "external_select", blockId: MEETING_BLOCK.community, value: w.communityId },
      }),
    );
    expect(block(h.slack.lastCall("views.update")!.args.view, MEETING_BLOCK.firstAgenda)).toBeDefined();
    const plan = JSON.stringify({ c: w.communityId, a: "map_whole_problem" });
    await h.interact(
      blockAction({ user: ALICE, actionId: ACTION.planActivity, value: plan, channel: w.channel, responseUrl: h.slack.responseUrl() }),
    );
    expect(block(lastForm(), MEETING_BLOCK.firstAgenda)).toBeDefined();
  });
});

describe("a group's meetings", () => {
  it("are scheduled in the group's channel, announced there, with no kit; the community's next meeting is not the group's", async () => {
    await h.command("meeting", { user: ALICE, channel: w.groupChannel });
    const view = lastForm();
    expect(view.blocks[0].elements[0].text).toBe(
      "Scheduling a meeting for *User research*, a group of *Starting a business*. Times are in UK time.",
    );
    expect(block(view, MEETING_BLOCK.firstAgenda)).toBeUndefined();
    expect((await submitMeeting({ title: "Research round-up" })).json).toEqual({ response_action: "clear" });
    const meeting = await h.db.meeting.findFirstOrThrow();
    expect(meeting.groupId).toBe(w.groupId);
    const card = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === w.groupChannel)!;
    expect(JSON.stringify(card.args.blocks)).toContain("for User research (a group of Starting a business)");
    expect(meeting.announcementChannelId).toBe(w.groupChannel);
    // The community has still never met: its own form offers the kit.
    await h.command("meeting", { user: ALICE, channel: w.channel });
    expect(block(lastForm(), MEETING_BLOCK.firstAgenda)).toBeDefined();
    const agenda = await h.command("agenda", { user: BOB, channel: w.channel });
    expect((agenda.json ?? h.slack.responses.at(-1)!.body).text).toContain("*Starting a business* has no meeting coming up");
  });

  it("refuse a group id from another community in a forged form", async () => {
    const other = await seedCommunity(h, ALICE, { name: "Employing people", problems: null });
    await h.command("meeting", { user: ALICE, channel: other.slackChannelId! });
    const view = lastForm();
    const forged = { ...view, private_metadata: JSON.stringify({ ...JSON.parse(view.private_metadata), groupId: w.groupId }) };
    h.slack.calls.push({ method: "views.open", args: { view: forged } } as never);
    const reply = await submitMeeting({ title: "Forged" });
    expect(reply.json.response_action).toBe("errors");
    expect(await h.db.meeting.count()).toBe(0);
  });
});
