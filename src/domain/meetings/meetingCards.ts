// What the meeting service hands back: a meeting as its card shows it, what an
// edit or a cancellation did (so the app can tell those who answered), and a
// meeting in someone's own list.
import type { CommunityRecord, CoveredStage, MeetingRecord, RsvpAnswer, RsvpTally, SeriesRecord } from "../ports";

export interface MeetingCard {
  meeting: MeetingRecord;
  community: CommunityRecord;
  tally: RsvpTally;
  series: SeriesRecord | null;
  /** The start of the series' next occurrence after this one, if there is one. */
  nextStart: Date | null;
  /** The journey stages it covers, in journey order. */
  stages: CoveredStage[];
}

/** What a change did, so the app can tell those who answered. */
export interface MeetingChange {
  before: MeetingRecord;
  after: MeetingRecord;
  /** Those who answered Going or Maybe (they get the change and a new calendar file). */
  tell: string[];
}

export interface Cancellation {
  meeting: MeetingRecord;
  /** Everyone who answered. */
  tell: string[];
}

export interface UpcomingMeeting {
  card: MeetingCard;
  answer: RsvpAnswer | null;
}
