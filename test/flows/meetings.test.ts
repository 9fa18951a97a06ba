import { DateTime } from "luxon";
import { parseCalendarFields } from "../../src/domain/meetings/calendarFile";
import { ACTION, BLOCK, CALLBACK, CANCEL_MEETING_BLOCK, MEETING_BLOCK, SETTINGS_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, overflowAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE"); // Alice: HMRC, organiser, Europe/London
  await seedMember(h, "U0BOB", community.id, { organisation: "dwp" });
  await seedMember(h, "U0CAROL", community.id, { organisation: "companies-house" });
  await seedMember(h, "U0DAVE", community.id, { organisation: "dwp" });
  return { communityId: community.id, channel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel },
  } = await world.start()); // clock: Monday 2 March 2026, 10:00Z
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

/** The picker's value for a wall time read in `zone` (the person's own zone). */
function picker(local: string, zone = "Europe/London"): number {
  return DateTime.fromISO(local, { zone }).toSeconds();
}

interface MeetingFields {
  title?: string | null;
  start?: number | null;
  duration?: string | null;
  videoLink?: string | null;
  place?: string | null;
  agenda?: string | null;
  recurrence?: string | null;
  ordinal?: string | null;
  reminders?: string[];
  scope?: string | null;
  picked?: string | null;
}

function meetingSubmission(user: string, fields: MeetingFields = {}, meta: Record<string, string> = { communityId: "" }, viewId?: string) {
  const f: MeetingFields = {
    title: "Show and tell",
    start: picker("2026-03-10T10:00"),
    duration: "60",
    videoLink: "https://teams.example.gov.uk/meet/123",
    place: null,
    agenda: "1. Introductions\n2. Research findings",
    recurrence: "none",
    ordinal: null,
    reminders: ["10080", "1440", "60"],
    ...fields,
  };
  const metadata = { pickerZone: "Europe/London", ...meta, ...(meta.communityId === "" ? { communityId } : {}) };
  return viewSubmission({
    user,
    callbackId: CALLBACK.scheduleMeeting,
    viewId,
    privateMetadata: JSON.stringify(metadata),
    values: {
      ...(f.picked !== undefined ? { [MEETING_BLOCK.community]: input.external(f.picked) } : {}),
      ...(f.scope !== undefined ? { [MEETING_BLOCK.scope]: input.radio(f.scope) } : {}),
      [MEETING_BLOCK.title]: input.text(f.title ?? null),
      [MEETING_BLOCK.start]: input.datetime(f.start ?? null),
      [MEETING_BLOCK.duration]: input.select(f.duration ?? null),
      [MEETING_BLOCK.videoLink]: input.text(f.videoLink ?? null),
      [MEETING_BLOCK.place]: input.text(f.place ?? null),
      [MEETING_BLOCK.agenda]: input.text(f.agenda ?? null),
      [MEETING_BLOCK.recurrence]: input.select(f.recurrence ?? null),
      [MEETING_BLOCK.ordinal]: input.select(f.ordinal ?? null),
      [MEETING_BLOCK.reminders]: input.checkboxes(f.reminders ?? []),
    },
  });
}

async function schedule(fields: MeetingFields = {}, user = "U0ALICE") {
  const reply = await h.interact(meetingSubmission(user, fields));
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
}

function rsvp(
  user: string,
  meetingId: string,
  actionId: string = ACTION.rsvpGoing,
  opts: { ephemeral?: boolean; home?: boolean; team?: string } = {},
) {
  const payload: Record<string, unknown> = blockAction({
    user,
    actionId,
    value: meetingId,
    channel: opts.home ? undefined : channel,
    responseUrl: opts.home ? undefined : h.slack.responseUrl(),
    blockId: BLOCK.meetingActions,
    team: opts.team,
  });
  if (!opts.ephemeral && !opts.home)
    payload.container = { type: "message", channel_id: channel, message_ts: "1.000001", is_ephemeral: false };
  return h.interact(payload);
}

function menu(user: string, meetingId: string, what: "edit" | "cancel") {
  return h.interact(
    overflowAction({
      user,
      actionId: ACTION.meetingMenu,
      value: JSON.stringify({ m: meetingId, do: what }),
      channel,
      responseUrl: h.slack.responseUrl(),
    }),
  );
}

function cancelSubmission(user: string, meetingId: string, fields: { scope?: string; note?: string } = {}) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.cancelMeeting,
    privateMetadata: JSON.stringify({ meetingId }),
    values: {
      ...(fields.scope ? { [CANCEL_MEETING_BLOCK.scope]: input.radio(fields.scope) } : {}),
      [CANCEL_MEETING_BLOCK.note]: input.text(fields.note ?? null),
    },
  });
}

