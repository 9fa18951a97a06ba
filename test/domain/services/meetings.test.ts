// MeetingService on a real SQLite store with a manual clock: scheduling plans the
// reminders, answers are counted, and time decides what may still be answered. No
// modal, no Slack (test/flows/meetings.test.ts and reminders.test.ts are the journeys).
import { DateTime } from "luxon";
import { AppError } from "../../../src/domain/common/errors";
import { checkMeetingDraft } from "../../../src/domain/meetings/meetingDraft";
import { TEAM_ID } from "../../support/harness";
import { seedCommunity, seedMember } from "../../support/seed";
import { openServices, type ServiceWorld } from "../../support/services";

const HOUR = 60 * 60 * 1000;

let w: ServiceWorld;
let community: Awaited<ReturnType<ServiceWorld["services"]["communities"]["byId"]>>;
beforeEach(async () => {
  w = await openServices(); // Monday 2 March 2026, 10:00Z
  community = await w.services.communities.byId((await seedCommunity(w, "U0ALICE")).id);
  await seedMember(w, "U0BOB", community.id);
});
afterEach(async () => {
  await w.close();
});

/** A one-off meeting on Tuesday 10 March at 10:00 London time, reminded a day and an hour before. */
async function schedule(by = "U0ALICE") {
  const draft = checkMeetingDraft(
    {
      title: "Show and tell",
      videoLink: "https://teams.example.gov.uk/meet/123",
      start: String(DateTime.fromISO("2026-03-10T10:00", { zone: "Europe/London" }).toSeconds()),
      duration: "60",
      recurrence: "none",
      reminders: ["1440", "60"],
    },
    { zone: community.timezone, pickerZone: "Europe/London", now: w.clock.now() },
  );
  const { meetings } = await w.services.meetings.schedule(community, by, draft, null);
  return meetings[0];
}

describe("MeetingService", () => {
  it("schedules a meeting and plans one reminder for each offset, due that long before it", async () => {
    const meeting = await schedule();
    expect(meeting.startsAt).toEqual(new Date("2026-03-10T10:00:00Z"));
    const reminders = await w.db.outboxMessage.findMany({
      where: { subjectId: meeting.id, kind: "meeting_reminder" },
      orderBy: { dueAt: "asc" },
    });
    expect(reminders.map((r) => r.dueAt)).toEqual([new Date("2026-03-09T10:00:00Z"), new Date("2026-03-10T09:00:00Z")]);
  });

  it("lets only organisers schedule unless the community lets members", async () => {
    await expect(schedule("U0BOB")).rejects.toMatchObject({ code: "forbidden" });
    expect(await w.db.meeting.count()).toBe(0);
  });

  it("counts answers, and answering again replaces the answer", async () => {
    const meeting = await schedule();
    await w.services.meetings.answer({ teamId: TEAM_ID }, meeting.id, "U0BOB", "going");
    await w.services.meetings.answer({ teamId: TEAM_ID }, meeting.id, "U0CAROL", "maybe");
    const card = await w.services.meetings.answer({ teamId: TEAM_ID }, meeting.id, "U0BOB", "not_going");
    expect(card.tally).toMatchObject({ going: 0, maybe: 1, notGoing: 1 });
  });

  it("takes answers until the meeting has ended, by the clock", async () => {
    const meeting = await schedule();
    w.clock.set(new Date(meeting.startsAt.getTime() + 30 * 60_000)); // under way
    await w.services.meetings.answer({ teamId: TEAM_ID }, meeting.id, "U0BOB", "going");
    w.clock.set(new Date(meeting.startsAt.getTime() + HOUR + 1)); // over
    await expect(w.services.meetings.answer({ teamId: TEAM_ID }, meeting.id, "U0BOB", "maybe")).rejects.toBeInstanceOf(AppError);
  });

  it("does not let another workspace answer or even find the meeting", async () => {
    const meeting = await schedule();
    await expect(w.services.meetings.answer({ teamId: "T0OTHER" }, meeting.id, "U0BOB", "going")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await w.db.meetingRsvp.count()).toBe(0);
  });
});
