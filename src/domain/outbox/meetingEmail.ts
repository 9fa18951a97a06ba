// A meeting's emails at one SEQUENCE: planned whenever the meeting is scheduled,
// changed or cancelled (or a series makes its next occurrence), in a community
// with members who have an address. It sends nothing itself: when due it becomes
// one email for each member who gets meeting emails (an invitation, or an update
// to those sent an earlier one), or after a cancellation, one CANCEL for each
// address that was sent the invitation. Deduped by meeting and SEQUENCE (and for
// one member catching up, by the member too).
import { z } from "zod";
import { outboxKind } from "./kind";

export const meetingEmailPayload = z.object({
  /** The meeting's SEQUENCE it was planned for: if the meeting has changed since, a later row carries the change. */
  sequence: z.number().int().min(0),
  /** Only this member (a person id): they joined, or turned meeting emails on, after the meeting's emails went. */
  for: z.string().min(1).max(80).optional(),
});
export type MeetingEmailPayload = z.infer<typeof meetingEmailPayload>;

export const meetingEmail = outboxKind({ name: "meeting_email", about: "meeting", payload: meetingEmailPayload });