function allText(blocks: any[]): string {
  return JSON.stringify(blocks);
}

/** The calendar file behind a meeting's Add to calendar link, fetched from the app's own server. */
async function calendarFor(link: string) {
  const url = new URL(link);
  const res = await fetch(`${h.url}${url.pathname}${url.search}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

function calendarLink(blocks: any[]): string {
  const button = blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === ACTION.addToCalendar);
  return button.url;
}

const lastDmTo = (user: string) =>
  h.slack
    .callsTo("chat.postMessage")
    .filter((c) => c.args.channel === user)
    .at(-1);

describe("/community meeting", () => {
  it("opens the modal for the channel's community, in its time zone, with its default reminders", async () => {
    h.slack.timezones.set("U0ALICE", "America/New_York");
    await h.command("meeting", { user: "U0ALICE", channel });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.scheduleMeeting);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId, pickerZone: "America/New_York" });
    const start = view.blocks.find((b: any) => b.block_id === MEETING_BLOCK.start);
    expect(start.element.type).toBe("datetimepicker");
    expect(start.label.text).toBe("Start, in UK time");
    const reminders = view.blocks.find((b: any) => b.block_id === MEETING_BLOCK.reminders);
    expect(reminders.element.initial_options.map((o: any) => o.value)).toEqual(["10080", "1440", "60"]);
    expect(view.blocks.map((b: any) => b.block_id)).not.toContain(MEETING_BLOCK.community);
  });

  it("answers to its alias, and asks which community outside a community's channel (of someone not in exactly one)", async () => {
    await h.command("schedule", { user: "U0NEWCOMER" });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.blocks.find((b: any) => b.block_id === MEETING_BLOCK.community).element.action_id).toBe(ACTION.meetingCommunity);
  });

  it("refuses a member when only organisers may schedule, before the form opens", async () => {
    await h.command("meeting", { user: "U0BOB", channel });
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/Only the organisers of \*Starting a business\* can schedule/);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/\/community settings/);
  });

  it("refuses a member's submission too, and writes nothing", async () => {
    const reply = await h.interact(meetingSubmission("U0BOB"));
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors[MEETING_BLOCK.title]).toMatch(/Only the organisers/);
    expect(await h.db.meeting.count()).toBe(0);
  });

  it("schedules a meeting and announces it with the time in each reader's zone, RSVP buttons and a calendar link", async () => {
    const [meeting] = await schedule();
    expect(meeting).toMatchObject({
      communityId,
      title: "Show and tell",
      startsAt: new Date("2026-03-10T10:00:00Z"),
      durationMinutes: 60,
      timezone: "Europe/London",
      reminderOffsets: "10080,1440,60",
      status: "scheduled",
      sequence: 0,
      createdBy: "U0ALICE",
      announcementChannelId: channel,
    });
    const post = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!;
    const text = allText(post.args.blocks);
    // Written in the community's zone, named in words (see src/i18n/en/dates.ts), not as Slack's date token.
    expect(text).toContain("*When:* Tuesday 10 March 2026, 10am to 11am UK time (1 hour)");
    expect(text).toContain("<https://teams.example.gov.uk/meet/123|Join the call>");
    expect(text).toContain("Research findings");
    const buttons = post.args.blocks.find((b: any) => b.block_id === BLOCK.meetingActions).elements;
    expect(buttons.map((e: any) => e.action_id)).toEqual([ACTION.rsvpGoing, ACTION.rsvpMaybe, ACTION.rsvpNotGoing, ACTION.addToCalendar]);
    expect(calendarLink(post.args.blocks)).toMatch(new RegExp(`^https://communities\\.test/calendar/${meeting.id}\\.ics\\?sig=`));
    expect(lastDmTo("U0ALICE")!.args.text).toMatch(/Show and tell\* is scheduled and announced in <#/);
  });

  it("reads the picked wall time in the community's zone, whatever zone the organiser is in", async () => {
    // Alice is in New York; she picks 10:00 on her own clock, meaning 10:00 in London.
    const reply = await h.interact(
      meetingSubmission(
        "U0ALICE",
        { start: picker("2026-03-10T10:00", "America/New_York") },
        { communityId: "", pickerZone: "America/New_York" },
      ),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    expect((await h.db.meeting.findFirstOrThrow()).startsAt).toEqual(new Date("2026-03-10T10:00:00Z"));
    // Her confirmation names the community's zone, and gives her own clock too; the channel's announcement only the community's.
    expect(lastDmTo("U0ALICE")!.args.text).toContain(
      "It is on Tuesday 10 March 2026, 10am to 11am UK time, which is 6am to 7am New York time.",
    );
    expect(allText(h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!.args.blocks)).not.toContain("New York");
  });

  it("schedules once when the submit is double-clicked", async () => {
    // At the same moment, so the second may reach the unique request id while the first is writing.
    const replies = await Promise.all([1, 2].map(() => h.interact(meetingSubmission("U0ALICE", {}, { communityId: "" }, "V-same"))));
    expect(replies.map((r) => r.json)).toEqual([{ response_action: "clear" }, { response_action: "clear" }]);
    expect(await h.db.meeting.count()).toBe(1);
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel)).toHaveLength(1);
  });

  it.each([
    [
      "a start in the past",
      { start: picker("2026-03-02T09:00") },
      MEETING_BLOCK.start,
      /^Monday 2 March 2026 at 9am UK time has already passed/,
    ],
    ["no start", { start: null }, MEETING_BLOCK.start, /Pick the date and time/],
    ["a duration under 30 minutes", { duration: "15" }, MEETING_BLOCK.duration, /between 30 minutes and 4 hours/],
    ["a duration over 4 hours", { duration: "300" }, MEETING_BLOCK.duration, /between 30 minutes and 4 hours/],
    ["a link that is not https", { videoLink: "http://teams.example.gov.uk/meet/1" }, MEETING_BLOCK.videoLink, /starting with https:\/\//],
    ["a link that is not a link", { videoLink: "teams meeting" }, MEETING_BLOCK.videoLink, /starting with https:\/\//],
    ["no link and no place", { videoLink: null, place: null }, MEETING_BLOCK.videoLink, /video link, a place, or both/],
    ["an empty title", { title: "  " }, MEETING_BLOCK.title, /Give the meeting a title/],
    ["a title too long", { title: "x".repeat(151) }, MEETING_BLOCK.title, /150 characters \(it has 151\)/],
    [
      "a monthly rule the start is not",
      { recurrence: "monthly:1", ordinal: "1" },
      MEETING_BLOCK.ordinal,
      /Tuesday 10 March is the second Tuesday of its month, not the first/,
    ],
    ["an unknown recurrence", { recurrence: "daily" }, MEETING_BLOCK.recurrence, /from the list/],
    ["an unknown reminder", { reminders: ["5"] }, MEETING_BLOCK.reminders, /from the list/],
  ])("refuses %s with an error beside the field, and writes nothing", async (_name, fields, block, message) => {
    const reply = await h.interact(meetingSubmission("U0ALICE", fields as MeetingFields));
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors[block]).toMatch(message);
    expect(await h.db.meeting.count()).toBe(0);
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("reports every field's error at once", async () => {
    const reply = await h.interact(meetingSubmission("U0ALICE", { title: "", duration: "5", videoLink: "ftp://x" }));
    expect(Object.keys(reply.json.errors).sort()).toEqual([MEETING_BLOCK.duration, MEETING_BLOCK.title, MEETING_BLOCK.videoLink].sort());
  });

  it("asks for the community when the modal had none, and refuses one from another workspace", async () => {
    const none = await h.interact(meetingSubmission("U0ALICE", { picked: null }, { communityId: undefined as unknown as string }));
    expect(none.json.errors[MEETING_BLOCK.community]).toMatch(/Choose the community/);
    const other = await h.interact(meetingSubmission("U0ALICE", { picked: "c-unknown" }, { communityId: undefined as unknown as string }));
    expect(other.json.errors[MEETING_BLOCK.community]).toMatch(/no longer exists/);
  });

  it("accepts a fifth weekday and says that months without one are skipped", async () => {
    // Monday 30 March 2026 is the fifth Monday; the next month with one is June.
    const meetings = await schedule({ start: picker("2026-03-30T10:00"), recurrence: "monthly:1" });
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual(["2026-03-30T09:00:00.000Z", "2026-06-29T09:00:00.000Z"]);
    expect(lastDmTo("U0ALICE")!.args.text).toMatch(/Months without a fifth Monday are skipped/);
  });
});

describe("answering", () => {
  let meetingId: string;
  beforeEach(async () => {
    [{ id: meetingId }] = await schedule();
    h.slack.reset();
  });

  it("records Going, updates the announcement in place with counts and names, and confirms privately", async () => {
    await rsvp("U0BOB", meetingId);
    expect(await h.db.meetingRsvp.findMany({ select: { slackUserId: true, answer: true, organisation: true } })).toEqual([
      { slackUserId: "U0BOB", answer: "going", organisation: "dwp" },
    ]);
    const update = h.slack.lastCall("chat.update")!;
    expect(update.args.channel).toBe(channel);
    const text = allText(update.args.blocks);
    expect(text).toContain("*Going:* <@U0BOB>");
    expect(text).toContain("*1* going  ·  *0* maybe  ·  *0* can't go");
    expect(h.slack.responses.at(-1)!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/Your answer to \*Show and tell\*: \*Going\*/);
  });

  it("replaces an earlier answer rather than adding one", async () => {
    await rsvp("U0BOB", meetingId);
    await rsvp("U0BOB", meetingId, ACTION.rsvpMaybe);
    await rsvp("U0CAROL", meetingId, ACTION.rsvpNotGoing);
    expect(await h.db.meetingRsvp.count()).toBe(2);
    const text = allText(h.slack.lastCall("chat.update")!.args.blocks);
    expect(text).toContain("*0* going  ·  *1* maybe  ·  *1* can't go");
    expect(text).not.toContain("*Going:*");
  });

  it("counts 200 people answering at once exactly, with far fewer message updates", async () => {
    const people = Array.from({ length: 200 }, (_, i) => `U${String(i).padStart(4, "0")}`);
    await Promise.all(people.map((p) => rsvp(p, meetingId)));
    await h.idle();
    expect(await h.db.meetingRsvp.count({ where: { meetingId, answer: "going" } })).toBe(200);
    const updates = h.slack.callsTo("chat.update");
    const last = allText(updates.at(-1)!.args.blocks);
    expect(last).toContain("*200* going");
    expect(last).toContain("and 170 more"); // 30 named
    expect(updates.length).toBeLessThan(200);
  }, 60_000); // 200 requests at once: seconds on a quiet machine, more on a loaded one

  it("redraws the person's own list when they answer from /community meetings", async () => {
    await rsvp("U0BOB", meetingId, ACTION.rsvpMaybe, { ephemeral: true });
    const body = h.slack.responses.at(-1)!.body;
    expect(body.replace_original).toBe(true);
    expect(allText(body.blocks)).toContain("Your answer: *Maybe*");
    const maybe = body.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === ACTION.rsvpMaybe);
    expect(maybe.style).toBe("primary");
  });

  it("redraws App Home when they answer there", async () => {
    await rsvp("U0BOB", meetingId, ACTION.rsvpGoing, { home: true });
    const publish = h.slack.lastCall("views.publish")!;
    expect(publish.args.user_id).toBe("U0BOB");
    expect(allText(publish.args.view.blocks)).toContain("Your answer: *Going*");
  });

  it("refuses an answer to a meeting that has happened", async () => {
    h.clock.set(new Date("2026-03-10T11:30:00Z"));
    await rsvp("U0BOB", meetingId);
    expect(await h.db.meetingRsvp.count()).toBe(0);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/already happened/);
  });
});

