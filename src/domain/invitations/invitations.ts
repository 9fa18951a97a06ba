// Invitations: a member invites people by Slack account or email address; each
// one found in Slack gets a DM with Accept and Decline. A reminder after 7 days
// and the expiry after 30 go through the outbox, so they survive restarts and
// run on one replica.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import type { Charter, CommunityService } from "../communities/communities";
import type { MembershipService } from "../members/memberships";
import { isOrganiser } from "../members/organisers";
import { isEmailPerson } from "../members/people";
import { checkProfile, organisationLabel, type ProfileInput, professionLabel } from "../members/profiles";
import { kindsAbout } from "../outbox";
import type { CommunityRecord, InvitationRecord, MembershipRecord, Store, WorkspaceKey } from "../ports";
import { closeInvitation } from "./closeInvitation";
import type { NamedProblem } from "./invitationDraft";
import { emailContact, INVITATION_EXPIRES_AFTER_MS, invitationRows } from "./invitationRows";

export {
  INVITATION_DELIVERY_RETRY_MS,
  INVITATION_EXPIRES_AFTER_MS,
  INVITATION_REMINDER_AFTER_MS,
} from "./invitationRows";

/** Problems the prefilled message and the reach-out post name. */
const PROBLEMS_NAMED = 3;

/** What became of each person on an invitation form. */
export type InviteOutcome =
  | { kind: "invited"; userId: string; email: string | null; invitation: InvitationRecord }
  | { kind: "already_member"; userId: string; email: string | null }
  | { kind: "already_invited"; userId: string; email: string | null }
  /** An organiser removed them: only an organiser can invite them back. */
  | { kind: "removed"; userId: string; email: string | null }
  | { kind: "self"; userId: string; email: string | null };

/** An invitation with what its DM shows: the community's charter and top problems. */
export interface InvitationCard {
  invitation: InvitationRecord;
  charter: Charter;
  topProblems: NamedProblem[];
  /** When it expires unless answered. */
  expiresAt: Date;
}

/** See InvitationService.draftContext. The writer's name is Slack's to give, so the edge adds it. */
export interface DraftContext {
  problems: NamedProblem[];
  proposal: boolean;
  writer: { organisation: string | null; role: string | null };
}

export class InvitationService {
  constructor(private readonly deps: { store: Store; clock: Clock; communities: CommunityService; memberships: MembershipService }) {}

  private get store() {
    return this.deps.store;
  }

  /** Only members invite: they can speak for the community. Returns the inviter's membership. */
  async requireInviter(community: CommunityRecord, slackUserId: string): Promise<MembershipRecord> {
    const membership = await this.store.memberships.find(community.id, slackUserId);
    if (membership?.status !== "active") {
      throw new AppError("forbidden", { key: "invitation.members_only", community: community.name });
    }
    return membership;
  }

  /** Whether this form (its view id) was already sent: a double-clicked submit. */
  async alreadySent(requestId: string): Promise<boolean> {
    return (await this.store.invitations.byRequestId(requestId)).length > 0;
  }

  /**
   * Claims a submitted invitation form (`requestId`, its view id) for sending:
   * true for one submission only. A double click sends the same form twice at
   * once, perhaps to two replicas. Which one sends and reports is settled by
   * one unique write before either invites anybody; deciding it afterwards,
   * from which invitations each happened to write, let both report when their
   * inserts interleaved.
   */
  async claimRequest(requestId: string): Promise<boolean> {
    if (!(await this.store.runs.tryStart(`invitations:${requestId}`, "invitation form", this.deps.clock.now()))) return false;
    // Claims are forgotten after a while (with the scheduler's fires); the invitations themselves are not.
    return !(await this.alreadySent(requestId));
  }

  /** The communities a person can invite people to, by name. */
  async invitable(workspace: WorkspaceKey, slackUserId: string): Promise<CommunityRecord[]> {
    const workspaceId = await this.deps.communities.workspaceId(workspace);
    const entries = await this.store.memberships.ofUser(workspaceId, slackUserId);
    return entries.map((e) => e.community);
  }

  /** The open problems and objectives with the most votes (then the oldest), voted on or not. */
  /**
   * What the invitation and reach-out drafts are written from (after the GDS
   * templates): the problems to name, whether the community is still at the
   * proposal stage (it has never had a meeting, so the ask is a first call), and
   * the writer's organisation and role, from their membership.
   */
  async draftContext(community: CommunityRecord, writerId: string): Promise<DraftContext> {
    const [problems, meetings, writer] = await Promise.all([
      this.topProblems(community),
      this.store.meetings.upcoming([community.id], new Date(0), 1),
      this.store.memberships.find(community.id, writerId),
    ]);
    const active = writer?.status === "active" ? writer : null;
    return {
      problems,
      proposal: meetings.total === 0,
      writer: { organisation: active ? organisationLabel(active) : null, role: active ? professionLabel(active) : null },
    };
  }

