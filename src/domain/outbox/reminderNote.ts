// The note in a community's channel that a meeting is a day away: planned by
// the 1-day meetingReminder. Deduped by the reminder.
import { outboxKind } from "./kind";
import { reminderPayload } from "./meetingReminder";

export const reminderNote = outboxKind({ name: "reminder_note", about: "meeting", payload: reminderPayload });