describe("changing a meeting", () => {
  let meetingId: string;
  beforeEach(async () => {
    [{ id: meetingId }] = await schedule();
    await rsvp("U0BOB", meetingId);
    await rsvp("U0CAROL", meetingId, ACTION.rsvpMaybe);
    await rsvp("U0DAVE", meetingId, ACTION.rsvpNotGoing);
    h.slack.reset();
  });

  it("opens the same modal prefilled for an organiser", async () => {
    h.slack.timezones.set("U0ALICE", "Asia/Tokyo");
    await menu("U0ALICE", meetingId, "edit");
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.title.text).toBe("Change meeting");
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId, meetingId, pickerZone: "Asia/Tokyo", sequence: 0 });
    const byId = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(byId(MEETING_BLOCK.title).element.initial_value).toBe("Show and tell");
    // 10:00 in London, shown on a Tokyo clock as 10:00 too: the picker shows the community's wall time.
    expect(byId(MEETING_BLOCK.start).element.initial_date_time).toBe(picker("2026-03-10T10:00", "Asia/Tokyo"));
    expect(byId(MEETING_BLOCK.duration).element.initial_option.value).toBe("60");
    expect(byId(MEETING_BLOCK.scope)).toBeUndefined(); // a one-off has no series to ask about
  });

  it("reschedules: the announcement updates in place, and those going or maybe get the change and a new calendar file", async () => {
    const reply = await h.interact(meetingSubmission("U0ALICE", { start: picker("2026-03-12T14:00") }, { communityId, meetingId }));
    expect(reply.json).toEqual({ response_action: "clear" });
    const meeting = await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.startsAt).toEqual(new Date("2026-03-12T14:00:00Z"));
    expect(meeting.sequence).toBe(1);
    expect(allText(h.slack.lastCall("chat.update")!.args.blocks)).toContain("*When:* Thursday 12 March 2026, 2pm to 3pm UK time");
    for (const user of ["U0BOB", "U0CAROL"]) {
      const dm = lastDmTo(user)!;
      expect(dm.args.text).toMatch(/Show and tell has changed/);
      // The old time in the same zone as the new.
      expect(allText(dm.args.blocks)).toContain(
        "*When:* Thursday 12 March 2026, 2pm to 3pm UK time. It was Tuesday 10 March 2026, 10am to 11am UK time.",
      );
      const ics = parseCalendarFields((await calendarFor(calendarLink(dm.args.blocks))).text);
      expect(ics.SEQUENCE).toBe("1");
      expect(ics.DTSTART).toBe("20260312T140000Z");
    }
    expect(lastDmTo("U0DAVE")).toBeUndefined();
    expect(await h.db.meetingRsvp.count()).toBe(3); // answers stand
  });

  it("applies a double-clicked or stale edit once, and says the meeting changed since the form opened", async () => {
    const submit = () =>
      h.interact(
        meetingSubmission("U0ALICE", { start: picker("2026-03-12T14:00") }, { communityId, meetingId, sequence: 0 as unknown as string }),
      );
    const replies = await Promise.all([submit(), submit()]);
    expect(replies.map((r) => r.json.response_action).sort()).toEqual(["clear", "errors"]);
    expect(replies.find((r) => r.json.response_action === "errors")!.json.errors[MEETING_BLOCK.title]).toMatch(
      /changed or cancelled since you opened the form/,
    );
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).sequence).toBe(1);
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === "U0BOB")).toHaveLength(1);
  });

  it("refuses an answer or a change from another workspace", async () => {
    await rsvp("U0BOB", meetingId, ACTION.rsvpGoing, { team: "T0OTHER" });
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/no longer exists/);
    expect(await h.db.meetingRsvp.count({ where: { slackUserId: "U0BOB", answer: "maybe" } })).toBe(0);
    expect(await h.db.meetingRsvp.count({ where: { slackUserId: "U0BOB", answer: "going" } })).toBe(1); // from before
    const reply = await h.interact({
      ...meetingSubmission("U0ALICE", { title: "Hijacked" }, { communityId, meetingId }),
      team: { id: "T0OTHER", domain: "other" },
    });
    expect(reply.json.response_action).toBe("errors");
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).title).toBe("Show and tell");
  });

  it("refuses a member, before the modal opens and on submission, and changes nothing", async () => {
    await menu("U0BOB", meetingId, "edit");
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(
      /Only the organisers of \*Starting a business\*, or whoever scheduled it, can change this meeting/,
    );
    const reply = await h.interact(meetingSubmission("U0BOB", { title: "Mine now" }, { communityId, meetingId }));
    expect(reply.json.errors[MEETING_BLOCK.title]).toMatch(/Only the organisers/);
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).title).toBe("Show and tell");
  });

  it("lets whoever scheduled it change it when members may schedule", async () => {
    await h.db.community.update({ where: { id: communityId }, data: { membersCanSchedule: true } });
    await schedule({ title: "Bob's research session", start: picker("2026-03-20T10:00") }, "U0BOB");
    const bobs = await h.db.meeting.findFirstOrThrow({ where: { createdBy: "U0BOB" } });
    const reply = await h.interact(
      meetingSubmission(
        "U0BOB",
        { title: "Bob's research session (moved)", start: picker("2026-03-21T10:00") },
        { communityId, meetingId: bobs.id },
      ),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(await h.db.meeting.findUniqueOrThrow({ where: { id: bobs.id } })).toMatchObject({
      title: "Bob's research session (moved)",
      startsAt: new Date("2026-03-21T10:00:00Z"),
      sequence: 1,
    });
    // …but not someone else's.
    const other = await h.interact(meetingSubmission("U0BOB", { title: "Taken over" }, { communityId, meetingId }));
    expect(other.json.errors[MEETING_BLOCK.title]).toMatch(/Only the organisers .*, or whoever scheduled it/);
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).title).toBe("Show and tell");
  });

  it("cancels: the announcement loses its buttons, and everyone who answered is told", async () => {
    await menu("U0ALICE", meetingId, "cancel");
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.cancelMeeting);
    expect(view.blocks.map((b: any) => b.block_id)).not.toContain(CANCEL_MEETING_BLOCK.scope);
    const reply = await h.interact(cancelSubmission("U0ALICE", meetingId, { note: "We will share the slides instead." }));
    expect(reply.json).toEqual({ response_action: "clear" });
    const meeting = await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting).toMatchObject({ status: "cancelled", sequence: 1 });
    const update = h.slack.lastCall("chat.update")!;
    expect(allText(update.args.blocks)).toContain("*Cancelled:* ~Show and tell~");
    expect(update.args.blocks.some((b: any) => b.type === "actions")).toBe(false);
    for (const user of ["U0BOB", "U0CAROL", "U0DAVE"]) {
      expect(allText(lastDmTo(user)!.args.blocks)).toContain("We will share the slides instead.");
    }
    const ics = parseCalendarFields((await calendarFor(calendarLink(lastDmTo("U0BOB")!.args.blocks))).text);
    expect(ics.METHOD).toBe("CANCEL");
    expect(ics.STATUS).toBe("CANCELLED");
    expect(ics.SEQUENCE).toBe("1");
    // No more answers, and no second cancellation.
    await rsvp("U0CAROL", meetingId);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/was cancelled/);
    const again = await h.interact(cancelSubmission("U0ALICE", meetingId));
    expect(again.json.errors[CANCEL_MEETING_BLOCK.note]).toMatch(/already cancelled/);
  });

  it("refuses a member's cancellation", async () => {
    const reply = await h.interact(cancelSubmission("U0BOB", meetingId));
    expect(reply.json.errors[CANCEL_MEETING_BLOCK.note]).toMatch(/Only the organisers/);
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("scheduled");
  });
});

