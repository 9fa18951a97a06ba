// The service journey: a community's ordered stages, who owns each, the members
// who work on each, and what hangs on them.
import type { ProblemStatus } from "./problems";

/** What an organisation does for a stage: it is responsible for it, or it delivers part of it. */
export type StageRole = "owns" | "delivers";

/** An organisation that owns or delivers a stage: a list id, or "other" with its typed name. */
export interface StageOwnerRecord {
  organisation: string;
  organisationOther: string | null;
  role: StageRole;
}

export type StageStatus = "accepted" | "suggested";

export interface StageRecord {
  id: string;
  communityId: string;
  title: string;
  description: string;
  link: string | null;
  /** Its place among the accepted stages (0 first); a suggestion's is the order suggestions came in. */
  position: number;
  status: StageStatus;
  createdBy: string;
  createdAt: Date;
  owners: StageOwnerRecord[];
}

/** What an organiser (or a member's suggestion) says about a stage. */
export interface StageFields {
  title: string;
  description: string;
  link: string | null;
  owners: StageOwnerRecord[];
}

/** What the journey shows for one accepted stage, read for all of them at once. */
export interface StageFigures {
  openProblems: number;
  objectives: number;
  /** The open problem or objective with the most votes, if any. */
  topProblem: { id: string; title: string; votes: number } | null;
  /** Active members who said they work on it. */
  members: number;
  /** The three organisations most of them come from (by organisation key, most members first), and how many organisations in all. */
  memberOrganisations: string[];
  memberOrganisationCount: number;
}

/** Who is on each stage: organisations named on its open problems and objectives, and its members by organisation (keys as organisationKey makes them). */
export interface LandscapeFacts {
  affected: Array<{ stageId: string; organisationKey: string }>;
  members: Array<{ stageId: string; organisationKey: string; members: number }>;
}

export interface JourneyStore {
  /** The community's stages with their owners: accepted ones in order, then suggestions as they came in. */
  stages(communityId: string): Promise<StageRecord[]>;
  findStage(stageId: string): Promise<StageRecord | null>;
  /** The journey's order version (see Community.journeyVersion). */
  version(communityId: string): Promise<number>;
  /** Adds a stage: an accepted one goes last in the journey. */
  addStage(communityId: string, fields: StageFields, status: StageStatus, actorId: string, now: Date): Promise<StageRecord>;
  updateStage(stageId: string, fields: StageFields, now: Date): Promise<StageRecord>;
  /** Accepts a suggestion as the journey's last stage; null when it is no longer a suggestion. */
  accept(stageId: string, now: Date): Promise<StageRecord | null>;
  /** Removes a stage (or dismisses a suggestion); its problems keep their text and lose the link; the rest close up. */
  removeStage(stageId: string): Promise<void>;
  /**
   * Puts the accepted stages in `orderedIds` order if the journey is still at
   * `expectedVersion`: false (nothing written) when another change came first.
   */
  reorder(communityId: string, orderedIds: string[], expectedVersion: number): Promise<boolean>;
  /** Several accepted stages at once, in order after the existing ones, each with the problems it takes (a draft accepted). */
  addStagesWithProblems(
    communityId: string,
    stages: Array<{ fields: StageFields; problemIds: string[] }>,
    actorId: string,
    now: Date,
  ): Promise<StageRecord[]>;
  /** Open and objective problems whose journey text is set but which are not linked to a stage. */
  unlinkedStageTexts(communityId: string): Promise<Array<{ problemId: string; stageText: string }>>;
  /** Figures for each accepted stage (or only `stageIds`), by id, in a fixed number of queries however many stages, problems and members. */
  figures(communityId: string, stageIds?: string[]): Promise<Map<string, StageFigures>>;
  /** Several communities' stages with their owners (App Home): each community's accepted ones in order, then its suggestions. */
  stagesOf(communityIds: string[]): Promise<StageRecord[]>;
  /** How many problems in `statuses` were logged against each stage since each community's `since`, by stage id: one query. */
  newProblemsByStage(periods: Array<{ communityId: string; since: Date }>, statuses: ProblemStatus[]): Promise<Map<string, number>>;
  /** The stages an active member works on (ids), and setting them (replacing what was there). */
  memberStageIds(communityId: string, slackUserId: string): Promise<string[]>;
  setMemberStages(communityId: string, slackUserId: string, stageIds: string[]): Promise<void>;
  /** For the service landscape export: two queries, whatever the journey's size. */
  landscapeFacts(communityId: string): Promise<LandscapeFacts>;
}
