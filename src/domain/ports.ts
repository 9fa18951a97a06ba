// What the domain needs from storage. src/store implements it with Prisma; the
// domain sees plain records and never a Prisma type.
import type { RecurrenceRule } from "./recurrence";
import type { ContactMethodKind, MeetingCadence, MembershipStatus, Role } from "./vocabulary";

export interface WorkspaceKey {
  teamId: string;
  enterpriseId?: string;
}

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
  createdBy: string;
  createdAt: Date;
  archivedAt: Date | null;
  contactMethods: ContactMethodRecord[];
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

export interface MembershipRecord {
  id: string;
  communityId: string;
  slackUserId: string;
  organisation: string;
  organisationOther: string | null;
  profession: string;
  professionOther: string | null;
  role: Role;
  status: MembershipStatus;
  /** Whether they also get the digest by DM. */
  digestByDm: boolean;
  joinedAt: Date;
  leftAt: Date | null;
}

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
  stage: string | null;
  link: string | null;
  affects: string[];
  source: ProblemSource;
  createdBy: string;
  messagePermalink: string | null;
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
  list(communityId: string, statuses: ProblemStatus[], viewerId: string, page: { offset: number; limit: number }): Promise<{ items: ProblemListItem[]; total: number }>;
  create(input: NewProblem): Promise<ProblemRecord>;
  findById(problemId: string): Promise<ProblemRecord | null>;
  setAnnouncement(problemId: string, channelId: string, ts: string): Promise<void>;
  /**
   * Adds the person's vote, or removes it if they had one. Safe when many vote
   * at once: one row a person (a unique key), so each vote counts exactly once.
   */
  toggleVote(problemId: string, slackUserId: string, organisation: string | null, now: Date): Promise<{ voted: boolean }>;
  tally(problemId: string): Promise<VoteTally>;
  /**
   * Moves a problem from one status to another and records the change, only if
   * it is still in `from` (so two organisers acting at once cannot both win).
   * Returns false when it was not.
   */
  changeStatus(change: { problemId: string; from: ProblemStatus; to: ProblemStatus; actorId: string; now: Date; duplicateOfId?: string }): Promise<boolean>;
  setObjective(problemId: string, objective: { ownerId: string | null; targetDate: Date | null; status: string }): Promise<void>;
  /** Problems of a community whose title contains the query, for a picker. */
  search(communityId: string, query: string, exceptId: string, limit: number): Promise<Array<{ id: string; title: string; status: ProblemStatus }>>;
  history(problemId: string): Promise<StatusChange[]>;
  /** Replaces the title and description (the author's edit). */
  edit(problemId: string, fields: { title: string; description: string }): Promise<void>;
  /** Marks that organisers were told the problem reached the threshold; false if they already were. */
  claimPromotionSuggestion(problemId: string, now: Date): Promise<boolean>;
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

export interface MemberProfile {
  organisation: string;
  organisationOther: string | null;
  profession: string;
  professionOther: string | null;
}

