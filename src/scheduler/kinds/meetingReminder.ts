// A due meeting reminder becomes one DM for each person going or maybe then,
// and at the 1-day mark a note in the channel (reminderDm.ts, reminderNote.ts).

import { announcementChannel } from "../../domain/meetings/meetingCards";
import { reminderDeliveries, reminderObsolete } from "../../domain/meetings/reminders";
import * as kinds from "../../domain/outbox";
import type { ReminderPayload } from "../../domain/outbox/meetingReminder";
import type { MeetingRecord } from "../../domain/ports";
import { type DueRow, dueKind, type KindServices } from "./kind";

/** The meeting a reminder is for, or why the reminder should not go now. */
export async function remindedMeeting(
  row: DueRow<ReminderPayload>,
  { meetings, clock }: KindServices,
): Promise<MeetingRecord | { skip: string }> {
  const meeting = row.subjectId ? await meetings.find(row.subjectId) : null;
  const obsolete = reminderObsolete(meeting, row.payload, clock.now());
  if (obsolete || !meeting) return { skip: obsolete ?? "the meeting no longer exists" };
  return meeting;
}

export const meetingReminder = dueKind(kinds.meetingReminder, {
  // It sends nothing itself: the rows it becomes alert if Slack refuses them.
  alertOrganisersAs: null,
  async build(row, services) {
    const meeting = await remindedMeeting(row, services);
    if ("skip" in meeting) return { kind: "skip", reason: meeting.skip };
    const card = await services.meetings.card(meeting.id);
    const recipients = await services.meetings.goingOrMaybe(meeting.id);
    return {
      kind: "expand",
      rows: reminderDeliveries(meeting, row.payload, recipients, announcementChannel(card), services.clock.now()),
    };
  },
});