  async topProblems(community: CommunityRecord): Promise<NamedProblem[]> {
    const { items } = await this.store.problems.list(community.id, ["open", "objective"], "", { offset: 0, limit: PROBLEMS_NAMED });
    return items.map((p) => ({ id: p.id, title: p.title }));
  }

  /**
   * Invites each person who is not yet a member and has no pending invitation,
   * and plans their reminder and expiry. A repeated submission of the same form
   * (`requestId`) invites nobody twice: it gets the first one's invitations back.
   */
  async invite(input: {
    community: CommunityRecord;
    inviterId: string;
    people: Array<{ userId: string; email: string | null }>;
    message: string;
    requestId: string | null;
  }): Promise<{ outcomes: InviteOutcome[]; repeated: boolean }> {
    const { community, inviterId } = input;
    const inviter = await this.requireInviter(community, inviterId);
    if (input.requestId && (await this.alreadySent(input.requestId))) return { outcomes: [], repeated: true };
    const now = this.deps.clock.now();
    // The same person chosen and typed by email counts once.
    const people = [...new Map(input.people.map((p) => [p.userId, p])).values()];
    const ids = people.map((p) => p.userId);
    const status = new Map((await this.store.memberships.findMany(community.id, ids)).map((m) => [m.slackUserId, m.status]));
    const pending = new Set(await this.store.invitations.pendingInvitees(community.id, ids));
    const outcomes: InviteOutcome[] = [];
    const toInvite: typeof people = [];
    for (const person of people) {
      if (person.userId === inviterId) outcomes.push({ kind: "self", ...person });
      else if (status.get(person.userId) === "active") outcomes.push({ kind: "already_member", ...person });
      else if (status.get(person.userId) === "removed" && !isOrganiser(inviter)) outcomes.push({ kind: "removed", ...person });
      else if (pending.has(person.userId)) outcomes.push({ kind: "already_invited", ...person });
      else toInvite.push(person);
    }
    const { created, alreadyPending } = await this.store.invitations.create(
      toInvite.map((p) => ({
        communityId: community.id,
        inviterId,
        inviteeId: p.userId,
        email: p.email,
        message: input.message,
        requestId: input.requestId,
      })),
      now,
    );
    // The same form submitted twice at once: the twin that invited nobody leaves the reporting to the other.
    if (created.length === 0 && alreadyPending.length && input.requestId && (await this.alreadySent(input.requestId)))
      return { outcomes: [], repeated: true };
    for (const userId of alreadyPending)
      outcomes.push({ kind: "already_invited", userId, email: toInvite.find((p) => p.userId === userId)?.email ?? null });
    for (const invitation of created) outcomes.push({ kind: "invited", userId: invitation.inviteeId, email: invitation.email, invitation });
    await this.store.outbox.plan(created.flatMap(invitationRows), now);
    if (created.length) {
      await recordAudit(this.store, community, inviterId, "invitation.sent", now, {
        invitees: created.map((i) => i.inviteeId),
        byEmail: created.filter((i) => i.email).length,
      });
    }
    return { outcomes, repeated: false };
  }

  /** What an invitation's DM shows. */
  async card(invitation: InvitationRecord): Promise<InvitationCard> {
    return (await this.cards([invitation]))[0];
  }

  /** The DMs of one community's invitations: its charter is read once for all of them. */
  async cards(invitations: InvitationRecord[]): Promise<InvitationCard[]> {
    if (invitations.length === 0) return [];
    const charter = await this.deps.communities.charter(invitations[0].communityId);
    const topProblems = await this.topProblems(charter.community);
    return invitations.map((invitation) => ({
      invitation,
      charter,
      topProblems,
      expiresAt: new Date(invitation.createdAt.getTime() + INVITATION_EXPIRES_AFTER_MS),
    }));
  }

  async delivered(invitation: InvitationRecord, channelId: string, ts: string): Promise<void> {
    await this.store.invitations.setDm(invitation.id, channelId, ts);
  }

  /** The DM could not be sent (a bot, a deactivated account): the invitation ends, so they can be invited again. */
  async undelivered(invitation: InvitationRecord): Promise<void> {
    const now = this.deps.clock.now();
    await this.store.invitations.settle(invitation.id, "undelivered", now);
    await this.store.outbox.skipPending(invitation.id, kindsAbout("invitation"), "the invitation could not be delivered", now);
  }

