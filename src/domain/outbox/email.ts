// One email, written when it was planned (services.mail.plan, src/domain/mail/mail.ts)
// and sent as written by the email dispatcher (src/scheduler/mail/). Its target is
// the address's person id ("mail:" and a hash), so the address is in the payload
// only. At send time it is skipped if the address has refused mail since, if the
// member has turned this kind of email off since (`consent`), or if the community
// is archived or deleted.
import { z } from "zod";
import { outboxKind } from "./kind";

/** The email settings a kind of email needs switched on (Membership.emailMeetings…). */
export const EMAIL_CONSENTS = ["meetings", "reminders", "digests"] as const;
export type EmailConsent = (typeof EMAIL_CONSENTS)[number];

/** What an email is, for logs and metrics: it changes nothing in how it is sent. */
export const EMAIL_PURPOSES = ["invitation", "meeting", "reminder", "digest", "notice"] as const;
export type EmailPurpose = (typeof EMAIL_PURPOSES)[number];

export const emailPayload = z.object({
  /** The address, normalised (trimmed, lower case). */
  to: z.string().min(3),
  purpose: z.enum(EMAIL_PURPOSES),
  consent: z.enum(EMAIL_CONSENTS).optional(),
  subject: z.string().min(1).max(998),
  text: z.string(),
  html: z.string().optional(),
  notifyMarkdown: z.string().optional(),
  replyTo: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  calendar: z.object({ method: z.enum(["REQUEST", "CANCEL"]), ics: z.string().min(1) }).optional(),
});
export type EmailPayload = z.infer<typeof emailPayload>;

export const email = outboxKind({ name: "email", about: "community", channel: "email", payload: emailPayload });
