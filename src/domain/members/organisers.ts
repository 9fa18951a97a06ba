// Who organises a community: the one rule every organiser-only action checks.
import { AppError } from "../common/errors";
import type { CommunityRecord, MembershipRecord, Store } from "../ports";
import { esc } from "../common/text";

export function isOrganiser(membership: MembershipRecord | null): boolean {
  return membership?.status === "active" && membership.role === "organiser";
}

/** The community's organisers only; anyone else gets a coded refusal naming the action. */
export async function requireOrganiser(store: Store, community: CommunityRecord, actorId: string, doing: string): Promise<void> {
  if (!isOrganiser(await store.memberships.find(community.id, actorId))) throw organisersOnly(community, doing);
}

/** The refusal requireOrganiser throws, for when a store finds the actor is no longer an organiser. */
export function organisersOnly(community: CommunityRecord, doing: string): AppError {
  return new AppError("forbidden", `Only the organisers of *${esc(community.name)}* can ${doing}. Nothing was changed.`);
}

/** A community's active organisers' user ids. */
export async function organiserIds(store: Store, communityId: string): Promise<string[]> {
  const members = await store.memberships.activeMembers(communityId);
  return members.filter((m) => m.role === "organiser").map((m) => m.slackUserId);
}
