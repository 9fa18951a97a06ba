// Problems, their votes, statuses and objectives.

export interface ProblemSummary {
  id: string;
  title: string;
  status: string;
}

export type ProblemStatus = "open" | "objective" | "solved" | "duplicate";

export interface ObjectiveSummary {
  id: string;
  communityId: string;
  title: string;
  /** open | in_progress | done */
  objectiveStatus: string;
  ownerId: string | null;
  targetDate: Date | null;
}

export type ProblemSource = "create_modal" | "command" | "message_shortcut";

export interface ProblemRecord {
  id: string;
  communityId: string;
  title: string;
  description: string;
  stage: string | null;
  link: string | null;
  status: ProblemStatus;
  source: ProblemSource;
  createdBy: string;
  createdAt: Date;
  messagePermalink: string | null;
  announcementChannelId: string | null;
  announcementTs: string | null;
  /** Organisation ids its author said it affects. */
  affects: string[];
  /** For a duplicate: the problem it duplicates. */
  duplicateOf: { id: string; title: string } | null;
  /** For an objective: who owns it, by when, and how far it has got (open | in_progress | done). */
  objective: { ownerId: string | null; targetDate: Date | null; status: string } | null;
}

export interface NewProblem {
  communityId: string;
  title: string;
  description: string;
  /** Where in the journey it bites: the stage's title when it is linked to one. */
  stage: string | null;
  /** The journey stage it is linked to, if any. */
  stageId: string | null;
  link: string | null;
  affects: string[];
  source: ProblemSource;
  createdBy: string;
  messagePermalink: string | null;
  /** The form submission that logs it (a modal's view id), unique; null when it has none. */
  requestId: string | null;
  now: Date;
}

export interface VoteTally {
  votes: number;
  /** Distinct organisations among the voters whose organisation is known. */
  organisations: number;
}

export interface StatusChange {
  actorId: string;
  from: ProblemStatus;
  to: ProblemStatus;
  at: Date;
}

export interface ProblemListItem {
  id: string;
  title: string;
  status: ProblemStatus;
  votes: number;
  organisations: number;
  /** Whether the person reading the list has voted for it. */
  viewerVoted: boolean;
}

export interface ProblemStore {
  /**
   * A community's problems with the given statuses, most votes first, then
   * most organisations, then oldest; one page of them, and how many there are.
   */
  list(
    communityId: string,
    statuses: ProblemStatus[],
    viewerId: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: ProblemListItem[]; total: number }>;
  create(input: NewProblem): Promise<ProblemRecord>;
  findById(problemId: string): Promise<ProblemRecord | null>;
  /** The problem a form submission logged, if it did. */
  findByRequestId(requestId: string): Promise<ProblemRecord | null>;
  setAnnouncement(problemId: string, channelId: string, ts: string): Promise<void>;
  /**
   * Adds the person's vote, or removes it if they had one. Safe when many vote
   * at once: one row a person (a unique key), so each vote counts exactly once.
   */
  toggleVote(problemId: string, slackUserId: string, organisation: string | null, now: Date): Promise<{ voted: boolean }>;
  /** Adds the person's vote unless they have one; safe when their clicks race. */
  addVote(problemId: string, slackUserId: string, organisation: string, now: Date): Promise<void>;
  /** Takes the person's vote back; false when they had none. */
  removeVote(problemId: string, slackUserId: string): Promise<boolean>;
  /** Whether the person has voted for the problem. */
  hasVoted(problemId: string, slackUserId: string): Promise<boolean>;
  tally(problemId: string): Promise<VoteTally>;
  /**
   * Moves a problem from one status to another and records the change, only if
   * it is still in `from` (so two organisers acting at once cannot both win).
   * Returns false when it was not.
   */
  changeStatus(change: {
    problemId: string;
    from: ProblemStatus;
    to: ProblemStatus;
    actorId: string;
    now: Date;
    duplicateOfId?: string;
  }): Promise<boolean>;
  setObjective(problemId: string, objective: { ownerId: string | null; targetDate: Date | null; status: string }): Promise<void>;
  /** Problems of a community whose title contains the query, for a picker. */
  search(
    communityId: string,
    query: string,
    exceptId: string,
    limit: number,
  ): Promise<Array<{ id: string; title: string; status: ProblemStatus }>>;
  history(problemId: string): Promise<StatusChange[]>;
  /** Replaces the title and description (the author's edit). */
  edit(problemId: string, fields: { title: string; description: string }): Promise<void>;
  /** Marks that organisers were told the problem reached the threshold; false if they already were. */
  claimPromotionSuggestion(problemId: string, now: Date): Promise<boolean>;
  /** A community's problems still open (not objectives, not closed), oldest first. */
  stillOpen(communityId: string, limit: number): Promise<{ items: ProblemSummary[]; total: number }>;
  /** The objectives of these communities, oldest first. */
  objectives(communityIds: string[]): Promise<ObjectiveSummary[]>;
}
