// Agendas (#17), through the real app over HTTP on each database: items added
// to the next meeting from /community agenda and from the message shortcut, by
// members only (anyone else is told, seen only by them); a double-submitted form
// adds one item; the card and reminders show the agenda; organisers and whoever
// scheduled it reorder and remove, and two organisers moving items at once both
// get their move in one consistent order; a group's channel means the group's
// next meeting.
import type { Services } from "../../src/services";
import { ACTION, AGENDA_BLOCK, CALLBACK } from "../../src/views/ids";
import { type Harness, TEAM_ID } from "../support/harness";
import { blockAction, input, overflowAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMeeting, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member, in the group
const CAROL = "U0CAROL"; // organiser
const DAN = "U0DAN"; // not a member

let h: Harness;
let w: {
  communityId: string;
  channel: string;
  meetingId: string;
  groupChannel: string;
  groupMeetingId: string;
  stageId: string;
  problemId: string;
};

/** A one-off meeting at a London wall time, by Alice unless told, announced in `channel` when given. */
function scheduleMeeting(
  h: Harness,
  communityId: string,
  local: string,
  opts: { title?: string; groupId?: string; channel?: string; by?: string } = {},
) {
  return seedMeeting(h, communityId, local, { by: ALICE, reminders: ["1440"], ...opts, now: h.clock.now() });
}

const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE);
  await seedMember(h, BOB, community.id);
  await seedMember(h, CAROL, community.id, { organisation: "companies-house" });
  // The live-projects round puts an item on the agenda and DMs members of its own (round.test.ts): here it would only add noise.
  await h.db.community.update({ where: { id: community.id }, data: { roundDaysBefore: 0 } });
  await h.db.membership.update({
    where: { communityId_slackUserId: { communityId: community.id, slackUserId: CAROL } },
    data: { role: "organiser" },
  });
  const stage = await h.db.journeyStage.create({
    data: { communityId: community.id, title: "Register the company", position: 0, createdBy: ALICE },
  });
  const problem = await h.db.problem.findFirstOrThrow({ where: { communityId: community.id } });
  const services: Services = h.app.services;
  const record = await services.communities.byId(community.id);
  const made = await services.groups.create(record, ALICE, { name: "User research", focus: "Research across the journey", channel: null });
  const groupChannel = h.slack.addChannel("sc-user-research", { members: [ALICE] });
  await services.groups.complete(record, made.group, ALICE, { kind: "new", channelId: groupChannel });
  await services.groups.join(record, made.group, BOB);
  const meeting = await scheduleMeeting(h, community.id, "2026-03-10T10:00", { channel: community.slackChannelId! });
  // A later one: "next" is the soonest.
  await scheduleMeeting(h, community.id, "2026-04-14T10:00", { title: "April meeting" });
  const groupMeeting = await scheduleMeeting(h, community.id, "2026-03-05T14:00", {
    title: "Research round-up",
    groupId: made.group.id,
    channel: groupChannel,
  });
  return {
    communityId: community.id,
    channel: community.slackChannelId!,
    meetingId: meeting.id,
    groupChannel,
    groupMeetingId: groupMeeting.id,
    stageId: stage.id,
    problemId: problem.id,
  };
});
beforeEach(async () => {
  ({ h, world: w } = await world.start()); // clock: Monday 2 March 2026, 10:00Z
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

/** /community agenda as Slack sends it: the message, from the ack or from response_url. */
async function agenda(user: string, channel = w.channel, args = "") {
  const reply = await h.command(`agenda${args ? ` ${args}` : ""}`, { user, channel });
  return reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
}

const items = (meetingId = w.meetingId) => h.db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
const titles = async (meetingId = w.meetingId) => (await items(meetingId)).map((i) => i.title);

function addForm(user: string, fields: { title?: string; link?: string | null; topic?: string | null; meeting?: string }, viewId?: string) {
  const view = h.slack.lastCall("views.open")!.args.view;
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.addAgendaItem,
      privateMetadata: view.private_metadata,
      viewId,
      values: {
        ...(fields.meeting ? { [AGENDA_BLOCK.meeting]: input.select(fields.meeting) } : {}),
        [AGENDA_BLOCK.title]: input.text(fields.title ?? "Update on the new registration form"),
        [AGENDA_BLOCK.link]: input.text(fields.link ?? null),
        [AGENDA_BLOCK.topic]: input.select(fields.topic ?? null),
      },
    }),
  );
}

