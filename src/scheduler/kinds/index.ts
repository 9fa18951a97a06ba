// What the bot sends later: every outbox kind, and what its row becomes when it
// falls due. Each kind's payload schema is the file of the same name in
// src/domain/outbox/; its builder and how delivery treats it (organisers
// alerted if Slack refuses it, how late it may go) are in the file here.
// Every message is built from the data as it is at send time.
import type { OutboxKindName } from "../../domain/outbox";
import type { NewOutboxRow, OutboxRow } from "../../domain/ports";
import type { Outcome } from "../dispatcher";
import { actionReminder } from "./actionReminder";
import { digest } from "./digest";
import { digestDm } from "./digestDm";
import { emailAlert } from "./emailAlert";
import { invitationDm } from "./invitationDm";
import { invitationExpiry } from "./invitationExpiry";
import { invitationReminder } from "./invitationReminder";
import type { DueKind, KindServices } from "./kind";
import { meetingEmail } from "./meetingEmail";
import { meetingReminder } from "./meetingReminder";
import { onboardingDm } from "./onboardingDm";
import { organiserAlert, organiserAlerts } from "./organiserAlert";
import { reminderDm } from "./reminderDm";
import { reminderNote } from "./reminderNote";
import { roundAsk } from "./roundAsk";
import { roundPost } from "./roundPost";
import { roundQuestion } from "./roundQuestion";
import { roundReminder } from "./roundReminder";

/** Keyed by kind name, so a kind the domain plans but nothing builds does not compile. */
export const DUE_KINDS: Record<OutboxKindName, DueKind> = {
  meeting_reminder: meetingReminder,
  reminder_dm: reminderDm,
  reminder_note: reminderNote,
  digest,
  digest_dm: digestDm,
  onboarding_dm: onboardingDm,
  invitation_dm: invitationDm,
  invitation_reminder: invitationReminder,
  invitation_expiry: invitationExpiry,
  organiser_alert: organiserAlert,
  email_alert: emailAlert,
  action_reminder: actionReminder,
  meeting_email: meetingEmail,
  round_ask: roundAsk,
  round_reminder: roundReminder,
  round_question: roundQuestion,
  round_post: roundPost,
};

const BY_NAME = new Map<string, DueKind>(Object.values(DUE_KINDS).map((kind) => [kind.name, kind]));

/** The dispatcher's view of the kinds: what a due row becomes, and who hears when Slack refuses it. */
export class OutboxMessages {
  constructor(private readonly services: KindServices) {}

  async build(row: OutboxRow): Promise<Outcome> {
    const kind = BY_NAME.get(row.kind);
    if (!kind) return { kind: "skip", reason: `unknown kind ${row.kind}` };
    // One check for every kind: an archived community sends nothing (its rows due
    // meanwhile are skipped; later ones go once it is unarchived), a deleted one never again.
    if (row.communityId) {
      const standing = await this.services.lifecycle.standing(row.communityId);
      if (standing !== "active") return { kind: "skip", reason: `the community is ${standing}` };
    }
    return kind.build(row, this.services);
  }

  /** The organisers' alerts for a row Slack refused for good, if its kind is theirs to mend. */
  async alertFor(row: OutboxRow, code: string): Promise<NewOutboxRow[]> {
    const what = BY_NAME.get(row.kind)?.alertOrganisersAs;
    if (!what || !row.communityId) return [];
    return organiserAlerts({ ...row, communityId: row.communityId }, code, what, this.services);
  }
}