  /**
   * The invitation a person clicked Accept or Decline on: theirs, in their
   * workspace, and still open. Anything else gets a message saying what happened.
   */
  async toAnswer(
    workspace: WorkspaceKey | null,
    invitationId: string,
    slackUserId: string,
  ): Promise<{ invitation: InvitationRecord; community: CommunityRecord }> {
    const invitation = await this.store.invitations.findById(invitationId);
    if (!invitation || invitation.inviteeId !== slackUserId) throw new AppError("not_found", { key: "invitation.not_found" });
    // From the web page there is no workspace to check: the signed link, bound to this person and invitation, is the authority.
    const community = workspace
      ? await this.deps.communities.byIdIn(workspace, invitation.communityId)
      : await this.deps.communities.byId(invitation.communityId);
    switch (invitation.status) {
      case "pending":
        return { invitation, community };
      case "accepted":
        throw new AppError("gone", { key: "invitation.already_accepted", community: community.name });
      case "declined":
        throw new AppError("gone", { key: "invitation.declined", community: community.name });
      case "expired":
        throw new AppError("gone", { key: "invitation.expired", community: community.name });
      default:
        throw new AppError("gone", { key: "invitation.closed", community: community.name });
    }
  }

  /**
   * Closes the invitation, then makes the invitee a member with the profile
   * they gave. The profile is checked first (per-field errors), so a mistake
   * leaves the invitation open. Closing is conditional, so of a double-clicked
   * Accept, or an Accept at the moment it expires, exactly one wins; the other
   * is told what happened and changes nothing.
   */
  async accept(
    workspace: WorkspaceKey | null,
    invitationId: string,
    slackUserId: string,
    input: ProfileInput & { displayName?: string | null },
  ): Promise<{ invitation: InvitationRecord; community: CommunityRecord; membership: MembershipRecord; alreadyMember: boolean }> {
    const { invitation, community } = await this.toAnswer(workspace, invitationId, slackUserId);
    const errors: FieldErrors = {};
    const profile = checkProfile(input, errors);
    // Someone invited by email has no Slack name to show, so they give one.
    const contact = emailContact(invitation, input.displayName, errors);
    if (!profile || (isEmailPerson(slackUserId) && !contact)) throw new ValidationError(errors);
    // Someone an organiser removed comes back only on an organiser's invitation.
    const inviter = await this.store.memberships.find(community.id, invitation.inviterId);
    const readmitted = isOrganiser(inviter);
    if (!readmitted) await this.deps.memberships.requireNotRemoved(community, slackUserId);
    if (!(await this.close(invitation, community, "accepted", slackUserId))) {
      await this.toAnswer(workspace, invitationId, slackUserId);
      throw new AppError("conflict", { key: "invitation.answered_meanwhile" });
    }
    const joined = await this.deps.memberships.join(community, slackUserId, input, { readmitted, contact: contact ?? undefined });
    return { invitation, community, membership: joined.membership, alreadyMember: joined.alreadyMember };
  }

  async decline(
    workspace: WorkspaceKey | null,
    invitationId: string,
    slackUserId: string,
  ): Promise<{ invitation: InvitationRecord; community: CommunityRecord }> {
    const { invitation, community } = await this.toAnswer(workspace, invitationId, slackUserId);
    // A double click: the second finds it already declined and says nothing more.
    if (!(await this.close(invitation, community, "declined", slackUserId))) {
      throw new AppError("gone", { key: "invitation.already_answered", community: community.name });
    }
    return { invitation, community };
  }

  /** The person's own invitation, whatever became of it (for the page an answer lands on); null when it is not theirs. */
  async answeredBy(invitationId: string, personId: string): Promise<InvitationRecord | null> {
    const invitation = await this.store.invitations.findById(invitationId);
    return invitation?.inviteeId === personId ? invitation : null;
  }

  /** For the safety-net delivery: the invitation if it is pending and its DM never went. */
  async undeliveredPending(invitationId: string): Promise<InvitationRecord | null> {
    const invitation = await this.stillPending(invitationId);
    return invitation && !invitation.dmTs ? invitation : null;
  }

  /** For the reminder: the invitation if it is still waiting for an answer. */
  async stillPending(invitationId: string): Promise<InvitationRecord | null> {
    const invitation = await this.store.invitations.findById(invitationId);
    return invitation?.status === "pending" ? invitation : null;
  }

  /**
   * Expires an invitation nobody answered. Null when it was answered first.
   * An invitation already expired (a retry after a crash between expiring it
   * and telling the inviter) is returned again, so the inviter is still told.
   */
  async expire(invitationId: string): Promise<InvitationRecord | null> {
    const invitation = await this.store.invitations.findById(invitationId);
    if (!invitation) return null;
    if (invitation.status === "pending") {
      const now = this.deps.clock.now();
      if (!(await this.store.invitations.settle(invitation.id, "expired", now))) return null;
      const community = await this.store.communities.findById(invitation.communityId);
      if (community) {
        await recordAudit(this.store, community, invitation.inviteeId, "invitation.expired", now, { invitationId: invitation.id });
      }
      return { ...invitation, status: "expired", respondedAt: now };
    }
    return invitation.status === "expired" ? invitation : null;
  }

  private close(invitation: InvitationRecord, community: CommunityRecord, to: "accepted" | "declined", actorId: string): Promise<boolean> {
    return closeInvitation(this.store, invitation, community, { to, actorId, now: this.deps.clock.now() });
  }
}
