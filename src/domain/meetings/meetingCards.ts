// What the meeting service hands back: a meeting as its card shows it, what an
// edit or a cancellation did (so the app can tell those who answered), and a
// meeting in someone's own list.
import type {
  AgendaItemRecord,
  CommunityRecord,
  CoveredStage,
  GroupRecord,
  MeetingRecord,
  RsvpAnswer,
  RsvpTally,
  SeriesRecord,
} from "../ports";

export interface MeetingCard {
  meeting: MeetingRecord;
  community: CommunityRecord;
  /** A group's meeting: the group (announced in its channel, when it has one). */
  group: GroupRecord | null;
  tally: RsvpTally;
  series: SeriesRecord | null;
  /** The start of the series' next occurrence after this one, if there is one. */
  nextStart: Date | null;
  /** The journey stages it covers, in journey order. */
  stages: CoveredStage[];
  /** Its agenda's items, in order. */
  agenda: AgendaItemRecord[];
  /** What came out of it, once recorded: how many decisions and actions. */
  outcome: { decisions: number; actions: number } | null;
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

/** Where a meeting is announced: its group's channel for a group with one, else its community's. */
export function announcementChannel(card: Pick<MeetingCard, "community" | "group">): string | null {
  return card.group?.slackChannelId ?? card.community.slackChannelId;
}
