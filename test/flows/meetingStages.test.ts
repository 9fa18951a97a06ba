// Meetings tied to the journey's stages (#14), through the real app over HTTP
// on each database: the meeting form asks which stages a meeting covers (only
// when the journey has some), saves them and, when editing, replaces them; a
// series' occurrences carry its stages; the card names them; a removed stage
// drops from its meetings and nothing else changes; /community journey shows
// each stage's next meeting; and a member who may not schedule is refused.
import { DateTime } from "luxon";
import { ACTION, BLOCK, CALLBACK, MEETING_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, overflowAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser
const BOB = "U0BOB"; // member

let h: Harness;
let communityId: string;
let channel: string;
let stageIds: { check: string; register: string; tax: string; employ: string };
let elsewhere: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE, { problems: null });
  await seedMember(h, BOB, community.id);
  const titles = ["Check what you need to do", "Register the company", "Register for tax", "Employ people"];
  const made = [];
  for (const [position, title] of titles.entries()) {
    made.push(await h.db.journeyStage.create({ data: { communityId: community.id, title, position, createdBy: ALICE } }));
  }
  // Another community's stage: a forged form that names it links nothing.
  const other = await seedCommunity(h, ALICE, { name: "Employing people", problems: null });
  const theirs = await h.db.journeyStage.create({ data: { communityId: other.id, title: "Hire someone", position: 0, createdBy: ALICE } });
  return {
    communityId: community.id,
    channel: community.slackChannelId!,
    stageIds: { check: made[0].id, register: made[1].id, tax: made[2].id, employ: made[3].id },
    elsewhere: theirs.id,
  };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel, stageIds, elsewhere },
  } = await world.start()); // clock: Monday 2 March 2026, 10:00Z
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const picker = (local: string) => DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds();
const block = (view: any, id: string) => view.blocks.find((b: any) => b.block_id === id);

function meetingForm(
  user: string,
  fields: { title?: string; start?: string; stages?: string[]; recurrence?: string; scope?: string; picked?: string } = {},
  meta: Record<string, unknown> = {},
) {
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.scheduleMeeting,
      privateMetadata: JSON.stringify({ communityId, pickerZone: "Europe/London", ...meta }),
      values: {
        ...(fields.picked ? { [MEETING_BLOCK.community]: input.external(fields.picked) } : {}),
        ...(fields.scope ? { [MEETING_BLOCK.scope]: input.radio(fields.scope) } : {}),
        [MEETING_BLOCK.title]: input.text(fields.title ?? "Mapping the user's whole problem"),
        [MEETING_BLOCK.start]: input.datetime(picker(fields.start ?? "2026-03-10T10:00")),
        [MEETING_BLOCK.duration]: input.select("120"),
        [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/123"),
        [MEETING_BLOCK.place]: input.text(null),
        [MEETING_BLOCK.agenda]: input.text("1. Walk the journey stage by stage"),
        [MEETING_BLOCK.recurrence]: input.select(fields.recurrence ?? "none"),
        [MEETING_BLOCK.ordinal]: input.select(null),
        [MEETING_BLOCK.reminders]: input.checkboxes([]),
        ...(fields.stages ? { [MEETING_BLOCK.stages]: input.multiStatic(fields.stages) } : {}),
      },
    }),
  );
}