describe("calendar files", () => {
  it("serves the meeting's .ics from a signed link, with a stable UID and UTC times", async () => {
    const [meeting] = await schedule({ place: "10 South Colonnade" });
    const link = calendarLink(h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!.args.blocks);
    const file = await calendarFor(link);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/calendar/);
    expect(file.text).toContain("\r\n");
    const ics = parseCalendarFields(file.text);
    expect(ics.UID).toBe(`${meeting.id}@service-communities`);
    expect(ics.SEQUENCE).toBe("0");
    expect(ics.METHOD).toBe("REQUEST");
    expect(ics.DTSTART).toBe("20260310T100000Z");
    expect(ics.DTEND).toBe("20260310T110000Z");
    expect(ics.SUMMARY).toBe("Show and tell");
    expect(ics.LOCATION).toContain("10 South Colonnade");
    // The address the emails come from (MAIL_FROM), so a calendar that replies reaches the service.
    expect(ics.ORGANIZER).toBe("MAILTO:communities@example.gov.uk");
  });

  it("refuses a link whose signature is wrong", async () => {
    const [meeting] = await schedule();
    const res = await fetch(`${h.url}/calendar/${meeting.id}.ics?sig=forged`);
    expect(res.status).toBe(404);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe("recurring meetings", () => {
  it("creates the next occurrence with the first, and keeps a monthly 10:00 London meeting at 10:00 across both clock changes", async () => {
    // Second Tuesday of September 2026, 10:00 London (BST): the series crosses 25 October.
    h.clock.set(new Date("2026-09-01T09:00:00Z"));
    const first = await schedule({ start: picker("2026-09-08T10:00"), recurrence: "monthly:1" });
    expect(first.map((m) => [m.occurrence, m.startsAt.toISOString()])).toEqual([
      [0, "2026-09-08T09:00:00.000Z"],
      [1, "2026-10-13T09:00:00.000Z"],
    ]);
    // Only the first is announced; the next is announced once the first is over.
    expect(h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === channel)).toHaveLength(1);
    const tickAt = async (iso: string) => {
      h.clock.set(new Date(iso));
      await h.app.tick();
      return h.db.meeting.findMany({ orderBy: { occurrence: "asc" } });
    };
    let all = await tickAt("2026-09-08T10:30:00Z");
    expect(all.map((m) => m.startsAt.toISOString())).toEqual([
      "2026-09-08T09:00:00.000Z",
      "2026-10-13T09:00:00.000Z",
      "2026-11-10T10:00:00.000Z",
    ]);
    expect(all[1].announcementTs).not.toBeNull();
    expect(all[2].announcementTs).toBeNull();
    await tickAt("2026-09-08T10:31:00Z"); // a second tick changes nothing
    expect(await h.db.meeting.count()).toBe(3);
    all = await tickAt("2026-10-13T10:30:00Z");
    expect(all.map((m) => DateTime.fromJSDate(m.startsAt, { zone: "Europe/London" }).toFormat("yyyy-MM-dd HH:mm"))).toEqual([
      "2026-09-08 10:00",
      "2026-10-13 10:00",
      "2026-11-10 10:00",
      "2026-12-08 10:00",
    ]);
    // And across the last Sunday of March 2027, back to 09:00 UTC.
    for (const iso of ["2026-11-10T11:30:00Z", "2026-12-08T11:30:00Z", "2027-01-12T11:30:00Z", "2027-02-09T11:30:00Z"]) await tickAt(iso);
    all = await h.db.meeting.findMany({ orderBy: { occurrence: "asc" } });
    expect(all.slice(-2).map((m) => m.startsAt.toISOString())).toEqual(["2027-03-09T10:00:00.000Z", "2027-04-13T09:00:00.000Z"]);
  });

  it("edits one occurrence on its own, or it and every later one", async () => {
    const [first, second] = await schedule({ recurrence: "weekly:1" });
    expect(second.startsAt).toEqual(new Date("2026-03-17T10:00:00Z"));
    await menu("U0ALICE", second.id, "edit");
    expect(h.slack.lastCall("views.open")!.args.view.blocks.find((b: any) => b.block_id === MEETING_BLOCK.scope)).toBeDefined();

    // This one only: the second moves to Wednesday; the series and the first stay.
    await h.interact(
      meetingSubmission(
        "U0ALICE",
        { start: picker("2026-03-18T10:00"), recurrence: "weekly:1", scope: "this" },
        { communityId, meetingId: second.id },
      ),
    );
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: second.id } })).startsAt).toEqual(new Date("2026-03-18T10:00:00Z"));
    expect((await h.db.meeting.findUniqueOrThrow({ where: { id: first.id } })).startsAt).toEqual(new Date("2026-03-10T10:00:00Z"));

    // This and following, from the first: later occurrences follow the new time and title.
    await h.interact(
      meetingSubmission(
        "U0ALICE",
        { title: "Weekly stand-up", start: picker("2026-03-10T14:00"), recurrence: "weekly:1", scope: "following" },
        { communityId, meetingId: first.id },
      ),
    );
    const all = await h.db.meeting.findMany({ orderBy: { occurrence: "asc" } });
    expect(all.map((m) => [m.title, m.startsAt.toISOString()])).toEqual([
      ["Weekly stand-up", "2026-03-10T14:00:00.000Z"],
      ["Weekly stand-up", "2026-03-17T14:00:00.000Z"],
    ]);
    const series = await h.db.meetingSeries.findFirstOrThrow();
    expect(series.title).toBe("Weekly stand-up");
    // New occurrences copy the new template.
    h.clock.set(new Date("2026-03-10T16:00:00Z"));
    await h.app.tick();
    expect((await h.db.meeting.findFirstOrThrow({ where: { occurrence: 2 } })).title).toBe("Weekly stand-up");
  });

  it("changes one occurrence only if the rule stays, and says how to change the rule", async () => {
    const [first] = await schedule({ recurrence: "monthly:1" });
    // Moving one "second Tuesday" meeting to a Thursday is fine for that meeting alone.
    const moved = await h.interact(
      meetingSubmission(
        "U0ALICE",
        { start: picker("2026-03-12T10:00"), recurrence: "monthly:1", scope: "this" },
        { communityId, meetingId: first.id },
      ),
    );
    expect(moved.json).toEqual({ response_action: "clear" });
    const ruleChange = await h.interact(
      meetingSubmission("U0ALICE", { recurrence: "weekly:1", scope: "this" }, { communityId, meetingId: first.id }),
    );
    expect(ruleChange.json.errors[MEETING_BLOCK.recurrence]).toMatch(/choose “This and all following meetings”/);
  });

  it("keeps exactly the next occurrence announced after several are cancelled one by one", async () => {
    const [first, second] = await schedule({ recurrence: "weekly:1" });
    await h.interact(cancelSubmission("U0ALICE", second.id, { scope: "this" }));
    const third = await h.db.meeting.findFirstOrThrow({ where: { occurrence: 2 } });
    await h.interact(cancelSubmission("U0ALICE", third.id, { scope: "this" }));
    await h.app.tick();
    const all = await h.db.meeting.findMany({ orderBy: { occurrence: "asc" } });
    expect(all.map((m) => [m.occurrence, m.status, m.announcementTs !== null])).toEqual([
      [0, "scheduled", true],
      [1, "cancelled", false],
      [2, "cancelled", false],
      [3, "scheduled", false],
    ]);
    expect(first.id).toBe(all[0].id);
    // The first's card is redrawn to name the real next meeting, 31 March.
    const card = h.slack
      .callsTo("chat.update")
      .filter((c) => c.args.ts === all[0].announcementTs)
      .at(-1)!;
    expect(allText(card.args.blocks)).toContain("Next: Tuesday 31 March 2026");
  });

  it("cancels one occurrence, and the next is announced at once", async () => {
    const [first] = await schedule({ recurrence: "weekly:2" });
    await h.interact(cancelSubmission("U0ALICE", first.id, { scope: "this" }));
    const all = await h.db.meeting.findMany({ orderBy: { occurrence: "asc" } });
    expect(all.map((m) => m.status)).toEqual(["cancelled", "scheduled", "scheduled"]);
    expect(all[1].announcementTs).not.toBeNull();
  });

  it("cancels an occurrence and all that follow, and the series makes no more", async () => {
    const [first] = await schedule({ recurrence: "weekly:1" });
    await h.interact(cancelSubmission("U0ALICE", first.id, { scope: "following" }));
    h.clock.set(new Date("2026-04-30T00:00:00Z"));
    await h.app.tick();
    const all = await h.db.meeting.findMany();
    expect(all.map((m) => m.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("turns a one-off into a series when it is given a rule", async () => {
    const [first] = await schedule();
    await h.interact(meetingSubmission("U0ALICE", { recurrence: "monthly:2" }, { communityId, meetingId: first.id }));
    const all = await h.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
    expect(all.map((m) => m.startsAt.toISOString())).toEqual(["2026-03-10T10:00:00.000Z", "2026-05-12T09:00:00.000Z"]);
  });
});

describe("/community meetings and App Home", () => {
  it("lists upcoming meetings in your communities with your answer", async () => {
    const [m] = await schedule();
    await schedule({ title: "Later one", start: picker("2026-04-01T10:00") });
    await rsvp("U0BOB", m.id);
    const reply = await h.command("meetings", { user: "U0BOB" });
    const text = allText(reply.json.blocks);
    expect(text).toContain("Upcoming meetings in your communities* (2)");
    expect(text.indexOf("Show and tell")).toBeLessThan(text.indexOf("Later one"));
    expect(text).toContain("Your answer: *Going*");
    expect(text).toContain("You have not answered yet");
  });

  it("says what to do when there is nothing to show", async () => {
    expect((await h.command("meetings", { user: "U0BOB" })).json.text).toMatch(/No upcoming meetings.*\/community meeting/);
    expect((await h.command("meetings", { user: "U0STRANGER" })).json.text).toMatch(/not in any community.*\/community list/);
  });

  it("shows the next meetings on App Home", async () => {
    await schedule();
    await h.event({ type: "app_home_opened", user: "U0CAROL", tab: "home", channel: "D1" });
    expect(allText(h.slack.lastCall("views.publish")!.args.view.blocks)).toContain("Your next meetings");
  });
});

describe("/community settings", () => {
  function settingsSubmission(user: string, fields: { members?: boolean; reminders?: string[]; threshold?: string }) {
    return viewSubmission({
      user,
      callbackId: CALLBACK.communitySettings,
      privateMetadata: JSON.stringify({ communityId }),
      values: {
        [SETTINGS_BLOCK.membersCanSchedule]: input.checkboxes(fields.members ? ["yes"] : []),
        [SETTINGS_BLOCK.reminders]: input.checkboxes(fields.reminders ?? ["1440"]),
        [SETTINGS_BLOCK.problemThreshold]: input.text(fields.threshold ?? "3"),
      },
    });
  }

  it("lets an organiser allow members to schedule and change the default reminders", async () => {
    await h.command("settings", { user: "U0ALICE", channel });
    expect(h.slack.lastCall("views.open")!.args.view.callback_id).toBe(CALLBACK.communitySettings);
    const reply = await h.interact(settingsSubmission("U0ALICE", { members: true, reminders: ["1440"], threshold: "4" }));
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).toMatchObject({
      membersCanSchedule: true,
      reminderOffsets: "1440",
      problemThreshold: 4,
    });
    await schedule({ reminders: ["1440"] }, "U0BOB");
    await h.command("meeting", { user: "U0BOB", channel });
    const reminders = h.slack.lastCall("views.open")!.args.view.blocks.find((b: any) => b.block_id === MEETING_BLOCK.reminders);
    expect(reminders.element.initial_options.map((o: any) => o.value)).toEqual(["1440"]);
  });

  it("gives a member their own settings, refuses them the community's, and refuses a threshold that is not a number", async () => {
    // A member's /community settings is how they get messages (test/flows/messageChoices.test.ts), not the community's.
    await h.command("settings", { user: "U0BOB", channel });
    expect(h.slack.lastCall("views.open")!.args.view.callback_id).toBe(CALLBACK.messages);
    const member = await h.interact(settingsSubmission("U0BOB", { members: true }));
    expect(member.json.response_action).toBe("errors");
    const bad = await h.interact(settingsSubmission("U0ALICE", { threshold: "lots" }));
    expect(bad.json.errors[SETTINGS_BLOCK.problemThreshold]).toMatch(/whole number/);
    expect((await h.db.community.findUniqueOrThrow({ where: { id: communityId } })).membersCanSchedule).toBe(false);
  });
});
