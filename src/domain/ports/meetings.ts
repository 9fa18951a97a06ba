// Meetings, series of them, and RSVPs.
import type { RecurrenceRule } from "../meetings/recurrence";

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
  /** A group's meeting; null for the whole community's. */
  groupId: string | null;
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
  groupId: string | null;
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
  /** A group's meeting (and series): the group must be the community's. */
  groupId: string | null;
  fields: MeetingFields;
  /** The journey stages it covers (a series' too): only the community's accepted stages are linked; any other id names nothing. */
  stageIds: string[];
  startsAt: Date;
  timezone: string;
  createdBy: string;
  createRequestId: string | null;
  now: Date;
}

/** What an edit writes to one meeting: as NewMeeting, only the community's accepted stages are linked. */
export interface MeetingUpdate {
  fields: MeetingFields;
  startsAt: Date;
  stageIds: string[];
}

export interface SeriesPatch {
  rule: RecurrenceRule;
  anchorStart: Date;
  anchorIndex: number;
  lastIndex: number | null;
  template: MeetingFields;
  stageIds: string[];
}

export interface RsvpTally {
  going: number;
  maybe: number;
  notGoing: number;
  /** Who is going, earliest answer first, at most the limit asked for. */
  goingIds: string[];
  /** The names of members by email among goingIds (they have no Slack name to mention). */
  goingNames: Readonly<Record<string, string>>;
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
  /** `stageIds` replaces the stages the series' new occurrences cover. */
  updateSeries(seriesId: string, patch: Partial<SeriesPatch>): Promise<void>;
  /**
   * Replaces a scheduled meeting's fields, start and stages, and moves its SEQUENCE
   * on by one, if its SEQUENCE is still `expectedSequence` (when given); null if not.
   */
  update(meetingId: string, change: MeetingUpdate, now: Date, expectedSequence?: number): Promise<MeetingRecord | null>;
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
