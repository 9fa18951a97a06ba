// Problems: log one, vote on it ("this affects us too"), read what its card shows.
import type { Clock } from "./clock";
import { AppError } from "./errors";
import type { ProblemDraft } from "./problemDraft";
import type { CommunityRecord, ProblemRecord, ProblemSource, Store, VoteTally } from "./ports";
import { esc } from "./text";

/** One key an organisation: a reference id, or the typed name for "Other". */
function organisationKey(m: { organisation: string; organisationOther: string | null }): string {
  return m.organisation === "other" && m.organisationOther ? `other:${m.organisationOther.trim().toLowerCase()}` : m.organisation;
}

/** Statuses that take no more votes. */
const CLOSED = new Set(["solved", "duplicate"]);

export interface ProblemCard {
  problem: ProblemRecord;
  community: CommunityRecord;
  tally: VoteTally;
}

export class ProblemService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private get store() {
    return this.deps.store;
  }

  /** Anyone in the workspace can log a problem. */
  async log(
    community: CommunityRecord,
    actorId: string,
    draft: ProblemDraft,
    source: ProblemSource,
    messagePermalink: string | null = null,
  ): Promise<ProblemRecord> {
    const now = this.deps.clock.now();
    const problem = await this.store.problems.create({ communityId: community.id, ...draft, source, createdBy: actorId, messagePermalink, now });
    await this.store.audit.record({
      workspaceId: community.workspaceId,
      communityId: community.id,
      actorId,
      action: "problem.logged",
      detail: { problemId: problem.id, title: problem.title, source },
      at: now,
    });
    return problem;
  }

  async byId(problemId: string): Promise<ProblemRecord> {
    const problem = await this.store.problems.findById(problemId);
    if (!problem) throw new AppError("not_found", "That problem no longer exists.");
    return problem;
  }

  async card(problemId: string): Promise<ProblemCard> {
    const problem = await this.byId(problemId);
    const [community, tally] = await Promise.all([this.store.communities.findById(problem.communityId), this.store.problems.tally(problem.id)]);
    if (!community) throw new AppError("not_found", "That problem's community no longer exists.");
    return { problem, community, tally };
  }

  recordAnnouncement(problemId: string, channelId: string, ts: string): Promise<void> {
    return this.store.problems.setAnnouncement(problemId, channelId, ts);
  }

  /**
   * "This affects us too": votes, or takes the vote back. The voter's
   * organisation (from their membership of the community) is kept with the
   * vote, so the card can say how many organisations are affected.
   */
  async toggleVote(problemId: string, slackUserId: string): Promise<{ voted: boolean; card: ProblemCard }> {
    const problem = await this.byId(problemId);
    if (CLOSED.has(problem.status)) {
      throw new AppError("invalid_input", `*${esc(problem.title)}* is closed (${problem.status === "solved" ? "solved" : "a duplicate"}), so it takes no more votes.`);
    }
    const membership = await this.store.memberships.find(problem.communityId, slackUserId);
    const organisation = membership?.status === "active" ? organisationKey(membership) : null;
    const { voted } = await this.store.problems.toggleVote(problem.id, slackUserId, organisation, this.deps.clock.now());
    return { voted, card: await this.card(problem.id) };
  }
}
