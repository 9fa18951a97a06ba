// What a new invitation plans and keeps beyond its row: the outbox rows that
// deliver, remind and expire it, and, for someone invited by email, the contact
// details their membership will carry.
import type { FieldErrors } from "../common/reasons";
import { normaliseName } from "../common/text";
import { isEmailPerson, normaliseEmail } from "../members/people";
import { invitationDm } from "../outbox/invitationDm";
import { invitationExpiry } from "../outbox/invitationExpiry";
import { invitationReminder } from "../outbox/invitationReminder";
import type { OutboxKind } from "../outbox/kind";
import type { EmailContact, InvitationRecord, NewOutboxRow } from "../ports";

const DAY_MS = 24 * 60 * 60 * 1000;
export const INVITATION_REMINDER_AFTER_MS = 7 * DAY_MS;
export const INVITATION_EXPIRES_AFTER_MS = 30 * DAY_MS;
/** When the invitation DM's safety net is due: long enough that the form's own sending is over; short enough that nobody waits long. */
export const INVITATION_DELIVERY_RETRY_MS = 10 * 60 * 1000;

/** The longest name a member by email can give: it is shown in lists and messages. */
export const DISPLAY_NAME_MAX = 80;

/** A member by email's address (from their invitation) and the name they gave, or a field error. Null for a Slack member. */
export function emailContact(invitation: InvitationRecord, name: string | null | undefined, errors: FieldErrors): EmailContact | null {
  if (!isEmailPerson(invitation.inviteeId) || !invitation.email) return null;
  const displayName = normaliseName(name ?? "");
  if (!displayName) errors.displayName = { key: "invitation.name_missing" };
  else if (displayName.length > DISPLAY_NAME_MAX) errors.displayName = { key: "invitation.name_too_long", max: DISPLAY_NAME_MAX };
  return errors.displayName ? null : { email: normaliseEmail(invitation.email), displayName };
}

/** The safety-net DM and the reminder (to the invitee), and the expiry (told to the inviter), of a new invitation. */
export function invitationRows(invitation: InvitationRecord): NewOutboxRow[] {
  const row = (kind: OutboxKind<string, Record<string, never>>, target: string, afterMs: number, key: string): NewOutboxRow =>
    kind.row({
      target,
      communityId: invitation.communityId,
      subjectId: invitation.id,
      payload: {},
      dueAt: new Date(invitation.createdAt.getTime() + afterMs),
      dedupeKey: `invitation:${invitation.id}:${key}`,
    });
  const expiry = row(invitationExpiry, invitation.inviterId, INVITATION_EXPIRES_AFTER_MS, "expiry");
  // Someone invited by email has no Slack DM to send or remind: their link reaches them by email.
  if (isEmailPerson(invitation.inviteeId)) return [expiry];
  return [
    row(invitationDm, invitation.inviteeId, INVITATION_DELIVERY_RETRY_MS, "dm"),
    row(invitationReminder, invitation.inviteeId, INVITATION_REMINDER_AFTER_MS, "reminder"),
    expiry,
  ];
}