export interface AuditEntry {
  workspaceId: string;
  communityId: string | null;
  actorId: string;
  action: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** Which unique rule a write broke, so the domain can say which field is wrong. */
export type UniqueRule = "name" | "slug" | "channel" | "request" | "occurrence";

export class UniqueViolation extends Error {
  constructor(readonly rule: UniqueRule | "unknown") {
    super(`unique constraint: ${rule}`);
    this.name = "UniqueViolation";
  }
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
  /** Problems still open (not objectives, not closed), oldest first. */
  openProblems(communityId: string, limit: number): Promise<{ items: ProblemSummary[]; total: number }>;
  /** The objectives of these communities, oldest first. */
  objectives(communityIds: string[]): Promise<ObjectiveSummary[]>;
  updateSettings(communityId: string, settings: CommunitySettings): Promise<CommunityRecord>;
}

export interface MembershipStore {
  find(communityId: string, slackUserId: string): Promise<MembershipRecord | null>;
  /** Joins, or re-joins someone who left; keeps an active member's role. `before`: their status until now. */
  join(communityId: string, slackUserId: string, profile: MemberProfile, now: Date): Promise<{ membership: MembershipRecord; before: MembershipStatus | null }>;
  /**
   * Marks the member as left, unless they are the community's last active
   * organiser: checked and written under one lock on the community, so two
   * organisers leaving at once cannot leave it with none.
   */
  leave(communityId: string, slackUserId: string, now: Date): Promise<"left" | "last_organiser" | "not_member">;
  /**
   * Makes an active member an organiser. Like stepDown() and remove(), checked
   * and written under the same lock as leave(); "forbidden": the actor is not
   * (or no longer) an active organiser.
   */
  promote(communityId: string, actorId: string, targetId: string, now: Date): Promise<"promoted" | "already_organiser" | "not_member" | "forbidden">;
  /** An organiser goes back to being a member, unless they are the last organiser. */
  stepDown(communityId: string, slackUserId: string, now: Date): Promise<"stepped_down" | "not_organiser" | "last_organiser">;
  /** Marks an active member removed (an organiser only if another remains). The caller refuses actor === target. */
  remove(communityId: string, actorId: string, targetId: string, now: Date): Promise<"removed" | "not_member" | "last_organiser" | "forbidden">;
  activeMembers(communityId: string): Promise<MembershipRecord[]>;
  /** These people's memberships of the community, whatever their status. */
  findMany(communityId: string, slackUserIds: string[]): Promise<MembershipRecord[]>;
  /** Ids of the communities in the workspace where the user is an active member. */
  activeCommunityIds(workspaceId: string, slackUserId: string): Promise<string[]>;
  /** The user's active memberships in a workspace, with their communities. */
  ofUser(workspaceId: string, slackUserId: string): Promise<Array<{ community: CommunityRecord; membership: MembershipRecord; memberCount: number }>>;
}

export type MeetingStatus = "scheduled" | "cancelled";
export type RsvpAnswer = "going" | "maybe" | "not_going";

/** What an organiser fills in for a meeting (and a series' template for new occurrences). */
export interface MeetingFields {
  title: string;
  durationMinutes: number;
  videoLink: string | null;
  place: string | null;
  agenda: string;
  /** Minutes before the start, largest first. */
  reminderOffsets: number[];
}

export interface MeetingRecord extends MeetingFields {
  id: string;
  communityId: string;
  seriesId: string | null;
  occurrence: number;
  startsAt: Date;
  timezone: string;
  status: MeetingStatus;
  sequence: number;
  createdBy: string;
  announcementChannelId: string | null;
  announcementTs: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
}

export interface SeriesRecord {
  id: string;
  communityId: string;
  rule: RecurrenceRule;
  timezone: string;
  anchorStart: Date;
  anchorIndex: number;
  /** Set when the series was ended: no occurrence after this index. */
  lastIndex: number | null;
  template: MeetingFields;
  createdBy: string;
}

export interface NewMeeting {
  communityId: string;
  fields: MeetingFields;
  startsAt: Date;
  timezone: string;
  createdBy: string;
  createRequestId: string | null;
  now: Date;
}

export interface RsvpTally {
  going: number;
  maybe: number;
  notGoing: number;
  /** Who is going, earliest answer first, at most the limit asked for. */
  goingIds: string[];
}

export interface MeetingStore {
  /**
   * A one-off meeting, or the first occurrence of a series plus the next (when
   * `series` is given, in one transaction). Throws UniqueViolation("request")
   * when the same modal submission already scheduled it.
   */
  schedule(input: NewMeeting, series?: { rule: RecurrenceRule; nextStart: Date | null }): Promise<MeetingRecord[]>;
  findById(meetingId: string): Promise<MeetingRecord | null>;
  findByRequestId(requestId: string): Promise<MeetingRecord[]>;
  series(seriesId: string): Promise<SeriesRecord | null>;
  /** A series' occurrences from an index on, in order. */
  occurrences(seriesId: string, fromIndex: number): Promise<MeetingRecord[]>;
  /** Adds occurrence `occurrence` of a series from its template; null when it already exists. */
  addOccurrence(seriesId: string, occurrence: number, startsAt: Date, now: Date): Promise<MeetingRecord | null>;
  /** Turns a one-off meeting into the first occurrence of a new series. */
  startSeries(meetingId: string, rule: RecurrenceRule, now: Date): Promise<SeriesRecord>;
  updateSeries(seriesId: string, patch: Partial<{ rule: RecurrenceRule; anchorStart: Date; anchorIndex: number; lastIndex: number | null; template: MeetingFields }>): Promise<void>;
  /**
   * Replaces a scheduled meeting's fields and start and moves its SEQUENCE on by
   * one, if its SEQUENCE is still `expectedSequence` (when given); null if not.
   */
  update(meetingId: string, fields: MeetingFields, startsAt: Date, now: Date, expectedSequence?: number): Promise<MeetingRecord | null>;
  /** Cancels it if it is still scheduled (moving SEQUENCE on); false if it was not. */
  cancel(meetingId: string, now: Date): Promise<boolean>;
  setAnnouncement(meetingId: string, channelId: string, ts: string): Promise<void>;
  /** Records or replaces a person's answer. Safe when many answer at once: one row a person. */
  answer(meetingId: string, slackUserId: string, answer: RsvpAnswer, organisation: string | null, now: Date): Promise<void>;
  tally(meetingId: string, goingLimit: number): Promise<RsvpTally>;
  /** The person's answers to these meetings. */
  answersOf(meetingIds: string[], slackUserId: string): Promise<Map<string, RsvpAnswer>>;
  /** Who gave one of these answers, earliest first. */
  respondents(meetingId: string, answers: RsvpAnswer[]): Promise<string[]>;
  /** Scheduled meetings of these communities that end after `after`, soonest first. */
  upcoming(communityIds: string[], after: Date, limit: number): Promise<{ items: MeetingRecord[]; total: number }>;
  /** Series not ended, with their occurrences that end after `after`. */
  liveSeries(after: Date): Promise<Array<{ series: SeriesRecord; ahead: MeetingRecord[]; lastOccurrence: number }>>;
  /** Claims the right to post a meeting's announcement (one replica does); false if a claim younger than the lease holds it. */
  claimAnnouncement(meetingId: string, channelId: string, now: Date, leaseMs: number): Promise<boolean>;
  releaseAnnouncement(meetingId: string): Promise<void>;
  /** One-off meetings still to come that have no announcement and no live claim on one. */
  unannounced(after: Date, claimedBefore: Date, limit: number): Promise<MeetingRecord[]>;
  /** The series' next scheduled occurrence after an index. */
  nextOccurrence(seriesId: string, afterIndex: number): Promise<MeetingRecord | null>;
}

export interface CommunitySettings {
  membersCanSchedule: boolean;
  reminderOffsets: number[];
  problemThreshold: number;
  digest: DigestSchedule;
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

export type OutboxStatus = "pending" | "sent" | "skipped" | "failed";

export interface OutboxRow {
  id: string;
  kind: string;
  target: string;
  communityId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  dueAt: Date;
  availableAt: Date;
  dedupeKey: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  sentAt: Date | null;
}

export interface NewOutboxRow {
  kind: string;
  target: string;
  communityId?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

export interface OutboxStore {
  /**
   * Plans rows whose dedupe keys are new. A key already planned stays as it
   * is (pending, sent or failed), except a skipped one, which is planned again
   * as given (a meeting moved back to its old time). Returns how many became
   * pending. Costs one read when every key is planned already.
   */
  plan(rows: NewOutboxRow[], now: Date): Promise<number>;
  /** Marks the pending rows of these kinds about a subject skipped. */
  skipPending(subjectId: string, kinds: string[], reason: string, now: Date): Promise<number>;
  /**
   * Claims due rows for `owner` until `now + leaseMs`: every due row of up to
   * `targets` targets that no live claim holds (so one replica paces a channel),
   * at most `perTarget` each. Atomic on SQLite and PostgreSQL alike.
   */
  claim(owner: string, now: Date, leaseMs: number, limits: { targets: number; perTarget: number }): Promise<OutboxRow[]>;
  /** The outcome of a claimed row; false when the claim was lost (the lease ran out and another took it). */
  markSent(id: string, owner: string, now: Date): Promise<boolean>;
  markSkipped(id: string, owner: string, reason: string, now: Date): Promise<boolean>;
  markFailed(id: string, owner: string, error: string, now: Date): Promise<boolean>;
  /** Back to pending, to be tried at `availableAt`; `countAttempt` for a failure (not for a rate limit). */
  retryLater(id: string, owner: string, availableAt: Date, error: string, countAttempt: boolean, now: Date): Promise<boolean>;
  /** Gives up claims without trying (the tick ran out of time). */
  release(ids: string[], owner: string): Promise<void>;
  /** The due time of the oldest pending row that is due, if any. */
  oldestDuePending(now: Date): Promise<Date | null>;
  /** How many rows there are of each kind in each status (one grouped query, for metrics). */
  countByKindAndStatus(): Promise<Array<{ kind: string; status: string; count: number }>>;
  /** The last sent row of a kind about a subject. */
  lastSent(kind: string, subjectId: string): Promise<OutboxRow | null>;
  /** The pending rows of a kind due after `after`: what is still planned ahead. */
  pendingAfter(kind: string, after: Date): Promise<Array<{ id: string; subjectId: string | null; dedupeKey: string }>>;
  /** Marks these rows skipped, those still pending. */
  skipRows(ids: string[], reason: string, now: Date): Promise<number>;
}

export interface RunStore {
  /**
   * Records the start of a scheduler fire, or of other work that must run once
   * across replicas (a submitted form); false when another already has it.
   */
  tryStart(fireKey: string, owner: string, now: Date): Promise<boolean>;
  finish(fireKey: string, now: Date): Promise<void>;
  /** Forgets fires older than `before`. */
  prune(before: Date): Promise<void>;
}

/**
 * The reads behind "who is in, who is missing" for several communities at
 * once (App Home): each one grouped query, however many communities or members.
 */
export interface CoverageStore {
  /** Active members per community and organisation as stored (an id, or "other" with the typed name). */
  organisations(communityIds: string[]): Promise<Array<{ communityId: string; organisation: string; organisationOther: string | null; members: number }>>;
  /** Active members per community and profession as stored. */
  professions(communityIds: string[]): Promise<Array<{ communityId: string; profession: string; professionOther: string | null; members: number }>>;
  /** Organisations named on the communities' problems in these statuses, with how many such problems name each. */
  problemOrganisations(communityIds: string[], statuses: ProblemStatus[]): Promise<Array<{ communityId: string; organisation: string; problems: number }>>;
}

export interface DigestProblem {
  id: string;
  title: string;
  votes: number;
  organisations: number;
}

/** The reads a digest needs: each a single query, whatever the size of the community. */
export interface DigestStore {
  newProblems(communityId: string, since: Date, limit: number): Promise<{ items: DigestProblem[]; total: number }>;
  topOpenProblems(communityId: string, limit: number): Promise<DigestProblem[]>;
  newMembers(communityId: string, since: Date, limit: number): Promise<{ items: string[]; total: number }>;
  /** Organisations of members who joined since, that no earlier member came from. */
  newOrganisations(communityId: string, since: Date): Promise<string[]>;
  /** RSVP counts of several meetings in one go. */
  tallies(meetingIds: string[]): Promise<Map<string, { going: number; maybe: number; notGoing: number }>>;
  /** Active members who asked for the digest by DM. */
  dmSubscribers(communityId: string): Promise<string[]>;
  setDigestByDm(communityId: string, slackUserId: string, on: boolean): Promise<boolean>;
  /** Communities whose digest is on, with their schedules. */
  scheduled(): Promise<CommunityRecord[]>;
}

export type InvitationStatus = "pending" | "accepted" | "declined" | "expired" | "undelivered";

export interface InvitationRecord {
  id: string;
  communityId: string;
  inviterId: string;
  inviteeId: string;
  /** The address the inviter typed, when the invitee was found by email. */
  email: string | null;
  message: string;
  status: InvitationStatus;
  requestId: string | null;
  dmChannelId: string | null;
  dmTs: string | null;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface NewInvitation {
  communityId: string;
  inviterId: string;
  inviteeId: string;
  email: string | null;
  message: string;
  requestId: string | null;
}

export interface InvitationStore {
  /**
   * Creates a pending invitation for each person who has none pending for the
   * community. Safe when several people invite the same person at once: one
   * pending invitation a person and community (a unique key), the rest are
   * returned in `alreadyPending`.
   */
  create(rows: NewInvitation[], now: Date): Promise<{ created: InvitationRecord[]; alreadyPending: string[] }>;
  findById(invitationId: string): Promise<InvitationRecord | null>;
  /** The person's pending invitation to the community, if they have one. */
  pendingFor(communityId: string, inviteeId: string): Promise<InvitationRecord | null>;
  /** The invitations one modal submission made (a double-clicked submit is recognised). */
  byRequestId(requestId: string): Promise<InvitationRecord[]>;
  /** Which of these people have a pending invitation to the community. */
  pendingInvitees(communityId: string, slackUserIds: string[]): Promise<string[]>;
  setDm(invitationId: string, channelId: string, ts: string): Promise<void>;
  /** Moves a pending invitation to `to`; false if it was no longer pending (answered, expired). */
  settle(invitationId: string, to: Exclude<InvitationStatus, "pending">, now: Date): Promise<boolean>;
}

/** A sub-group of a community, focused on one area (e.g. user research). */
export interface GroupRecord {
  id: string;
  communityId: string;
  name: string;
  focus: string;
  slackChannelId: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface NewGroup {
  communityId: string;
  name: string;
  nameKey: string;
  focus: string;
  createdBy: string;
  now: Date;
}

export interface GroupStore {
  /** Stores the group with its creator as first member. Throws UniqueViolation("name") when the community has the name. */
  create(input: NewGroup): Promise<GroupRecord>;
  /** Removes a group that never got the channel it was meant to have (its creation failed half-way). */
  discard(groupId: string): Promise<void>;
  setChannel(groupId: string, channelId: string): Promise<GroupRecord>;
  findById(groupId: string): Promise<GroupRecord | null>;
  findByNameKey(communityId: string, nameKey: string): Promise<GroupRecord | null>;
  /** Groups of the workspace's active communities with this name key, in any community. */
  findByNameKeyInWorkspace(workspaceId: string, nameKey: string): Promise<GroupRecord[]>;
  /** Groups of the workspace's active communities that talk in this channel. */
  findByChannel(workspaceId: string, channelId: string): Promise<GroupRecord[]>;
  /** A community's groups, by name. */
  list(communityId: string): Promise<GroupRecord[]>;
  /**
   * Each of the community's groups' members who are still active members of
   * the community, earliest first (someone who left the community drops out).
   */
  members(communityId: string): Promise<Map<string, string[]>>;
  /** False when they were already in it. Safe when one person joins twice at once (one row a person). */
  addMember(groupId: string, slackUserId: string, now: Date): Promise<boolean>;
  /** False when they were not in it. */
  removeMember(groupId: string, slackUserId: string): Promise<boolean>;
}

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
}

export interface Store {
  communities: CommunityStore;
  memberships: MembershipStore;
  problems: ProblemStore;
  meetings: MeetingStore;
  outbox: OutboxStore;
  runs: RunStore;
  digests: DigestStore;
  coverage: CoverageStore;
  groups: GroupStore;
  invitations: InvitationStore;
  audit: AuditStore;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** The migrations this build ships that the database has not applied (empty when it is up to date). */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
