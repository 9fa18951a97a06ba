// Who organises a community: the one rule every organiser-only action checks.
import { AppError } from "../common/errors";
import type { OrganiserAction } from "../common/reasons";
import type { CommunityRecord, MembershipRecord, Store } from "../ports";

export function isOrganiser(membership: MembershipRecord | null): boolean {
  return membership?.status === "active" && membership.role === "organiser";
}

/** The community's organisers only; anyone else gets a coded refusal naming the action. */
export async function requireOrganiser(store: Store, community: CommunityRecord, actorId: string, doing: OrganiserAction): Promise<void> {
  if (!isOrganiser(await store.memberships.find(community.id, actorId))) throw organisersOnly(community, doing);
}

/** The refusal requireOrganiser throws, for when a store finds the actor is no longer an organiser. */
export function organisersOnly(community: CommunityRecord, doing: OrganiserAction): AppError {
  return new AppError("forbidden", { key: "organisers.only", community: community.name, action: doing });
}

/** A community's active organisers' user ids. */
export async function organiserIds(store: Store, communityId: string): Promise<string[]> {
  const members = await store.memberships.activeMembers(communityId);
  return members.filter((m) => m.role === "organiser").map((m) => m.slackUserId);
}
