// The reads only a community's web page needs, each one query however large the community.
import type { ContactMethodKind, MeetingCadence, PageVisibility } from "../common/vocabulary";
import type { CommunityRecord } from "./communities";
import type { StageRecord } from "./journey";
import type { ObjectiveSummary } from "./problems";

/** What deciding whether a page may be opened needs: one short row. */
export interface PageAccessRecord {
  id: string;
  name: string;
  slug: string;
  archivedAt: Date | null;
  page: { visibility: PageVisibility; version: number };
}

/** The community as its page shows it: its charter, without the settings only Slack uses. */
export type PageCommunity = Pick<
  CommunityRecord,
  "id" | "workspaceId" | "name" | "slug" | "service" | "purpose" | "slackChannelId" | "timezone" | "createdAt" | "archivedAt" | "page"
> & { meetingCadence: MeetingCadence; contactMethods: Array<{ kind: ContactMethodKind; link: string | null }> };

/** A meeting still to come (or under way), as the page lists it. */
export interface PageMeeting {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timezone: string;
  place: string | null;
  videoLink: string | null;
}

/** An open problem as the page lists it: its votes, and the organisations it affects. */
export interface PageProblem {
  id: string;
  title: string;
  votes: number;
  /**
   * Organisation keys (as organisationKey makes them, never "other" alone): those its author
   * named, and its voters' (each voter said it affects their organisation too).
   */
  affected: string[];
}

/** An objective with the organisation its owner is in (the page names no one). */
export interface PageObjective extends ObjectiveSummary {
  /** The owner's membership's organisation, as stored; null when there is no owner or they are not an active member. */
  ownerOrganisation: { organisation: string; organisationOther: string | null } | null;
}

export interface CommunityPageStore {
  access(communityId: string): Promise<PageAccessRecord | null>;
  /** The community with its ways of talking between meetings, in order: one statement. */
  community(communityId: string): Promise<PageCommunity | null>;
  /** Scheduled meetings that have not ended by `now`, soonest first, at most `limit`, and how many there are. */
  upcomingMeetings(communityId: string, now: Date, limit: number): Promise<{ items: PageMeeting[]; total: number }>;
  /** The workspace's Slack team id (for a link to the community's channel). */
  teamId(workspaceId: string): Promise<string | null>;
  /** Objectives under way first, then those not started, then those done, oldest first in each; at most `limit`, and how many there are. */
  objectives(communityId: string, limit: number): Promise<{ items: PageObjective[]; total: number }>;
  /** The open problems with the most votes (then the oldest), with the organisations each affects; and how many are open. */
  topOpenProblems(communityId: string, limit: number): Promise<{ items: PageProblem[]; total: number }>;
  /** The journey's accepted stages in order, with their owners: one statement (a Prisma include is two). */
  acceptedStages(communityId: string): Promise<StageRecord[]>;
  /** Active members by organisation as stored (an id, or "other" with the typed name). */
  organisations(communityId: string): Promise<Array<{ organisation: string; organisationOther: string | null; members: number }>>;
}
