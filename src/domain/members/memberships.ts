// Joining and leaving a community.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import type { CommunityDirectory } from "../communities/directory";
import { closeInvitation } from "../invitations/closeInvitation";
import { planMeetingEmailsFor } from "../meetings/reminders";
import type {
  CommunityRecord,
  EmailChoices,
  EmailContact,
  InvitationRecord,
  MembershipRecord,
  ObjectiveSummary,
  Store,
  WorkspaceKey,
} from "../ports";
import { organiserIds } from "./organisers";
import { checkProfile, type ProfileInput } from "./profiles";

export interface HomeEntry {
  community: CommunityRecord;
  membership: MembershipRecord;
  memberCount: number;
  objectives: ObjectiveSummary[];
}

export class MembershipService {
  constructor(private readonly deps: { store: Store; clock: Clock; directory: CommunityDirectory }) {}

  /**
   * Someone an organiser removed does not come back by themselves: only an
   * organiser's invitation brings them back (`readmitted`).
   */
  async requireNotRemoved(community: CommunityRecord, slackUserId: string): Promise<void> {
    const membership = await this.deps.store.memberships.find(community.id, slackUserId);
    if (membership?.status !== "removed") return;
    throw new AppError("forbidden", {
      key: "member.removed",
      community: community.name,
      organiserIds: await this.organisers(community.id),
    });
  }

  /**
   * Checks the profile and makes the person an active member. A pending
   * invitation of theirs is accepted by joining (however they joined), so it is
   * neither reminded nor expired later; it is returned, so its inviter can be told.
   */
  async join(
    community: CommunityRecord,
    slackUserId: string,
    input: ProfileInput,
    options: { readmitted?: boolean; contact?: EmailContact } = {},
  ): Promise<{ membership: MembershipRecord; rejoined: boolean; alreadyMember: boolean; invitation: InvitationRecord | null }> {
    const errors: FieldErrors = {};
    const profile = checkProfile(input, errors);
    if (!profile) throw new ValidationError(errors);
    if (!options.readmitted) await this.requireNotRemoved(community, slackUserId);
    const now = this.deps.clock.now();
    const { membership, before } = await this.deps.store.memberships.join(community.id, slackUserId, profile, now, options.contact);
    const alreadyMember = before === "active";
    // Whether they left or an organiser removed them, coming back is a rejoin.
    const rejoined = before === "left" || before === "removed";
    this.deps.directory.invalidate(community.workspaceId, slackUserId);
    const action = alreadyMember ? "member.profile_updated" : rejoined ? "member.rejoined" : "member.joined";
    await recordAudit(this.deps.store, community, slackUserId, action, now, { ...profile });
    const invitation = alreadyMember ? null : await this.acceptPendingInvitation(community, slackUserId, now);
    // A member by email hears of the meetings already planned, not only of those planned from now on.
    if (!alreadyMember && membership.email && membership.emailMeetings)
      await planMeetingEmailsFor(this.deps.store, community.id, slackUserId, now);
    return { membership, rejoined, alreadyMember, invitation };
  }

  private async acceptPendingInvitation(community: CommunityRecord, slackUserId: string, now: Date): Promise<InvitationRecord | null> {
    const { store } = this.deps;
    const invitation = await store.invitations.pendingFor(community.id, slackUserId);
    if (!invitation) return null;
    const closed = await closeInvitation(store, invitation, community, { to: "accepted", actorId: slackUserId, now, byJoining: true });
    return closed ? invitation : null;
  }

  /** A member's email settings page: their membership, if they are (or were) a member. */
  async emailSettings(communityId: string, slackUserId: string): Promise<{ community: CommunityRecord; membership: MembershipRecord }> {
    const [community, membership] = await Promise.all([
      this.deps.store.communities.findById(communityId),
      this.deps.store.memberships.find(communityId, slackUserId),
    ]);
    if (!community || !membership) throw new AppError("not_found", { key: "member.not_found_for_email" });
    return { community, membership };
  }

  /** Sets which emails a member gets; all off is one-click unsubscribe (RFC 8058). */
  async setEmailChoices(communityId: string, slackUserId: string, choices: EmailChoices): Promise<MembershipRecord> {
    const { community, membership: before } = await this.emailSettings(communityId, slackUserId);
    const membership = await this.deps.store.memberships.setEmailChoices(communityId, slackUserId, choices);
    if (!membership) throw new AppError("not_found", { key: "member.not_found_for_email" });
    // Meeting emails back on: the coming meetings' invitations (each of which they may have had already).
    if (!before.emailMeetings && membership.emailMeetings && membership.status === "active" && membership.email)
      await planMeetingEmailsFor(this.deps.store, communityId, slackUserId, this.deps.clock.now());
    await recordAudit(this.deps.store, community, slackUserId, "member.email_choices", this.deps.clock.now(), { ...choices });
    return membership;
  }

  async leave(community: CommunityRecord, slackUserId: string): Promise<void> {
    const now = this.deps.clock.now();
    const outcome = await this.deps.store.memberships.leave(community.id, slackUserId, now);
    if (outcome === "left") this.deps.directory.invalidate(community.workspaceId, slackUserId);
    if (outcome === "not_member") {
      throw new AppError("not_member", { key: "member.not_in_to_leave", community: community.name });
    }
    if (outcome === "last_organiser") {
      throw new AppError("last_organiser", { key: "member.last_organiser_leave", community: community.name });
    }
    await recordAudit(this.deps.store, community, slackUserId, "member.left", now);
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
    const objectives = await this.deps.store.problems.objectives(entries.map((e) => e.community.id));
    return entries.map((e) => ({ ...e, objectives: objectives.filter((o) => o.communityId === e.community.id) }));
  }
}
