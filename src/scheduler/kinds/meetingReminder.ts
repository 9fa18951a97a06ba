// A due meeting reminder becomes one DM for each person going or maybe then
// who gets reminders in Slack, at the 1-day mark a note in the channel
// (reminderDm.ts, reminderNote.ts), and one email for each member with an
// address who gets reminders by email and has not said they cannot go (written
// now, sent by the email dispatcher).

import { announcementChannel } from "../../domain/meetings/meetingCards";
import { reminderDeliveries, reminderObsolete } from "../../domain/meetings/reminders";
import * as kinds from "../../domain/outbox";
import type { ReminderPayload } from "../../domain/outbox/meetingReminder";
import type { MeetingRecord } from "../../domain/ports";
import { reminderEmailToSend } from "../../views/email/meetingMail";
import { type DueRow, dueKind, type KindServices } from "./kind";
import { meetingEmailLinks } from "./meetingEmail";

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
    // Those who chose reminders by email only get no DM (their email is below).
    const recipients = await services.messageChoices.slackRecipients(
      meeting.communityId,
      await services.meetings.goingOrMaybe(meeting.id),
      "reminders",
    );
    const now = services.clock.now();
    const byEmail = await services.meetingMail.reminded(meeting);
    const emails = byEmail.map((recipient) =>
      reminderEmailToSend(card, recipient, row.payload, { links: meetingEmailLinks(services, meeting, recipient), now }),
    );
    return {
      kind: "expand",
      rows: [
        ...reminderDeliveries(meeting, row.payload, recipients, announcementChannel(card), now),
        ...(await services.mail.rows(emails)),
      ],
    };
  },
});
