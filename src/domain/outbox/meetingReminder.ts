// A meeting's reminder at one offset before it starts (for example a day).
// It sends nothing itself: when due it becomes one reminderDm for each person
// then going or maybe, and at the 1-day mark a reminderNote in the channel.
// Deduped by meeting, offset and start time, so a moved meeting is reminded
// at its new time and never at its old one.
import { z } from "zod";
import { outboxKind } from "./kind";

export const reminderPayload = z.object({
  /** Minutes before the start. */
  offset: z.number().int().positive(),
  /** The start the reminder was planned for: if the meeting has moved since, it is not sent. */
  startsAt: z.iso.datetime(),
});
export type ReminderPayload = z.infer<typeof reminderPayload>;

export const meetingReminder = outboxKind({ name: "meeting_reminder", about: "meeting", payload: reminderPayload });
