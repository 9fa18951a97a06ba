import { DateTime } from "luxon";
import { DatabaseRunCoordinator } from "../../src/scheduler/runCoordinator";
import { ACTION, BLOCK, CALLBACK, CANCEL_MEETING_BLOCK, MEETING_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

// The scheduler end to end: meetings planned through the modal, the clock moved
// by hand, h.app.tick() run as node-cron would, and the fake Slack's log checked.
let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE");
  await seedMember(h, "U0BOB", community.id, { organisation: "dwp" });
  await seedMember(h, "U0CAROL", community.id, { organisation: "companies-house" });
  await seedMember(h, "U0DAVE", community.id, { organisation: "dwp" });
  // Digests and the live-projects round are tested on their own; here they would only add noise.
  await h.db.community.update({ where: { id: community.id }, data: { digestCadence: "off", roundDaysBefore: 0 } });
  return { communityId: community.id, channel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel },
  } = await world.start()); // Monday 2 March 2026, 10:00Z
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const at = (iso: string) => h.clock.set(new Date(iso));
const picker = (local: string) => DateTime.fromISO(local, { zone: "Europe/London" }).toSeconds();

function meetingValues(fields: { title?: string; start?: string; reminders?: string[] }) {
  return {
    [MEETING_BLOCK.title]: input.text(fields.title ?? "Show and tell"),
    [MEETING_BLOCK.start]: input.datetime(picker(fields.start ?? "2026-03-10T10:00")),
    [MEETING_BLOCK.duration]: input.select("60"),
    [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/123"),
    [MEETING_BLOCK.place]: input.text(null),
    [MEETING_BLOCK.agenda]: input.text(null),
    [MEETING_BLOCK.recurrence]: input.select("none"),
    [MEETING_BLOCK.ordinal]: input.select(null),
    [MEETING_BLOCK.reminders]: input.checkboxes(fields.reminders ?? ["10080", "1440", "60"]),
  };
}

async function schedule(fields: { title?: string; start?: string; reminders?: string[] } = {}) {
  const reply = await h.interact(
    viewSubmission({
      user: "U0ALICE",
      callbackId: CALLBACK.scheduleMeeting,
      privateMetadata: JSON.stringify({ communityId, pickerZone: "Europe/London" }),
      values: meetingValues(fields),
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.meeting.findFirstOrThrow({ where: { title: fields.title ?? "Show and tell" } });
}

async function edit(meetingId: string, fields: { title?: string; start?: string }) {
  const meeting = await h.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const reply = await h.interact(
    viewSubmission({
      user: "U0ALICE",
      callbackId: CALLBACK.scheduleMeeting,
      privateMetadata: JSON.stringify({ communityId, meetingId, pickerZone: "Europe/London", sequence: meeting.sequence }),
      values: meetingValues(fields),
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
}

async function answer(user: string, meetingId: string, actionId: string) {
  await h.interact(
    blockAction({ user, actionId, value: meetingId, channel, responseUrl: h.slack.responseUrl(), blockId: BLOCK.meetingActions }),
  );
}

async function answered(meetingId: string) {
  await answer("U0BOB", meetingId, ACTION.rsvpGoing);
  await answer("U0CAROL", meetingId, ACTION.rsvpMaybe);
  await answer("U0DAVE", meetingId, ACTION.rsvpNotGoing);
  h.slack.reset();
}

const posts = () => h.slack.callsTo("chat.postMessage");
const postsTo = (target: string) => posts().filter((c) => c.args.channel === target);

describe("meeting reminders", () => {
  it("DMs those going or maybe at each offset, with the join link and buttons, and notes it in the channel the day before", async () => {
    const meeting = await schedule();
    await answered(meeting.id);
    expect(await h.db.outboxMessage.count({ where: { kind: "meeting_reminder", status: "pending" } })).toBe(3);

    at("2026-03-03T09:59:00Z");
    await h.app.tick();
    expect(posts()).toHaveLength(0);

    at("2026-03-03T10:00:00Z"); // one week before
    const week = await h.app.tick();
    expect(week).toMatchObject({ sent: 3, failed: 0 }); // the plan row and two DMs
    expect(postsTo("U0BOB")[0].args.text).toMatch(/^Reminder: Show and tell is in a week, on Tuesday 10 March 2026, 10am to 11am UK time/);
    const dm = JSON.stringify(postsTo("U0CAROL")[0].args.blocks);
    expect(dm).toContain("https://teams.example.gov.uk/meet/123");
    expect(dm).toContain("You answered *Maybe*");
    expect(dm).toContain(ACTION.rsvpGoing);
    expect(postsTo("U0DAVE")).toHaveLength(0);
    expect(postsTo(channel)).toHaveLength(0);

    at("2026-03-09T10:00:00Z"); // one day before: DMs and a note in the channel
    await h.app.tick();
    expect(postsTo("U0BOB").at(-1)!.args.text).toMatch(/is tomorrow/);
    expect(postsTo(channel)).toHaveLength(1);
    expect(JSON.stringify(postsTo(channel)[0].args.blocks)).toContain("*1* going, *1* maybe");

    at("2026-03-10T09:00:00Z"); // one hour before
    await h.app.tick();
    expect(postsTo("U0BOB").at(-1)!.args.text).toMatch(/is in an hour/);

    // Every reminder went once: another tick sends nothing.
    const before = posts().length;
    await h.app.tick();
    expect(posts()).toHaveLength(before);
    expect(postsTo("U0BOB")).toHaveLength(3);
    expect(await h.db.outboxMessage.count({ where: { status: "pending" } })).toBe(0);
  });

  it("reminds under the meeting's current name, and only those still going", async () => {
    const meeting = await schedule({ reminders: ["1440"] });
    await answered(meeting.id);
    await h.db.meeting.update({ where: { id: meeting.id }, data: { title: "Show and tell (renamed)" } });
    await answer("U0CAROL", meeting.id, ACTION.rsvpNotGoing);
    h.slack.reset();
    at("2026-03-09T10:00:00Z");
    await h.app.tick();
    expect(postsTo("U0BOB")[0].args.text).toMatch(/Show and tell \(renamed\) is tomorrow/);
    expect(postsTo("U0CAROL")).toHaveLength(0);
  });

  it("replaces the pending reminders when the meeting is rescheduled, so none goes at the old time", async () => {
    const meeting = await schedule();
    await answered(meeting.id);
    await edit(meeting.id, { start: "2026-03-12T14:00" });
    h.slack.reset();
    at("2026-03-09T10:00:00Z"); // the old 1-day mark: only the new week's reminder, late, naming the new time
    await h.app.tick();
    expect(postsTo("U0BOB").map((c) => c.args.text)).toEqual([
      expect.stringMatching(/is in 3 days, on Thursday 12 March 2026, 2pm to 3pm UK time/),
    ]);
    expect(postsTo(channel)).toHaveLength(0);
    h.slack.reset();
    at("2026-03-11T14:00:00Z"); // the new 1-day mark
    await h.app.tick();
    expect(postsTo("U0BOB")[0].args.text).toMatch(/is tomorrow, on Thursday 12 March 2026, 2pm to 3pm UK time/);
    const skipped = await h.db.outboxMessage.findMany({ where: { status: "skipped" } });
    expect(skipped.map((r) => r.lastError)).toContain("the meeting changed");
  });

  it("removes the reminders when the meeting is cancelled", async () => {
    const meeting = await schedule();
    await answered(meeting.id);
    const reply = await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.cancelMeeting,
        privateMetadata: JSON.stringify({ meetingId: meeting.id }),
        values: { [CANCEL_MEETING_BLOCK.note]: input.text(null) },
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    h.slack.reset();
    for (const iso of ["2026-03-03T10:00:00Z", "2026-03-09T10:00:00Z", "2026-03-10T09:00:00Z"]) {
      at(iso);
      await h.app.tick();
    }
    expect(posts()).toHaveLength(0);
    expect(await h.db.outboxMessage.count({ where: { status: "pending" } })).toBe(0);
  });

  it("catches up after a six-hour outage: late reminders still useful are sent, those for a meeting that has started are skipped", async () => {
    const tomorrow = await schedule({ title: "Tomorrow's show and tell", reminders: ["1440"] });
    const morning = await schedule({ title: "Morning stand-up", start: "2026-03-09T11:00", reminders: ["60"] });
    await answered(tomorrow.id);
    await answer("U0BOB", morning.id, ACTION.rsvpGoing);
    h.slack.reset();
    // Down from 08:00 to 14:00 on 9 March: the 10:00 reminders were missed.
    at("2026-03-09T14:00:00Z");
    expect(((await (await fetch(`${h.url}/healthz`)).json()) as any).dispatcher.oldestDuePendingSeconds).toBe(4 * 3600);
    const report = await h.app.tick();
    expect(postsTo("U0BOB").map((c) => c.args.text)).toEqual([expect.stringMatching(/Tomorrow's show and tell is tomorrow/)]);
    expect(report.skipped).toBe(1);
    const skipped = await h.db.outboxMessage.findFirstOrThrow({ where: { subjectId: morning.id } });
    expect(skipped).toMatchObject({ status: "skipped", lastError: "the meeting has started" });
    expect(((await (await fetch(`${h.url}/healthz`)).json()) as any).dispatcher.oldestDuePendingSeconds).toBe(0);
  });

  it("sends one reminder, not three, when an outage swallowed them all", async () => {
    const meeting = await schedule();
    await answered(meeting.id);
    at("2026-03-10T09:30:00Z");
    await h.app.tick();
    expect(postsTo("U0BOB").map((c) => c.args.text)).toEqual([expect.stringMatching(/is in 30 minutes/)]);
  });
});

describe("delivery failures", () => {
  /** An hour's reminder, due now: one DM to Bob (no channel note). */
  async function dueReminder() {
    const meeting = await schedule({ reminders: ["60"] });
    await answer("U0BOB", meeting.id, ACTION.rsvpGoing);
    h.slack.reset();
    at("2026-03-10T09:00:00Z");
    return meeting;
  }

  it("honours Retry-After on a 429, without counting it as a failed attempt", async () => {
    await dueReminder();
    h.slack.rateLimit("chat.postMessage", 30);
    const first = await h.app.tick();
    expect(first.retried).toBe(1);
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "reminder_dm" } });
    expect(row).toMatchObject({ status: "pending", attempts: 0, availableAt: new Date("2026-03-10T09:00:30Z") });
    h.clock.advance(29_000);
    await h.app.tick();
    expect(await h.db.outboxMessage.count({ where: { kind: "reminder_dm", status: "sent" } })).toBe(0);
    h.clock.advance(1_000);
    await h.app.tick();
    expect(await h.db.outboxMessage.count({ where: { kind: "reminder_dm", status: "sent" } })).toBe(1);
    expect(postsTo("U0BOB").length).toBe(2); // the limited attempt and the one that went
  });

  it("backs off exponentially on transient errors and gives up after 5 attempts, keeping the error", async () => {
    await dueReminder();
    h.slack.script("chat.postMessage", { ok: false, error: "internal_error" }, 5);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await h.app.tick();
      const row = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "reminder_dm" } });
      expect(row.attempts).toBe(attempt);
      if (row.status === "failed") break;
      waits.push((row.availableAt.getTime() - h.clock.now().getTime()) / 1000);
      h.clock.set(row.availableAt);
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "reminder_dm" } });
    expect(row).toMatchObject({ status: "failed", lastError: "internal_error", attempts: 5 });
  });

  it("fails a permanent error at once and tells the organisers once", async () => {
    const meeting = await schedule({ reminders: ["1440"] });
    await answered(meeting.id);
    at("2026-03-09T10:00:00Z");
    h.slack.script(
      "chat.postMessage",
      (args) => (args.channel === channel ? { ok: false, error: "is_archived" } : { ok: true, ts: "1.1", channel: args.channel }),
      10,
    );
    await h.app.tick();
    const note = await h.db.outboxMessage.findFirstOrThrow({ where: { kind: "reminder_note" } });
    expect(note).toMatchObject({ status: "failed", lastError: "is_archived", attempts: 1 });
    const alerts = postsTo("U0ALICE").filter((c) => /could not deliver/.test(c.args.text));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].args.text).toMatch(/the channel is archived/);
    // A second message to the same archived channel fails too, but Alice hears once.
    const second = await schedule({ title: "Another one", start: "2026-03-10T15:00", reminders: ["1440"] });
    await answer("U0BOB", second.id, ACTION.rsvpGoing);
    at("2026-03-09T15:00:00Z");
    h.slack.script(
      "chat.postMessage",
      (args) => (args.channel === channel ? { ok: false, error: "is_archived" } : { ok: true, ts: "1.2", channel: args.channel }),
      10,
    );
    await h.app.tick();
    expect(postsTo("U0ALICE").filter((c) => /could not deliver/.test(c.args.text))).toHaveLength(1);
  });

  it("reclaims rows whose claimer died once the lease has run out, and leaves live claims alone", async () => {
    const base = {
      kind: "organiser_alert",
      communityId,
      subjectId: communityId,
      dueAt: new Date("2026-03-02T09:00:00Z"),
      availableAt: new Date("2026-03-02T09:00:00Z"),
    };
    await h.db.outboxMessage.create({
      data: {
        ...base,
        target: "U0ALICE",
        payload: JSON.stringify({ text: "from a dead replica" }),
        dedupeKey: "dead",
        claimedBy: "dead-replica",
        claimExpiresAt: new Date("2026-03-02T09:59:00Z"),
      },
    });
    await h.db.outboxMessage.create({
      data: {
        ...base,
        target: "U0BOB",
        payload: JSON.stringify({ text: "held by a live replica" }),
        dedupeKey: "live",
        claimedBy: "live-replica",
        claimExpiresAt: new Date("2026-03-02T10:05:00Z"),
      },
    });
    await h.app.tick();
    expect(posts().map((c) => c.args.text)).toEqual(["from a dead replica"]);
    expect(await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "live" } })).toMatchObject({
      status: "pending",
      claimedBy: "live-replica",
    });
  });
});

describe("the run coordinator", () => {
  it("lets exactly one of several replicas run a fire", async () => {
    // biome-ignore lint/complexity/useLiteralKeys: the test reaches the coordinator's private store on purpose; tsc allows that only with brackets.
    const replicas = ["a", "b", "c"].map((owner) => new DatabaseRunCoordinator(h.app.runCoordinator["runs"], owner, h.clock));
    const key = "scheduler-tick:2026-03-02T10:01:00.000Z";
    const results = await Promise.all(replicas.map((r) => r.shouldRun(key)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await replicas[0].shouldRun("scheduler-tick:2026-03-02T10:02:00.000Z")).toBe(true);
  });
});
