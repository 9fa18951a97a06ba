// The note in the community's channel a day before a meeting.
import * as kinds from "../../domain/outbox";
import { reminderNote as reminderNoteMessage } from "../../views/reminders";
import { dueKind } from "./kind";
import { remindedMeeting } from "./meetingReminder";

export const reminderNote = dueKind(kinds.reminderNote, {
  alertOrganisersAs: "a meeting reminder",
  async build(row, services) {
    const meeting = await remindedMeeting(row, services);
    if ("skip" in meeting) return { kind: "skip", reason: meeting.skip };
    const card = await services.meetings.card(meeting.id);
    return { kind: "send", message: reminderNoteMessage(card, services.calendarLinks.url(meeting.id)) };
  },
});