function clickAdd(user: string, meetingId = w.meetingId, channel = w.channel) {
  return h.interact(blockAction({ user, actionId: ACTION.openAgendaItem, value: meetingId, channel, responseUrl: h.slack.responseUrl() }));
}

function shortcut(user: string, channel: string, text: string) {
  return h.interact({
    type: "message_action",
    callback_id: CALLBACK.addToAgendaFromMessage,
    trigger_id: "trigger-shortcut",
    team: { id: TEAM_ID, domain: "test" },
    user: { id: user, name: user.toLowerCase(), team_id: TEAM_ID },
    channel: { id: channel, name: "somewhere" },
    message: { type: "message", user: "U0ERIN", ts: "1700000000.000100", text },
    message_ts: "1700000000.000100",
    response_url: h.slack.responseUrl(),
    token: "deprecated",
    action_ts: "1700000001.0",
  });
}

function itemMenu(user: string, itemId: string, what: "up" | "down" | "top" | "remove") {
  return h.interact(
    overflowAction({
      user,
      actionId: ACTION.agendaMenu,
      value: JSON.stringify({ i: itemId, do: what, p: 0 }),
      channel: w.channel,
      responseUrl: h.slack.responseUrl(),
    }),
  );
}

async function addItems(count: number, by = BOB) {
  for (let i = 1; i <= count; i++) {
    await h.app.services.agenda.add({ teamId: TEAM_ID }, w.meetingId, by, { title: `Item ${i}` }, "command", null);
  }
  return items();
}

/** The card's agenda section, as the last redraw drew it. */
function cardAgenda(): string {
  const update = h.slack.callsTo("chat.update").findLast((c) => c.args.ts === "1.1" && c.args.channel === w.channel);
  const blocks = (update?.args.blocks ?? []) as any[];
  return blocks.find((b) => b.text?.text?.startsWith("*Agenda*"))?.text.text ?? "";
}

