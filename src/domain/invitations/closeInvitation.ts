import { recordAudit } from "../common/audit";
import { kindsAbout } from "../outbox";
import type { CommunityRecord, InvitationRecord, Store } from "../ports";

/**
 * Closes a pending invitation with its invitee's answer: the one place that
 * does, whether they answered it (Accept, Decline) or joined another way,
 * which accepts it (`byJoining`). Conditional, so of two answers at once, or
 * an answer as it expires, exactly one wins and the other gets false. The
 * winner drops the invitation's reminder and expiry and records the answer.
 */
export async function closeInvitation(
  store: Store,
  invitation: InvitationRecord,
  community: CommunityRecord,
  answer: { to: "accepted" | "declined"; actorId: string; now: Date; byJoining?: boolean },
): Promise<boolean> {
  const { to, actorId, now, byJoining } = answer;
  if (!(await store.invitations.settle(invitation.id, to, now))) return false;
  await store.outbox.skipPending(invitation.id, kindsAbout("invitation"), byJoining ? "they joined" : `the invitation was ${to}`, now);
  await recordAudit(store, community, actorId, `invitation.${to}`, now, {
    invitationId: invitation.id,
    inviterId: invitation.inviterId,
    ...(byJoining ? { byJoining: true } : {}),
  });
  return true;
}
