// Problems: log one, read what its card and list show, organisers' decisions
// about it, its author's edits. Votes are in votes.ts.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors, OrganiserAction } from "../common/reasons";
import { cleanText } from "../common/text";
import { requireOrganiser } from "../members/organisers";
import type {
  CommunityRecord,
  ProblemListItem,
  ProblemRecord,
  ProblemSource,
  ProblemStatus,
  StatusChange,
  Store,
  VoteTally,
  WorkspaceKey,
} from "../ports";
import { UniqueViolation } from "../ports";
import { checkProblemDraft, type ProblemDraft } from "./problemDraft";

export const OBJECTIVE_PROGRESS = ["open", "in_progress", "done"] as const;

/** Which organiser decisions each status allows. */
const ALLOWED: Record<ProblemStatus, ReadonlyArray<"objective" | "solved" | "open">> = {
  open: ["objective", "solved"],
  objective: ["solved", "open"],
  solved: ["open"],
  duplicate: ["open"],
};
/** What only organisers may do, by the status a decision moves a problem to. */
const STATUS_ACTIONS = { objective: "promote_problem", solved: "solve_problem", open: "reopen_problem" } as const satisfies Record<
  string,
  OrganiserAction
>;

export const PROBLEMS_PAGE_SIZE = 10;

/** The filters of /community problems, and the statuses each shows. */
export const PROBLEM_FILTERS = {
  open: ["open", "objective"],
  objectives: ["objective"],
  solved: ["solved"],
  all: ["open", "objective", "solved", "duplicate"],
} as const satisfies Record<string, readonly ProblemStatus[]>;
export type ProblemFilter = keyof typeof PROBLEM_FILTERS;

export function isProblemFilter(word: string): word is ProblemFilter {
  return Object.hasOwn(PROBLEM_FILTERS, word);
}

export interface ProblemPage {
  community: CommunityRecord;
  filter: ProblemFilter;
  items: ProblemListItem[];
  total: number;
  page: number;
  pageCount: number;
}

export interface ProblemDetails {
  card: ProblemCard;
  history: StatusChange[];
  viewerIsAuthor: boolean;
}

export interface ProblemCard {
  problem: ProblemRecord;
  community: CommunityRecord;
  tally: VoteTally;
}

/**
 * Every method that takes a problem id from a request (a button's value, a
 * modal's metadata, an options request) takes the requester's workspace too,
 * and checks the problem against it before reading anything else.
 */
