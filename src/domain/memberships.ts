// Joining and leaving a community.
import type { Clock } from "./clock";
import type { CommunityDirectory } from "./directory";
import { AppError, ValidationError } from "./errors";
import type { CommunityRecord, MembershipRecord, ObjectiveSummary, Store, WorkspaceKey } from "./ports";
import { organiserIds } from "./organisers";
import { checkProfile, type ProfileInput } from "./profiles";
import { esc } from "./text";

export interface HomeEntry {
  community: CommunityRecord;
  membership: MembershipRecord;
  memberCount: number;
  objectives: ObjectiveSummary[];
}

export class MembershipService {
  constructor(private readonly deps: { store: Store; clock: Clock; directory: CommunityDirectory }) {}

  /** Checks the profile and makes the person an active member. */
  async join(
    community: CommunityRecord,
    slackUserId: string,
    input: ProfileInput,
  ): Promise<{ membership: MembershipRecord; rejoined: boolean; alreadyMember: boolean }> {
    const errors: Record<string, string> = {};
    const profile = checkProfile(input, errors);
    if (!profile) throw new ValidationError(errors);
    const now = this.deps.clock.now();
    const { membership, before } = await this.deps.store.memberships.join(community.id, slackUserId, profile, now);
    const alreadyMember = before === "active";
    // Whether they left or an organiser removed them, coming back is a rejoin.
    const rejoined = before === "left" || before === "removed";
    this.deps.directory.invalidate(community.workspaceId, slackUserId);
    await this.deps.store.audit.record({
      workspaceId: community.workspaceId,
      communityId: community.id,
      actorId: slackUserId,
      action: alreadyMember ? "member.profile_updated" : rejoined ? "member.rejoined" : "member.joined",
      detail: { ...profile },
      at: now,
    });
    return { membership, rejoined, alreadyMember };
  }

  async leave(community: CommunityRecord, slackUserId: string): Promise<void> {
    const now = this.deps.clock.now();
    const outcome = await this.deps.store.memberships.leave(community.id, slackUserId, now);
    if (outcome === "left") this.deps.directory.invalidate(community.workspaceId, slackUserId);
    if (outcome === "not_member") {
      throw new AppError("not_member", `You are not a member of *${esc(community.name)}*, so there is nothing to leave.`);
    }
    if (outcome === "last_organiser") {
      throw new AppError(
        "last_organiser",
        `You are the last organiser of *${esc(community.name)}*, so you cannot leave yet: a community needs at least one organiser. ` +
          "Once another member has been made an organiser, you can leave.",
      );
    }
    await this.deps.store.audit.record({
      workspaceId: community.workspaceId,
      communityId: community.id,
      actorId: slackUserId,
      action: "member.left",
      at: now,
    });
  }

  /** A community's active organisers' user ids. */
  organisers(communityId: string): Promise<string[]> {
    return organiserIds(this.deps.store, communityId);
  }

  membership(communityId: string, slackUserId: string): Promise<MembershipRecord | null> {
    return this.deps.store.memberships.find(communityId, slackUserId);
  }

  /** The user's communities, for App Home. */
  async home(workspace: WorkspaceKey, slackUserId: string): Promise<HomeEntry[]> {
    const workspaceId = await this.deps.store.communities.findWorkspaceId(workspace);
    if (!workspaceId) return [];
    const entries = await this.deps.store.memberships.ofUser(workspaceId, slackUserId);
    // One query for every community's objectives, not one a community.
    const objectives = await this.deps.store.communities.objectives(entries.map((e) => e.community.id));
    return entries.map((e) => ({ ...e, objectives: objectives.filter((o) => o.communityId === e.community.id) }));
  }
}
