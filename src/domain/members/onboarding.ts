// The onboarding DM: someone who joins a community's channel without being a
// member is sent its charter and a Join button, through the outbox. The
// dedupe key is per community and person, so however often they leave and
// rejoin the channel they are welcomed once.
import type { Clock } from "../common/clock";
import { onboardingDm, onboardingKey } from "../outbox/onboardingDm";
import type { CommunityRecord, MembershipRecord, NewOutboxRow, Store } from "../ports";

/** The outbox row that welcomes a person to a community, due at once. */
export function onboardingRow(community: CommunityRecord, slackUserId: string, now: Date): NewOutboxRow {
  return onboardingDm.row({
    target: slackUserId,
    communityId: community.id,
    subjectId: community.id,
    payload: {},
    dueAt: now,
    dedupeKey: onboardingKey(community.id, slackUserId),
  });
}

/** Why the welcome should not go now (checked again when it falls due), or null if it should. */
export function onboardingObsolete(community: CommunityRecord | null, membership: MembershipRecord | null): string | null {
  if (!community || community.archivedAt) return "the community no longer exists";
  if (membership?.status === "active") return "already a member";
  // Removed by an organiser: a Join button would invite them to undo it.
  if (membership?.status === "removed") return "removed by an organiser";
  return null;
}

export class OnboardingService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /**
   * Someone joined the community's channel: plans their welcome unless they are
   * already an active member. Returns whether a new welcome was planned (false
   * for a member, or for someone planned or welcomed before).
   */
  async channelJoined(community: CommunityRecord, slackUserId: string): Promise<boolean> {
    const { store, clock } = this.deps;
    const membership = await store.memberships.find(community.id, slackUserId);
    if (onboardingObsolete(community, membership)) return false;
    const now = clock.now();
    return (await store.outbox.plan([onboardingRow(community, slackUserId, now)], now)) > 0;
  }
}