export class ProblemService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private get store() {
    return this.deps.store;
  }

  /** Anyone in the workspace can log a problem. */
  /**
   * Logs a problem. `requestId` (the modal's view id) makes a repeated
   * submission harmless, as for a community and a meeting: a double click or a
   * resubmit returns the first submission's problem with `repeated` set, so the
   * caller announces and thanks once.
   */
  async log(
    community: CommunityRecord,
    actorId: string,
    draft: ProblemDraft,
    source: ProblemSource,
    messagePermalink: string | null,
    requestId: string | null,
  ): Promise<{ problem: ProblemRecord; repeated: boolean }> {
    if (requestId) {
      const earlier = await this.store.problems.findByRequestId(requestId);
      if (earlier) return { problem: earlier, repeated: true };
    }
    const linked = await this.linkedStage(community, draft);
    const now = this.deps.clock.now();
    let problem: ProblemRecord;
    try {
      problem = await this.store.problems.create({
        communityId: community.id,
        ...linked,
        source,
        createdBy: actorId,
        messagePermalink,
        requestId,
        now,
      });
    } catch (error) {
      // Two deliveries of one submission raced to the unique request id: the first one's problem stands.
      if (requestId && error instanceof UniqueViolation && error.rule === "request") {
        const earlier = await this.store.problems.findByRequestId(requestId);
        if (earlier) return { problem: earlier, repeated: true };
      }
      throw error;
    }
    await recordAudit(this.store, community, actorId, "problem.logged", now, { problemId: problem.id, title: problem.title, source });
    return { problem, repeated: false };
  }

  /**
   * A problem logged against a stage of the journey keeps the stage's title as
   * its words for where it bites, so it still says so if the stage is removed.
   * The stage must be one of this community's accepted stages: the form's
   * choice comes back in a request anyone could shape, and the stage may have
   * gone while the form was open.
   */
  private async linkedStage(community: CommunityRecord, draft: ProblemDraft): Promise<ProblemDraft> {
    if (!draft.stageId) return draft;
    const stage = await this.store.journey.findStage(draft.stageId);
    if (!stage || stage.communityId !== community.id || stage.status !== "accepted") {
      throw new ValidationError({ stageId: { key: "problem.stage_gone" } });
    }
    return { ...draft, stage: stage.title };
  }

  private async byId(problemId: string): Promise<ProblemRecord> {
    const problem = await this.store.problems.findById(problemId);
    if (!problem) throw new AppError("not_found", { key: "problem.gone" });
    return problem;
  }

  /** The card of a problem the app itself holds the id of (one it has just logged); requests go through inWorkspace. */
  async card(problemId: string): Promise<ProblemCard> {
    const problem = await this.byId(problemId);
    const [community, tally] = await Promise.all([
      this.store.communities.findById(problem.communityId),
      this.store.problems.tally(problem.id),
    ]);
    if (!community) throw new AppError("not_found", { key: "problem.community_gone" });
    return { problem, community, tally };
  }

  /**
   * A problem named by id in a request: the id is the requester's word, so it
   * must belong to a community of their workspace. Another workspace's problem
   * is as gone to them as a deleted one, and nothing more of it is read.
   */
  async inWorkspace(workspace: WorkspaceKey, problemId: string): Promise<{ problem: ProblemRecord; community: CommunityRecord }> {
    const [problem, workspaceId] = await Promise.all([
      this.store.problems.findById(problemId),
      this.store.communities.findWorkspaceId(workspace),
    ]);
    const community = problem ? await this.store.communities.findById(problem.communityId) : null;
    if (!problem || !community || !workspaceId || community.workspaceId !== workspaceId)
      throw new AppError("not_found", { key: "problem.gone" });
    return { problem, community };
  }

  /** inWorkspace, with the vote tally its card shows. */
  private async cardIn(workspace: WorkspaceKey, problemId: string): Promise<ProblemCard> {
    const { problem, community } = await this.inWorkspace(workspace, problemId);
    return { problem, community, tally: await this.store.problems.tally(problem.id) };
  }

  /** One page of a community's problems, most votes first. */
  async page(community: CommunityRecord, filter: ProblemFilter, viewerId: string, page: number): Promise<ProblemPage> {
    const statuses = [...PROBLEM_FILTERS[filter]];
    const fetch = (p: number) =>
      this.store.problems.list(community.id, statuses, viewerId, { offset: p * PROBLEMS_PAGE_SIZE, limit: PROBLEMS_PAGE_SIZE });
    const wanted = Math.max(0, page);
    let result = await fetch(wanted);
    const pageCount = Math.max(1, Math.ceil(result.total / PROBLEMS_PAGE_SIZE));
    const current = Math.min(wanted, pageCount - 1);
    if (current !== wanted) result = await fetch(current);
    return { community, filter, ...result, page: current, pageCount };
  }

  /**
   * An organiser's decision about a problem: promote it to an objective, mark it
   * solved, or reopen it. Only the community's organisers may; a member is told so
   * and nothing changes.
   */
  async changeStatus(
    workspace: WorkspaceKey,
    problemId: string,
    actorId: string,
    to: "objective" | "solved" | "open",
  ): Promise<ProblemCard> {
    const { problem, community } = await this.inWorkspace(workspace, problemId);
    await this.requireOrganiser(community, actorId, STATUS_ACTIONS[to]);
    if (!ALLOWED[problem.status].includes(to)) {
      throw new AppError("conflict", { key: "problem.cannot_move", title: problem.title, status: problem.status, to });
    }
    const now = this.deps.clock.now();
    const moved = await this.store.problems.changeStatus({ problemId, from: problem.status, to, actorId, now });
    if (!moved) throw new AppError("conflict", { key: "problem.changed_meanwhile" });
    await recordAudit(this.store, community, actorId, "problem.status_changed", now, { problemId, from: problem.status, to });
    return this.card(problemId);
  }

  /** The problem's card, if the actor is one of its community's organisers (else a coded refusal). */
  async asOrganiser(workspace: WorkspaceKey, problemId: string, actorId: string, doing: OrganiserAction): Promise<ProblemCard> {
    const card = await this.cardIn(workspace, problemId);
    await this.requireOrganiser(card.community, actorId, doing);
    return card;
  }

  /** Other problems of the same community, for the duplicate picker: only its organisers close one as a duplicate, so only they see them. */
  async others(
    workspace: WorkspaceKey,
    problemId: string,
    actorId: string,
    query: string,
    limit: number,
  ): Promise<Array<{ id: string; title: string }>> {
    const { problem, community } = await this.inWorkspace(workspace, problemId);
    await this.requireOrganiser(community, actorId, "mark_duplicate");
    return this.store.problems.search(problem.communityId, cleanText(query, "line"), problem.id, limit);
  }

  private requireOrganiser(community: CommunityRecord, actorId: string, doing: OrganiserAction): Promise<void> {
    return requireOrganiser(this.store, community, actorId, doing);
  }

  /**
   * An objective's owner (a member of the community), target date and progress.
   * Field errors are keyed owner, targetDate, progress.
   */
  async setObjective(
    workspace: WorkspaceKey,
    problemId: string,
    actorId: string,
    input: { ownerId?: string | null; targetDate?: string | null; progress?: string | null },
  ): Promise<ProblemCard> {
    const { problem, community } = await this.inWorkspace(workspace, problemId);
    await this.requireOrganiser(community, actorId, "set_objective");
    if (problem.status !== "objective") throw new AppError("conflict", { key: "problem.not_objective", title: problem.title }, "progress");
    const errors: FieldErrors = {};
    const ownerId = input.ownerId || null;
    // A Slack user id from the picker; anything else (a forged request) is not looked up.
    if (ownerId && !/^[UW][A-Z0-9]+$/.test(ownerId)) errors.owner = { key: "problem.owner_from_list" };
    else if (ownerId) {
      const owner = await this.store.memberships.find(community.id, ownerId);
      if (owner?.status !== "active") errors.owner = { key: "problem.owner_not_member", community: community.name };
    }
    let targetDate: Date | null = null;
    if (input.targetDate) {
      targetDate = /^\d{4}-\d{2}-\d{2}$/.test(input.targetDate) ? new Date(`${input.targetDate}T00:00:00Z`) : null;
      if (!targetDate || Number.isNaN(targetDate.getTime())) errors.targetDate = { key: "problem.target_date" };
    }
    const progress = input.progress ?? "open";
    if (!OBJECTIVE_PROGRESS.includes(progress as (typeof OBJECTIVE_PROGRESS)[number])) errors.progress = { key: "problem.progress" };
    if (Object.keys(errors).length) throw new ValidationError(errors);
    await this.store.problems.setObjective(problemId, { ownerId, targetDate, status: progress });
    await recordAudit(this.store, community, actorId, "objective.updated", this.deps.clock.now(), {
      problemId,
      ownerId,
      targetDate: input.targetDate ?? null,
      progress,
    });
    return this.card(problemId);
  }

  /** Closes a problem as a duplicate of another of the same community's problems. */
  async closeAsDuplicate(workspace: WorkspaceKey, problemId: string, actorId: string, duplicateOfId: string | null): Promise<ProblemCard> {
    const { problem, community } = await this.inWorkspace(workspace, problemId);
    await this.requireOrganiser(community, actorId, "mark_duplicate");
    if (!duplicateOfId) throw new AppError("invalid_input", { key: "problem.duplicate_of_missing" }, "duplicateOf");
    const original = await this.store.problems.findById(duplicateOfId);
    if (!original || original.communityId !== community.id || original.id === problem.id) {
      throw new AppError("invalid_input", { key: "problem.duplicate_of_other" }, "duplicateOf");
    }
    if (original.status === "duplicate") throw new AppError("invalid_input", { key: "problem.duplicate_of_duplicate" }, "duplicateOf");
    if (problem.status === "duplicate" || problem.status === "solved") {
      throw new AppError("gone", { key: "problem.already_closed", title: problem.title, status: problem.status }, "duplicateOf");
    }
    const now = this.deps.clock.now();
    const moved = await this.store.problems.changeStatus({ problemId, from: problem.status, to: "duplicate", actorId, now, duplicateOfId });
    if (!moved) throw new AppError("conflict", { key: "problem.changed_meanwhile_look_again" }, "duplicateOf");
    await recordAudit(this.store, community, actorId, "problem.status_changed", now, {
      problemId,
      from: problem.status,
      to: "duplicate",
      duplicateOfId,
    });
    return this.card(problemId);
  }

  /** The card, its status history, and whether the viewer wrote it (and so may edit it). */
  async details(workspace: WorkspaceKey, problemId: string, viewerId: string): Promise<ProblemDetails> {
    const card = await this.cardIn(workspace, problemId);
    const history = await this.store.problems.history(problemId);
    return { card, history, viewerIsAuthor: card.problem.createdBy === viewerId };
  }

  /** The problem, for its author's edit form (checked again when the form is submitted). */
  async toEdit(workspace: WorkspaceKey, problemId: string, actorId: string): Promise<ProblemRecord> {
    const { problem } = await this.inWorkspace(workspace, problemId);
    requireAuthor(problem, actorId);
    return problem;
  }

  /** Only the author may change a problem's title or description. */
  async edit(
    workspace: WorkspaceKey,
    problemId: string,
    actorId: string,
    input: { title?: string | null; description?: string | null },
  ): Promise<ProblemCard> {
    const { problem } = await this.inWorkspace(workspace, problemId);
    requireAuthor(problem, actorId);
    const draft = checkProblemDraft({
      title: input.title,
      description: input.description,
      affects: problem.affects,
      stage: problem.stage,
      link: problem.link,
    });
    await this.store.problems.edit(problemId, { title: draft.title, description: draft.description });
    const card = await this.card(problemId);
    await recordAudit(this.store, card.community, actorId, "problem.edited", this.deps.clock.now(), { problemId, title: draft.title });
    return card;
  }

  recordAnnouncement(problemId: string, channelId: string, ts: string): Promise<void> {
    return this.store.problems.setAnnouncement(problemId, channelId, ts);
  }
}

function requireAuthor(problem: ProblemRecord, actorId: string): void {
  if (problem.createdBy !== actorId) {
    throw new AppError("forbidden", { key: "problem.author_only" }, "title");
  }
}
