// Every kind of message the bot sends later, through the outbox. Each kind's
// payload and what its rows are about are in the file of its name here; what
// it becomes when due (the Slack message) is in the file of the same name in
// src/scheduler/kinds/, or for an email kind in src/scheduler/mail/.

import { actionReminder } from "./actionReminder";
import { digest } from "./digest";
import { digestDm } from "./digestDm";
import { email } from "./email";
import { emailAlert } from "./emailAlert";
import { invitationDm } from "./invitationDm";
import { invitationExpiry } from "./invitationExpiry";
import { invitationReminder } from "./invitationReminder";
import type { OutboxSubject } from "./kind";
import { meetingEmail } from "./meetingEmail";
import { meetingReminder } from "./meetingReminder";
import { onboardingDm } from "./onboardingDm";
import { organiserAlert } from "./organiserAlert";
import { reminderDm } from "./reminderDm";
import { reminderNote } from "./reminderNote";
import { roundAsk } from "./roundAsk";
import { roundPost } from "./roundPost";
import { roundQuestion } from "./roundQuestion";
import { roundReminder } from "./roundReminder";

export {
  actionReminder,
  digest,
  digestDm,
  email,
  emailAlert,
  invitationDm,
  invitationExpiry,
  invitationReminder,
  meetingEmail,
  meetingReminder,
  onboardingDm,
  organiserAlert,
  reminderDm,
  reminderNote,
  roundAsk,
  roundPost,
  roundQuestion,
  roundReminder,
};

export const OUTBOX_KINDS = [
  meetingReminder,
  reminderDm,
  reminderNote,
  digest,
  digestDm,
  onboardingDm,
  invitationDm,
  invitationReminder,
  invitationExpiry,
  organiserAlert,
  emailAlert,
  actionReminder,
  meetingEmail,
  roundAsk,
  roundReminder,
  roundQuestion,
  roundPost,
] as const;

export type OutboxKindName = (typeof OUTBOX_KINDS)[number]["name"];

/** The kinds the email dispatcher sends (channel "email"). */
export const EMAIL_KINDS = [email] as const;

export type EmailKindName = (typeof EMAIL_KINDS)[number]["name"];

/** The Slack kinds whose rows name a subject of this sort: for example all of a meeting's reminders, to replan them together. */
export function kindsAbout(subject: OutboxSubject): OutboxKindName[] {
  return OUTBOX_KINDS.filter((kind) => kind.about === subject).map((kind) => kind.name);
}
