// Votes on a problem ("this affects us too"): counted by organisation, and the
// suggestion to organisers once enough organisations are affected.

import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import { organisationKey } from "../members/coverage";
import { organiserIds } from "../members/organisers";
import type { CommunityRecord, ProblemRecord, Store, WorkspaceKey } from "../ports";
import type { ProblemCard, ProblemService } from "./problems";

/** Statuses that take no more votes. */
const CLOSED = new Set(["solved", "duplicate"]);

export class ProblemVotes {
  constructor(private readonly deps: { store: Store; clock: Clock; problems: ProblemService }) {}

  private get store() {
    return this.deps.store;
  }

  /**
   * "This affects us too": votes, or takes the vote back. The voter's
   * organisation (from their membership of the community) is kept with the
   * vote, so the card can say how many organisations are affected. Someone
   * who is not a member has no organisation, so their vote waits for the join
   * form (`join_first`) and is then cast with castVote; a vote they gave while
   * a member can still be taken back.
   */
  async toggleVote(workspace: WorkspaceKey, problemId: string, slackUserId: string): Promise<VoteOutcome> {
    const { problem, community } = await this.openForVotes(workspace, problemId);
    const organisation = await this.voterOrganisation(community, slackUserId);
    const now = this.deps.clock.now();
    if (organisation === null) {
      if (!(await this.store.problems.removeVote(problem.id, slackUserId))) return { kind: "join_first", community, problem };
      return { kind: "counted", voted: false, card: await this.deps.problems.card(problem.id), suggestTo: [] };
    }
    const { voted } = await this.store.problems.toggleVote(problem.id, slackUserId, organisation, now);
    const card = await this.deps.problems.card(problem.id);
    return { kind: "counted", voted, card, suggestTo: await this.promotionSuggestion(card, now) };
  }

  /**
   * Counts the vote of someone who has just joined because they voted. It only
   * adds: a vote already there (a second click got there first) stands.
   */
  async castVote(workspace: WorkspaceKey, problemId: string, slackUserId: string): Promise<{ card: ProblemCard; suggestTo: string[] }> {
    const { problem, community } = await this.openForVotes(workspace, problemId);
    const organisation = await this.voterOrganisation(community, slackUserId);
    if (organisation === null) throw new AppError("forbidden", { key: "problem.join_to_vote", community: community.name });
    const now = this.deps.clock.now();
    await this.store.problems.addVote(problem.id, slackUserId, organisation, now);
    const card = await this.deps.problems.card(problem.id);
    return { card, suggestTo: await this.promotionSuggestion(card, now) };
  }

  /**
   * From a member's personal web link (a member by email has no button to
   * click): sets their vote on or off, rather than toggling it, so a page sent
   * twice or reloaded never undoes what they chose. Only members vote: their
   * organisation is what the vote counts for.
   */
  async setVote(problemId: string, slackUserId: string, on: boolean): Promise<{ card: ProblemCard; voted: boolean; suggestTo: string[] }> {
    const { problem, community } = await this.openForVotes(null, problemId);
    const organisation = await this.voterOrganisation(community, slackUserId);
    if (organisation === null) throw new AppError("forbidden", { key: "problem.join_to_vote", community: community.name });
    const now = this.deps.clock.now();
    if (on) await this.store.problems.addVote(problem.id, slackUserId, organisation, now);
    else await this.store.problems.removeVote(problem.id, slackUserId);
    const card = await this.deps.problems.card(problem.id);
    return { card, voted: on, suggestTo: on ? await this.promotionSuggestion(card, now) : [] };
  }

  /** What the vote page shows: the problem's card, whether they have voted, and whether it still takes votes. */
  async voteState(problemId: string, slackUserId: string): Promise<{ card: ProblemCard; voted: boolean; open: boolean }> {
    const [card, voted] = await Promise.all([this.deps.problems.card(problemId), this.store.problems.hasVoted(problemId, slackUserId)]);
    return { card, voted, open: !CLOSED.has(card.problem.status) };
  }

  /** null: from a signed web link, which is its own authority (the problem need only exist). */
  private async openForVotes(
    workspace: WorkspaceKey | null,
    problemId: string,
  ): Promise<{ problem: ProblemRecord; community: CommunityRecord }> {
    const found = workspace ? await this.deps.problems.inWorkspace(workspace, problemId) : await this.found(problemId);
    const { problem } = found;
    if (CLOSED.has(problem.status)) {
      throw new AppError("gone", {
        key: "problem.closed_no_votes",
        title: problem.title,
        status: problem.status === "solved" ? "solved" : "duplicate",
      });
    }
    return found;
  }

  private async found(problemId: string): Promise<{ problem: ProblemRecord; community: CommunityRecord }> {
    const problem = await this.store.problems.findById(problemId);
    const community = problem ? await this.store.communities.findById(problem.communityId) : null;
    if (!problem || !community || community.archivedAt) throw new AppError("not_found", { key: "problem.gone" });
    return { problem, community };
  }

  private async voterOrganisation(community: CommunityRecord, slackUserId: string): Promise<string | null> {
    const membership = await this.store.memberships.find(community.id, slackUserId);
    return membership?.status === "active" ? organisationKey(membership) : null;
  }

  /**
   * When an open problem's voters first come from as many organisations as the
   * community's threshold, its organisers are suggested to promote it: once,
   * however many votes cross the line. Returns whom to tell.
   */
  private async promotionSuggestion(card: ProblemCard, now: Date): Promise<string[]> {
    if (card.problem.status !== "open" || card.tally.organisations < card.community.problemThreshold) return [];
    if (!(await this.store.problems.claimPromotionSuggestion(card.problem.id, now))) return [];
    return organiserIds(this.store, card.community.id);
  }
}

/** What a click of "This affects us too" did. */
export type VoteOutcome =
  | { kind: "counted"; voted: boolean; card: ProblemCard; suggestTo: string[] }
  /** Not a member: the vote waits until they join and give their organisation. */
  | { kind: "join_first"; community: CommunityRecord; problem: ProblemRecord };
