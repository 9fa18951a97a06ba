// An action's email to its owner by email, written from the action as it is
// now: the listener plans the first one when the outcome is recorded, and the
// action's reminder rows become the other two when they fall due. Shared so
// both read the owner's address and name the same way.
import type { CommunityService } from "../domain/communities/communities";
import type { PlannedEmail } from "../domain/mail/mail";
import type { MembershipService } from "../domain/members/memberships";
import type { ActionInContext } from "../domain/ports";
import { type ActionEmailKind, actionEmailToSend } from "../views/email/actionMail";

export interface ActionEmailNeeds {
  communities: Pick<CommunityService, "byId">;
  memberships: Pick<MembershipService, "membership">;
  pageLinks: {
    action(personId: string, action: { id: string; dueOn: string }, now: Date): string;
    memberEmailLinks(personId: string, communityId: string, now: Date): { settingsUrl: string; unsubscribeUrl: string };
  };
  clock: { now(): Date };
}

/** The email, or null when the owner has no address (they take part in Slack, or left). */
export async function plannedActionEmail(
  needs: ActionEmailNeeds,
  item: ActionInContext,
  kind: ActionEmailKind,
): Promise<PlannedEmail | null> {
  const { action } = item;
  const [owner, recorder, community] = await Promise.all([
    needs.memberships.membership(item.community.id, action.ownerId),
    needs.memberships.membership(item.community.id, action.createdBy),
    needs.communities.byId(item.community.id),
  ]);
  if (!owner?.email || owner.status !== "active") return null;
  const now = needs.clock.now();
  return actionEmailToSend({
    item,
    community,
    kind,
    address: owner.email,
    // A Slack member's name is not stored: the owner reads their role instead.
    recordedBy: recorder?.displayName ?? (recorder?.role === "organiser" ? "an organiser" : "a member"),
    actionUrl: needs.pageLinks.action(action.ownerId, action, now),
    links: needs.pageLinks.memberEmailLinks(action.ownerId, item.community.id, now),
  });
}