describe("/community agenda", () => {
  it("shows the community's next meeting's agenda, and a member adds an item from it, which the card then shows", async () => {
    const shown = await agenda(BOB);
    expect(shown.blocks[0].text.text).toBe("*Agenda for Show and tell*, Tuesday 10 March 2026, for Starting a business\nno items yet");
    const actions = shown.blocks.at(-1);
    expect(actions.elements.map((e: any) => e.text.text)).toEqual(["Add an item"]);
    expect(actions.elements[0].value).toBe(w.meetingId);

    await clickAdd(BOB);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.addAgendaItem);
    expect(view.blocks[0].elements[0].text).toBe(
      "Adding to the agenda of *Show and tell*, Tuesday 10 March 2026, for Starting a business.",
    );
    const topic = view.blocks.find((b: any) => b.block_id === AGENDA_BLOCK.topic).element;
    expect(topic.option_groups.map((g: any) => g.label.text)).toEqual(["Stages of the journey", "Problems"]);
    expect(topic.option_groups[0].options.map((o: any) => o.value)).toEqual([`stage:${w.stageId}`]);

    const reply = await addForm(BOB, { link: "https://docs.example.gov.uk/form", topic: `stage:${w.stageId}` });
    expect(reply.json).toEqual({ response_action: "clear" });
    const [item] = await items();
    expect(item).toMatchObject({
      title: "Update on the new registration form",
      proposedBy: BOB,
      link: "https://docs.example.gov.uk/form",
      stageId: w.stageId,
      source: "command",
      position: 0,
    });
    expect(cardAgenda()).toBe(
      "*Agenda*\n1. <https://docs.example.gov.uk/form|Update on the new registration form>  ·  Stage: Register the company",
    );
    const told = h.slack.lastCall("chat.postEphemeral")!.args;
    expect(told).toMatchObject({ channel: w.channel, user: BOB });
    expect(told.text).toContain("*Update on the new registration form* is item 1 on the agenda of *Show and tell*, Tuesday 10 March 2026.");

    const again = await agenda(CAROL);
    expect(again.blocks[1].text.text).toBe(
      `1. <https://docs.example.gov.uk/form|Update on the new registration form>  ·  Stage: Register the company  ·  proposed by <@${BOB}>`,
    );
  });

  it("adds one item however often the form is submitted", async () => {
    await clickAdd(BOB);
    const [first, second] = await Promise.all([addForm(BOB, {}, "V0SAME"), addForm(BOB, {}, "V0SAME")]);
    expect([first.json, second.json]).toEqual([{ response_action: "clear" }, { response_action: "clear" }]);
    await addForm(BOB, {}, "V0SAME");
    expect(await titles()).toEqual(["Update on the new registration form"]);
    expect(h.slack.callsTo("chat.postEphemeral")).toHaveLength(1);
  });

  it("tells someone who is not a member, seen only by them, and adds nothing", async () => {
    await clickAdd(DAN);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    const refusal = h.slack.responses.at(-1)!.body;
    expect(refusal).toMatchObject({ response_type: "ephemeral" });
    expect(refusal.text).toBe(
      "Only members of *Starting a business* can add to its meetings' agendas. Join it first with `/community join`.",
    );
    // A forged form is refused beside its title, and nothing is added.
    const forged = await h.interact(
      viewSubmission({
        user: DAN,
        callbackId: CALLBACK.addAgendaItem,
        privateMetadata: JSON.stringify({ meetingId: w.meetingId }),
        values: { [AGENDA_BLOCK.title]: input.text("Sneaky item"), [AGENDA_BLOCK.link]: input.text(null) },
      }),
    );
    expect(forged.json.response_action).toBe("errors");
    expect(await items()).toEqual([]);
  });

  it("says when there is no meeting coming up", async () => {
    await h.db.meeting.updateMany({ where: { communityId: w.communityId, groupId: null }, data: { status: "cancelled" } });
    const shown = await agenda(BOB);
    expect(shown.text).toContain("*Starting a business* has no meeting coming up, so there is no agenda to add to yet.");
  });

  it("in a group's channel is the group's next meeting", async () => {
    const shown = await agenda(BOB, w.groupChannel);
    expect(shown.blocks[0].text.text).toContain(
      "*Agenda for Research round-up*, Thursday 5 March 2026, for User research (a group of Starting a business)",
    );
    await clickAdd(BOB, w.groupMeetingId, w.groupChannel);
    await addForm(BOB, { title: "Recruiting participants together" });
    expect(await titles(w.groupMeetingId)).toEqual(["Recruiting participants together"]);
    expect(await titles()).toEqual([]);
  });

  it("takes no more than 50 items", async () => {
    await addItems(50);
    await clickAdd(BOB);
    const reply = await addForm(BOB, { title: "One too many" });
    expect(reply.json.errors[AGENDA_BLOCK.title]).toBe(
      "The agenda of *Show and tell* already has 50 items, the most it can hold. Ask an organiser to remove some first.",
    );
    expect((await items()).length).toBe(50);
  });
});