async function schedule(fields: Parameters<typeof meetingForm>[1] = {}) {
  const reply = await meetingForm(ALICE, fields);
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.meeting.findMany({ orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
}

/** The stages a meeting covers, by title in journey order. */
async function coveredBy(meetingId: string): Promise<string[]> {
  const links = await h.db.meetingStage.findMany({ where: { meetingId }, include: { stage: true } });
  return links.sort((a, b) => a.stage.position - b.stage.position).map((l) => l.stage.title);
}

function openEdit(user: string, meetingId: string) {
  return h.interact(
    overflowAction({
      user,
      actionId: ACTION.meetingMenu,
      value: JSON.stringify({ m: meetingId, do: "edit" }),
      channel,
      responseUrl: h.slack.responseUrl(),
    }),
  );
}

/** The announcement's first section: the title and its detail lines. */
const announcementLines = () =>
  (h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!.args.blocks as any[])[0].text.text.split("\n");

async function journey(user = ALICE) {
  const reply = await h.command("journey", { user, channel });
  const message = reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
  return (message.blocks as any[]).filter((b) => /^\*\d+\. /.test(b.text?.text ?? "")).map((b) => b.text.text as string);
}

describe("the meeting form's stages", () => {
  it("are asked for, optional, in journey order, when the journey has stages", async () => {
    await h.command("meeting", { user: ALICE, channel });
    const stages = block(h.slack.lastCall("views.open")!.args.view, MEETING_BLOCK.stages);
    expect(stages).toMatchObject({ optional: true, label: { text: "Stages this meeting covers" } });
    expect(stages.hint.text).toBe(
      "Choose the stages of the journey it is about, if any. The announcement names them, and the journey shows it as each stage's next meeting.",
    );
    expect(stages.element.type).toBe("multi_static_select");
    expect(stages.element.options.map((o: any) => o.text.text)).toEqual([
      "1. Check what you need to do",
      "2. Register the company",
      "3. Register for tax",
      "4. Employ people",
    ]);
    expect(stages.element.initial_options).toBeUndefined();
  });

  it("are not asked for when the journey has none", async () => {
    await h.db.journeyStage.deleteMany({ where: { communityId } });
    await h.command("meeting", { user: ALICE, channel });
    expect(block(h.slack.lastCall("views.open")!.args.view, MEETING_BLOCK.stages)).toBeUndefined();
    const [meeting] = await schedule();
    expect(await coveredBy(meeting.id)).toEqual([]);
  });

  it("are saved with the meeting and named on its card in journey order; a forged or unknown stage links nothing", async () => {
    const [meeting] = await schedule({ stages: [stageIds.tax, stageIds.register, elsewhere, "cnotastage"] });
    expect(await coveredBy(meeting.id)).toEqual(["Register the company", "Register for tax"]);
    expect(announcementLines()).toContain("*Covers:* Register the company, Register for tax");
    // /community meetings shows it too.
    const reply = await h.command("meetings", { user: ALICE, channel });
    const list = reply.json?.text ? reply.json : h.slack.responses.at(-1)!.body;
    expect(JSON.stringify(list.blocks)).toContain("*Covers:* Register the company, Register for tax");
  });

  it("keep the card's line short when a meeting covers much of the journey", async () => {
    await schedule({ stages: Object.values(stageIds) });
    expect(announcementLines()).toContain("*Covers:* Check what you need to do, Register the company, Register for tax and 1 more stage");
  });

  it("are offered once the community is chosen, when the form opened outside a community's channel, keeping what was entered", async () => {
    await h.command("meeting", { user: ALICE, channel: "D0ALICE" });
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(block(form, MEETING_BLOCK.community)).toMatchObject({ dispatch_action: true, element: { action_id: ACTION.meetingCommunity } });
    expect(block(form, MEETING_BLOCK.stages)).toBeUndefined();

    const state = {
      values: {
        [MEETING_BLOCK.community]: { [ACTION.meetingCommunity]: input.external(communityId) },
        [MEETING_BLOCK.title]: { value: input.text("Walk the journey") },
        [MEETING_BLOCK.start]: { value: input.datetime(picker("2026-03-10T10:00")) },
        [MEETING_BLOCK.duration]: { value: input.select("90") },
        [MEETING_BLOCK.videoLink]: { value: input.text(null) },
        [MEETING_BLOCK.place]: { value: input.text("10 South Colonnade") },
        [MEETING_BLOCK.agenda]: { value: input.text("1. Introductions") },
        [MEETING_BLOCK.recurrence]: { value: input.select("monthly:1") },
        [MEETING_BLOCK.ordinal]: { value: input.select("-1") },
        [MEETING_BLOCK.reminders]: { value: input.checkboxes(["1440"]) },
      },
    };
    await h.interact({
      ...blockAction({ user: ALICE, actionId: ACTION.meetingCommunity }),
      view: {
        id: "V0MEETING",
        type: "modal",
        callback_id: CALLBACK.scheduleMeeting,
        hash: "h1",
        private_metadata: form.private_metadata,
        state,
      },
      actions: [
        {
          type: "external_select",
          action_id: ACTION.meetingCommunity,
          block_id: MEETING_BLOCK.community,
          action_ts: "1.1",
          selected_option: { value: communityId, text: { type: "plain_text", text: "Starting a business" } },
        },
      ],
    });
    const update = h.slack.lastCall("views.update")!.args;
    expect(update).toMatchObject({ view_id: "V0MEETING", hash: "h1", view: { private_metadata: form.private_metadata } });
    const redrawn = update.view;
    expect(block(redrawn, MEETING_BLOCK.community).element.initial_option.value).toBe(communityId);
    expect(block(redrawn, MEETING_BLOCK.stages).element.options.map((o: any) => o.value)).toEqual(Object.values(stageIds));
    expect(block(redrawn, MEETING_BLOCK.title).element.initial_value).toBe("Walk the journey");
    expect(block(redrawn, MEETING_BLOCK.start).element.initial_date_time).toBe(picker("2026-03-10T10:00"));
    expect(block(redrawn, MEETING_BLOCK.start).label.text).toBe("Start, in UK time");
    expect(block(redrawn, MEETING_BLOCK.duration).element.initial_option.value).toBe("90");
    expect(block(redrawn, MEETING_BLOCK.place).element.initial_value).toBe("10 South Colonnade");
    expect(block(redrawn, MEETING_BLOCK.agenda).element.initial_value).toBe("1. Introductions");
    expect(block(redrawn, MEETING_BLOCK.recurrence).element.initial_option.value).toBe("monthly:1");
    expect(block(redrawn, MEETING_BLOCK.ordinal).element.initial_option.value).toBe("-1");
    expect(block(redrawn, MEETING_BLOCK.reminders).element.initial_options.map((o: any) => o.value)).toEqual(["1440"]);

    // Submitted with the community and stages chosen in the form.
    const reply = await meetingForm(ALICE, { picked: communityId, stages: [stageIds.tax] }, { communityId: undefined });
    expect(reply.json).toEqual({ response_action: "clear" });
    const [meeting] = await h.db.meeting.findMany();
    expect(await coveredBy(meeting.id)).toEqual(["Register for tax"]);
  });

  it("are refused with the meeting for a member when only organisers schedule, and nothing is written", async () => {
    const reply = await meetingForm(BOB, { stages: [stageIds.check] });
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors[MEETING_BLOCK.title]).toMatch(/Only the organisers/);
    expect(await h.db.meeting.count()).toBe(0);
    expect(await h.db.meetingStage.count()).toBe(0);
  });
});

describe("editing a meeting's stages", () => {
  it("shows its own chosen, replaces them, and redraws the card", async () => {
    const [meeting] = await schedule({ stages: [stageIds.check, stageIds.register] });
    await openEdit(ALICE, meeting.id);
    const picked = block(h.slack.lastCall("views.open")!.args.view, MEETING_BLOCK.stages);
    expect(picked.element.initial_options.map((o: any) => o.value)).toEqual([stageIds.check, stageIds.register]);

    h.slack.reset();
    const reply = await meetingForm(ALICE, { stages: [stageIds.employ] }, { meetingId: meeting.id, sequence: 0 });
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(await coveredBy(meeting.id)).toEqual(["Employ people"]);
    const redrawn = h.slack.lastCall("chat.update")!.args.blocks as any[];
    expect(redrawn[0].text.text).toContain("*Covers:* Employ people");

    // None chosen: it covers none, and its card says nothing about stages.
    h.slack.reset();
    await meetingForm(ALICE, {}, { meetingId: meeting.id, sequence: 1 });
    expect(await coveredBy(meeting.id)).toEqual([]);
    expect((h.slack.lastCall("chat.update")!.args.blocks as any[])[0].text.text).not.toContain("Covers");
  });

  it("is refused for a member who did not schedule it, and the stages stay", async () => {
    const [meeting] = await schedule({ stages: [stageIds.check] });
    const reply = await meetingForm(BOB, { stages: [stageIds.tax] }, { meetingId: meeting.id, sequence: 0 });
    expect(reply.json.response_action).toBe("errors");
    expect(await coveredBy(meeting.id)).toEqual(["Check what you need to do"]);
  });
});

describe("a series' stages", () => {
  it("are carried by each occurrence, new ones included; 'this meeting only' changes one, 'this and following' the rest", async () => {
    const [first, second] = await schedule({ recurrence: "weekly:1", stages: [stageIds.check, stageIds.register] });
    expect(first.seriesId).toBeTruthy();
    expect(await coveredBy(first.id)).toEqual(["Check what you need to do", "Register the company"]);
    expect(await coveredBy(second.id)).toEqual(["Check what you need to do", "Register the company"]);

    // The first has happened: the series rolls on, and its new occurrence copies the series' stages.
    h.clock.set(new Date("2026-03-10T13:00:00Z"));
    await h.app.tick();
    const third = await h.db.meeting.findFirstOrThrow({ where: { seriesId: first.seriesId, occurrence: 2 } });
    expect(await coveredBy(third.id)).toEqual(["Check what you need to do", "Register the company"]);

    // This meeting only: the next one keeps the series' stages.
    await meetingForm(
      ALICE,
      { start: "2026-03-17T10:00", recurrence: "weekly:1", scope: "this", stages: [stageIds.tax] },
      {
        meetingId: second.id,
        sequence: 0,
      },
    );
    expect(await coveredBy(second.id)).toEqual(["Register for tax"]);
    expect(await coveredBy(third.id)).toEqual(["Check what you need to do", "Register the company"]);

    // This and following: the later occurrences and the series' own stages change.
    await meetingForm(
      ALICE,
      { start: "2026-03-17T10:00", recurrence: "weekly:1", scope: "following", stages: [stageIds.employ] },
      {
        meetingId: second.id,
        sequence: 1,
      },
    );
    expect(await coveredBy(second.id)).toEqual(["Employ people"]);
    expect(await coveredBy(third.id)).toEqual(["Employ people"]);
    const series = await h.db.meetingSeriesStage.findMany({ where: { seriesId: first.seriesId! } });
    expect(series.map((s) => s.stageId)).toEqual([stageIds.employ]);
    // The one before is left as it was.
    expect(await coveredBy(first.id)).toEqual(["Check what you need to do", "Register the company"]);
  });

  it("are given by a one-off that becomes a series", async () => {
    const [meeting] = await schedule({ stages: [stageIds.tax] });
    await meetingForm(ALICE, { recurrence: "weekly:2", stages: [stageIds.tax] }, { meetingId: meeting.id, sequence: 0 });
    const { seriesId } = await h.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    const occurrences = await h.db.meeting.findMany({ where: { seriesId }, orderBy: { occurrence: "asc" } });
    expect(occurrences).toHaveLength(2);
    for (const occurrence of occurrences) expect(await coveredBy(occurrence.id)).toEqual(["Register for tax"]);
  });
});

describe("a removed stage", () => {
  it("drops from its meetings and their series, and nothing else changes", async () => {
    const [first, second] = await schedule({ recurrence: "weekly:1", stages: [stageIds.register, stageIds.tax] });
    const oneOff = (await schedule({ title: "Tax show and tell", start: "2026-03-12T14:00", stages: [stageIds.register] })).find(
      (m) => m.title === "Tax show and tell",
    )!;
    // Removed as an organiser removes it: from its menu, then the confirming button.
    await h.interact(
      blockAction({
        user: ALICE,
        actionId: ACTION.removeStage,
        value: JSON.stringify({ s: stageIds.register, p: 0 }),
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.journeyActions,
      }),
    );
    expect(await h.db.journeyStage.count({ where: { id: stageIds.register } })).toBe(0);
    expect(await coveredBy(first.id)).toEqual(["Register for tax"]);
    expect(await coveredBy(second.id)).toEqual(["Register for tax"]);
    expect(await coveredBy(oneOff.id)).toEqual([]);
    expect(await h.db.meeting.count()).toBe(3);
    expect((await h.db.meeting.findMany()).every((m) => m.status === "scheduled")).toBe(true);
    const series = await h.db.meetingSeriesStage.findMany({ where: { seriesId: first.seriesId! } });
    expect(series.map((s) => s.stageId)).toEqual([stageIds.tax]);

    // The card, redrawn when someone answers, and the edit form no longer name it.
    h.slack.reset();
    await h.interact(
      blockAction({
        user: BOB,
        actionId: ACTION.rsvpGoing,
        value: first.id,
        channel,
        responseUrl: h.slack.responseUrl(),
        blockId: BLOCK.meetingActions,
      }),
    );
    expect((h.slack.lastCall("chat.update")!.args.blocks as any[])[0].text.text).toContain("*Covers:* Register for tax");
    await openEdit(ALICE, oneOff.id);
    const picked = block(h.slack.lastCall("views.open")!.args.view, MEETING_BLOCK.stages);
    expect(picked.element.options.map((o: any) => o.text.text)).toEqual([
      "1. Check what you need to do",
      "2. Register for tax",
      "3. Employ people",
    ]);
    expect(picked.element.initial_options).toBeUndefined();

    // The series' next occurrence no longer covers it either.
    h.clock.set(new Date("2026-03-10T13:00:00Z"));
    await h.app.tick();
    const third = await h.db.meeting.findFirstOrThrow({ where: { seriesId: first.seriesId, occurrence: 2 } });
    expect(await coveredBy(third.id)).toEqual(["Register for tax"]);
  });
});

describe("/community journey", () => {
  it("shows each stage's next meeting, the soonest still to come; a cancelled or past one does not count", async () => {
    await schedule({ title: "Tax show and tell", start: "2026-03-19T14:00", stages: [stageIds.tax] });
    await schedule({ title: "Mapping the user's whole problem", start: "2026-03-10T10:00", stages: [stageIds.check, stageIds.tax] });
    // Written straight to the database: a cancelled one still to come, and one that has taken place.
    const written = (title: string, startsAt: string, stageId: string, status = "scheduled") =>
      h.db.meeting.create({
        data: {
          communityId,
          title,
          startsAt: new Date(startsAt),
          durationMinutes: 60,
          timezone: "Europe/London",
          reminderOffsets: "",
          status,
          createdBy: ALICE,
          stages: { create: [{ stageId }] },
        },
      });
    await written("Cancelled walk-through", "2026-03-05T10:00:00Z", stageIds.register, "cancelled");
    await written("Last month's walk-through", "2026-02-10T10:00:00Z", stageIds.employ);

    const [check, register, tax, employ] = await journey(BOB);
    expect(check).toContain("\nNext meeting: Mapping the user's whole problem, Tuesday 10 March 2026");
    expect(tax).toContain("\nNext meeting: Mapping the user's whole problem, Tuesday 10 March 2026");
    expect(register).not.toContain("Next meeting");
    expect(employ).not.toContain("Next meeting");

    // Once it has started, the stage's next one is the one after.
    h.clock.set(new Date("2026-03-10T10:30:00Z"));
    const [checkLater, , taxLater] = await journey(BOB);
    expect(checkLater).not.toContain("Next meeting");
    expect(taxLater).toContain("\nNext meeting: Tax show and tell, Thursday 19 March 2026");
  });
});
