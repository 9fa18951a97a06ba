// Communities: their records, settings and the store that creates, finds and changes them.
import type { Division } from "../../reference/bankHolidays";
import type { ContactMethodKind, MeetingCadence, PageVisibility } from "../common/vocabulary";
import type { AuditEntry } from "./audit";
import type { MemberProfile, WorkspaceKey } from "./common";

export interface ContactMethodRecord {
  kind: ContactMethodKind;
  link: string | null;
}

export interface CommunityRecord {
  id: string;
  workspaceId: string;
  name: string;
  slug: string;
  service: string;
  purpose: string;
  meetingCadence: MeetingCadence;
  slackChannelId: string | null;
  timezone: string;
  /** Distinct organisations voting for a problem before organisers are told it could be an objective. */
  problemThreshold: number;
  /** Whether members (not only organisers) may schedule meetings. */
  membersCanSchedule: boolean;
  digest: DigestSchedule;
  /** The reminders a new meeting gets by default, in minutes before its start. */
  reminderOffsets: number[];
  /** Whose bank holidays are not working days for its reminders and live-projects round. */
  bankHolidays: Division;
  /** How many working days before each of its meetings the live-projects round asks (0: no round). */
  roundDaysBefore: number;
  createdBy: string;
  createdAt: Date;
  archivedAt: Date | null;
  contactMethods: ContactMethodRecord[];
  /** Its web page: who may open it, and the version signed into its address (moved on to retire old addresses). */
  page: { visibility: PageVisibility; version: number };
}

export interface CommunitySummary {
  id: string;
  name: string;
  slug: string;
  service: string;
  slackChannelId: string | null;
  memberCount: number;
  /** Whether the person reading the list is an active member. */
  viewerIsMember: boolean;
}

export interface NewCommunity {
  workspaceId: string;
  name: string;
  nameKey: string;
  slug: string;
  service: string;
  purpose: string;
  meetingCadence: MeetingCadence;
  timezone: string;
  createdBy: string;
  createRequestId: string | null;
  contactMethods: ContactMethodRecord[];
  initialProblems: string[];
  organiser: MemberProfile;
  now: Date;
}

export interface CommunitySettings {
  membersCanSchedule: boolean;
  reminderOffsets: number[];
  problemThreshold: number;
  digest: DigestSchedule;
  /** `newAddress`: move the page's version on, so every address given out so far stops working. */
  page: { visibility: PageVisibility; newAddress: boolean };
  bankHolidays: Division;
  roundDaysBefore: number;
}

/** A charter change as the store writes it: the fields and the audit event, in one write. */
export interface CharterUpdate {
  name: string;
  nameKey: string;
  service: string;
  purpose: string;
  meetingCadence: MeetingCadence;
  contactMethods: ContactMethodRecord[];
}

/** What deleting a community removed, for the organiser who did it. */
export interface RemovedCounts {
  members: number;
  problems: number;
  meetings: number;
  groups: number;
  invitations: number;
  /** Reminders, digests and other messages that were waiting to go, now skipped. */
  pendingMessages: number;
}

export type DigestCadence = "weekly" | "monthly" | "off";

/** When a community's digest goes out, in its own time zone. */
export interface DigestSchedule {
  cadence: DigestCadence;
  /** 1 Monday … 7 Sunday, for weekly. */
  weekday: number;
  /** 1–28, for monthly. */
  monthDay: number;
  /** "HH:mm" local time. */
  time: string;
}

export interface CommunityStore {
  ensureWorkspace(key: WorkspaceKey): Promise<string>;
  findWorkspaceId(key: WorkspaceKey): Promise<string | null>;
  /** Throws UniqueViolation when a name, slug or request id is taken. */
  createCommunity(input: NewCommunity): Promise<CommunityRecord>;
  /** Removes a community that never got its channel (its creation failed half-way). */
  discardCommunity(communityId: string): Promise<void>;
  /** Throws UniqueViolation("channel") when another community has the channel. */
  attachChannel(communityId: string, channelId: string, actorId: string, now: Date): Promise<CommunityRecord>;
  findById(communityId: string): Promise<CommunityRecord | null>;
  findByNameKey(workspaceId: string, nameKey: string): Promise<CommunityRecord | null>;
  findBySlug(workspaceId: string, slug: string): Promise<CommunityRecord | null>;
  findByChannel(workspaceId: string, channelId: string): Promise<CommunityRecord | null>;
  findByRequestId(requestId: string): Promise<CommunityRecord | null>;
  slugsStartingWith(workspaceId: string, prefix: string): Promise<string[]>;
  /** Every active (not archived) community, by name, with its active member count. */
  directory(workspaceId: string): Promise<Array<Omit<CommunitySummary, "viewerIsMember">>>;
  /** Names and slugs of every active community, for "did you mean" and pickers. */
  names(workspaceId: string): Promise<Array<{ id: string; name: string; slug: string }>>;
  updateSettings(communityId: string, settings: CommunitySettings): Promise<CommunityRecord>;
  /** Changes the charter and records `audit` in the same write. Throws UniqueViolation("name") when another community has the name. */
  updateCharter(communityId: string, update: CharterUpdate, audit: AuditEntry): Promise<CommunityRecord>;
  /** Archives (a date) or unarchives (null) the community, recording `audit` in the same write. */
  setArchived(communityId: string, archivedAt: Date | null, audit: AuditEntry): Promise<CommunityRecord>;
  /**
   * Deletes the community and everything that hangs on it (members, problems, meetings, groups,
   * invitations and its own audit trail), skips its messages still waiting to go, and records
   * `audit` (a workspace-level event naming it) in the same write.
   */
  deleteCommunity(communityId: string, audit: AuditEntry): Promise<RemovedCounts>;
  /** The workspace's archived communities this person organises, by name. */
  archivedOrganisedBy(workspaceId: string, userId: string): Promise<CommunityRecord[]>;
}