describe("the message shortcut", () => {
  it("opens the form prefilled from the message for the channel's next meeting, and the item links back to it", async () => {
    h.slack.script("chat.getPermalink", { permalink: "https://test.slack.com/archives/C1/p1700000000000100" });
    await shortcut(BOB, w.channel, "Can we talk about <https://example.gov.uk/form|the new form>?\nIt goes live in May");
    const view = h.slack.lastCall("views.open")!.args.view;
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(block(AGENDA_BLOCK.title).element.initial_value).toBe("Can we talk about the new form?");
    expect(block(AGENDA_BLOCK.meeting)).toBeUndefined();
    expect(JSON.parse(view.private_metadata)).toEqual({
      meetingId: w.meetingId,
      channelId: w.channel,
      permalink: "https://test.slack.com/archives/C1/p1700000000000100",
    });
    await addForm(BOB, { title: "Can we talk about the new form?" });
    const [item] = await items();
    expect(item).toMatchObject({ source: "message_shortcut", messagePermalink: "https://test.slack.com/archives/C1/p1700000000000100" });
    expect(cardAgenda()).toContain("<https://test.slack.com/archives/C1/p1700000000000100|the message>");
  });

  it("refuses someone who is not a member at once, seen only by them", async () => {
    await shortcut(DAN, w.channel, "Please discuss this");
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    const refusal = h.slack.responses.at(-1)!.body;
    expect(refusal).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(refusal.text).toContain("Only members of *Starting a business* can add to its meetings' agendas.");
  });

  it("elsewhere offers the next meeting of each of the person's communities and groups", async () => {
    const other = await seedCommunity(h, CAROL, { name: "Employing people", problems: null });
    await seedMember(h, BOB, other.id);
    const theirs = await scheduleMeeting(h, other.id, "2026-03-20T10:00", { title: "Hiring clinic", by: CAROL });
    await shortcut(BOB, "C0ELSEWHERE", "Worth a look");
    const view = h.slack.lastCall("views.open")!.args.view;
    const choices = view.blocks.find((b: any) => b.block_id === AGENDA_BLOCK.meeting).element.options;
    expect(choices.map((o: any) => o.text.text)).toEqual([
      "User research: Research round-up, Thursday 5 March 2026",
      "Starting a business: Show and tell, Tuesday 10 March 2026",
      "Employing people: Hiring clinic, Friday 20 March 2026",
    ]);
    const unchosen = await addForm(BOB, { title: "Worth a look" });
    expect(unchosen.json.errors[AGENDA_BLOCK.meeting]).toBe("Choose the meeting to add the item to.");
    await addForm(BOB, { title: "Worth a look", meeting: theirs.id });
    expect(await titles(theirs.id)).toEqual(["Worth a look"]);
  });
});

describe("reordering and removing", () => {
  it("lets organisers move items, and two organisers moving at once both get their move", async () => {
    const [a, , , , e] = await addItems(5);
    const [alice, carol] = await Promise.all([itemMenu(ALICE, e.id, "top"), itemMenu(CAROL, a.id, "down")]);
    expect([alice.status, carol.status]).toEqual([200, 200]);
    // Either order of the two moves gives the same agenda: E first, then B, then A.
    expect(await titles()).toEqual(["Item 5", "Item 2", "Item 1", "Item 3", "Item 4"]);
    expect((await items()).map((i) => i.position)).toEqual([0, 1, 2, 3, 4]);
    const redrawn = h.slack.responses.at(-1)!.body;
    expect(redrawn.replace_original).toBe(true);
    expect(cardAgenda()).toMatch(/^\*Agenda\*\n1\. Item 5\n2\. Item 2\n3\. Item 1\n4\. Item 3\n5\. Item 4$/);
  });

  it("lets the person who scheduled it arrange, a proposer remove their own item, and no other member either", async () => {
    const [first, second] = await addItems(2, BOB);
    const [third] = (await addItems(1, ALICE)).slice(2);
    const asMember = await agenda(BOB);
    const menus = asMember.blocks.filter((b: any) => b.accessory?.action_id === ACTION.agendaMenu);
    // Bob proposed two of the three: only those have a menu, and it only removes.
    expect(menus.map((b: any) => b.accessory.options.map((o: any) => o.text.text))).toEqual([["Remove"], ["Remove"]]);
    await itemMenu(BOB, third.id, "up");
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "Only the organisers of *Starting a business*, or whoever scheduled the meeting, can change the agenda's order. Nothing was changed.",
    );
    await itemMenu(BOB, third.id, "remove");
    expect(await titles()).toEqual(["Item 1", "Item 2", "Item 1"]);
    await itemMenu(BOB, first.id, "remove");
    expect((await items()).map((i) => i.id)).toEqual([second.id, third.id]);
    expect((await items()).map((i) => i.position)).toEqual([0, 1]);
  });
});

describe("the agenda in reminders", () => {
  it("lists the items in the reminder DM and the channel's note", async () => {
    await addItems(2);
    await h.db.meetingRsvp.create({ data: { meetingId: w.meetingId, slackUserId: BOB, answer: "going" } });
    h.clock.set(new Date("2026-03-09T10:00:00Z"));
    await h.app.tick();
    await h.app.tick();
    const dm = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === BOB)!;
    expect(JSON.stringify(dm.args.blocks)).toContain("*Agenda*\\n1. Item 1\\n2. Item 2");
    const note = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === w.channel && c.args.text.startsWith("Tomorrow"))!;
    expect(JSON.stringify(note.args.blocks)).toContain("*Agenda*\\n1. Item 1\\n2. Item 2");
  });
});
