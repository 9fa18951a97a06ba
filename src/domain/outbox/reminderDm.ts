// One person's reminder of a meeting, by DM: planned by a due meetingReminder
// for each person going or maybe. Deduped by the reminder and the person.
import { outboxKind } from "./kind";
import { reminderPayload } from "./meetingReminder";

export const reminderDm = outboxKind({ name: "reminder_dm", about: "meeting", payload: reminderPayload });
