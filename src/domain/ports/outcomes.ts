// What came out of meetings: one outcome a meeting (notes, decisions) and its
// actions, each with an owner and a due day, open until its owner closes it.

import type { Division } from "../../reference/bankHolidays";

export type ActionStatus = "open" | "done";

export interface ActionItemRecord {
  id: string;
  meetingId: string;
  communityId: string;
  title: string;
  ownerId: string;
  /** The name an owner by email gave when it was recorded; null for a Slack member. */
  ownerName: string | null;
  /** "2026-12-09": a calendar day in the community's zone. */
  dueOn: string;
  /** The stage or problem it is about, with its title as it is now. */
  stage: { id: string; title: string } | null;
  problem: { id: string; title: string } | null;
  status: ActionStatus;
  doneAt: Date | null;
  doneBy: string | null;
  position: number;
  createdBy: string;
  createdAt: Date;
  dmChannelId: string | null;
  dmTs: string | null;
}

export interface OutcomeRecord {
  meetingId: string;
  notes: string;
  notesLink: string | null;
  /** In the order recorded. */
  decisions: string[];
  recordedBy: string;
  requestId: string | null;
  postChannelId: string | null;
  postTs: string | null;
  /** The one-line summary in the community's channel: "due" for a group's meeting until posted, "none" for the community's own. */
  summary: OutcomeSummaryState;
  createdAt: Date;
}

export type OutcomeSummaryState = "none" | "due" | "posted";

/** An outcome recorded since a digest's last time, with its meeting (and group) and its actions, for the digest. */
export interface RecentOutcome {
  outcome: OutcomeRecord;
  meeting: { id: string; title: string; startsAt: Date; timezone: string };
  group: { id: string; name: string } | null;
  actions: ActionItemRecord[];
}

export interface NewAction {
  title: string;
  ownerId: string;
  ownerName: string | null;
  dueOn: string;
  /** Checked against the meeting's community by the store: another community's names nothing. */
  stageId: string | null;
  problemId: string | null;
}

export interface NewOutcome {
  meetingId: string;
  notes: string;
  notesLink: string | null;
  decisions: string[];
  actions: NewAction[];
  recordedBy: string;
  requestId: string | null;
  now: Date;
}

export interface OutcomeStore {
  /** The meeting's outcome with its actions in order, or null if none was recorded. */
  find(meetingId: string): Promise<{ outcome: OutcomeRecord; actions: ActionItemRecord[] } | null>;
  /** How many decisions and actions each of these meetings recorded (meetings with none are absent): one query. */
  summaries(meetingIds: string[]): Promise<Map<string, { decisions: number; actions: number }>>;
  /**
   * Records the outcome and its actions in one transaction. Throws
   * UniqueViolation when the meeting already has one (another form, or the same
   * one sent twice, got there first).
   */
  record(input: NewOutcome): Promise<{ outcome: OutcomeRecord; actions: ActionItemRecord[] }>;
  /** Claims the right to post the outcome (one replica does); false if it is posted, or a claim younger than the lease holds it. */
  claimPost(meetingId: string, now: Date, leaseMs: number): Promise<boolean>;
  setPost(meetingId: string, channelId: string, ts: string): Promise<void>;
  releasePost(meetingId: string): Promise<void>;
  /**
   * Meetings whose outcome, recorded after `since`, still has its reply or its
   * summary to post, with no claim younger than `claimedBefore`: the scheduler's
   * retry after Slack refused or the poster died. One query.
   */
  unposted(since: Date, claimedBefore: Date, limit: number): Promise<string[]>;
  /** Claims the right to post a group outcome's summary; false if it is not due, or a younger claim holds it. */
  claimSummary(meetingId: string, now: Date, leaseMs: number): Promise<boolean>;
  /** The summary is posted, or there is nowhere to post it: either way, never again. */
  summaryDone(meetingId: string): Promise<void>;
  releaseSummary(meetingId: string): Promise<void>;
  /** A community's outcomes (its own meetings' and its groups') recorded since, newest first, and how many: two queries. */
  recordedSince(communityId: string, since: Date, limit: number): Promise<{ items: RecentOutcome[]; total: number }>;
}

/** An action with what it came from: its meeting (for its title, date, group and thread) and its community. */
export interface ActionInContext {
  action: ActionItemRecord;
  meeting: {
    id: string;
    title: string;
    startsAt: Date;
    timezone: string;
    groupId: string | null;
    announcementChannelId: string | null;
    announcementTs: string | null;
  };
  community: { id: string; name: string; workspaceId: string; timezone: string; slackChannelId: string | null; bankHolidays: Division };
}

/** Which of a community's actions a list shows: the reader's open ones, everyone's open ones, or the done ones. */
export interface ActionQuery {
  communityId: string;
  status: ActionStatus;
  ownerId?: string;
}

export interface ActionStore {
  find(actionId: string): Promise<ActionInContext | null>;
  /** A page of actions, soonest due first (done ones: most recently done first), and how many there are: two queries. */
  list(query: ActionQuery, offset: number, limit: number): Promise<{ items: ActionInContext[]; total: number }>;
  /** A person's open actions in these communities, soonest due first, and how many: two queries. */
  openOf(ownerId: string, communityIds: string[], limit: number): Promise<{ items: ActionInContext[]; total: number }>;
  /** Closes it if it is still open; false if it was not (already done, or gone). */
  complete(actionId: string, actorId: string, now: Date): Promise<boolean>;
  /** Moves an open action's due day; null if it is done or gone. */
  changeDue(actionId: string, dueOn: string): Promise<ActionItemRecord | null>;
  setDm(actionId: string, channelId: string, ts: string): Promise<void>;
  /** Every open action of the community's meetings and its groups', soonest due first. */
  openIn(communityId: string): Promise<ActionItemRecord[]>;
  /** Open actions due before `day` from meetings of this community (groupId null) or group. */
  overdue(communityId: string, groupId: string | null, day: string): Promise<ActionItemRecord[]>;
  /** The community's open actions due before `day`, its groups' too, soonest first, and how many: two queries. */
  overdueIn(communityId: string, day: string, limit: number): Promise<{ items: ActionItemRecord[]; total: number }>;
}
