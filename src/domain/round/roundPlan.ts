// When a meeting's live-projects round happens, on the community's working days
// (src/domain/meetings/actionDays.ts) and in its time zone:
//   - the questions at 9am, `roundDaysBefore` working days before the meeting's day
//     (3 unless its organisers choose otherwise; 0 turns the round off);
//   - one reminder at 9am on the working day before, to those whose organisation
//     has not answered (only when the questions went on an earlier day);
//   - the post at 3pm on that same working day before: six working hours after the
//     reminder, and in the channel before anyone's meeting day starts, whatever
//     time the meeting is. Answers after it still count in the delivery timeline.
// A meeting scheduled after its question time is asked at once; one scheduled after
// its post time has no round. A group's meeting has a round of its own, at the same
// times, asking the group's members and posting in the group's channel (the
// community's when the group has none).

import { dayIn, wallClock, workingDaysBefore } from "../meetings/actionDays";
import { roundAsk } from "../outbox/roundAsk";
import { roundPost } from "../outbox/roundPost";
import { roundReminder } from "../outbox/roundReminder";
import type { CommunityRecord, GroupRecord, MeetingRecord, NewOutboxRow, Store } from "../ports";

export const ROUND_ASK_HOUR = 9;
export const ROUND_POST_HOUR = 15;
/** The choices organisers have, in working days before the meeting (0: no round). */
export const ROUND_DAYS_CHOICES = [0, 1, 2, 3, 4, 5, 10] as const;
export const DEFAULT_ROUND_DAYS = 3;

/** The round's step kinds, planned again whenever the meeting or the community's settings change. */
export const ROUND_STEP_KINDS = [roundAsk.name, roundReminder.name, roundPost.name];

export interface RoundTimes {
  ask: Date;
  remind: Date;
  post: Date;
}

/** The round's three moments for a meeting starting at `startsAt`. */
export function roundTimes(startsAt: Date, community: Pick<CommunityRecord, "timezone" | "bankHolidays">, daysBefore: number): RoundTimes {
  const zone = community.timezone;
  const day = dayIn(startsAt, zone);
  const dayBefore = workingDaysBefore(day, 1, community.bankHolidays);
  return {
    ask: wallClock(workingDaysBefore(day, daysBefore, community.bankHolidays), zone, ROUND_ASK_HOUR),
    remind: wallClock(dayBefore, zone, ROUND_ASK_HOUR),
    post: wallClock(dayBefore, zone, ROUND_POST_HOUR),
  };
}

/** Where a round's answers are posted: the group's channel for a group's meeting, if it has one; else the community's. */
export function roundChannel(
  community: Pick<CommunityRecord, "slackChannelId">,
  group: Pick<GroupRecord, "slackChannelId"> | null,
): string | null {
  return group?.slackChannelId ?? community.slackChannelId;
}

/**
 * The rows of a meeting's round still ahead of `now`: none for a cancelled meeting, when the
 * round is off, or when there is no channel to post in. `group`: the meeting's group, if any.
 */
export function roundRows(meeting: MeetingRecord, community: CommunityRecord, now: Date, group: GroupRecord | null = null): NewOutboxRow[] {
  const channel = roundChannel(community, group);
  if (meeting.status !== "scheduled" || (meeting.groupId && !group) || !channel || community.roundDaysBefore < 1) return [];
  const times = roundTimes(meeting.startsAt, community, community.roundDaysBefore);
  if (times.post.getTime() <= now.getTime()) return [];
  const askAt = times.ask.getTime() > now.getTime() ? times.ask : now;
  const about = { communityId: community.id, subjectId: meeting.id, payload: { startsAt: meeting.startsAt.toISOString() } };
  const target = `round:${meeting.id}`;
  const rows = [roundAsk.row({ ...about, target, dueAt: askAt, dedupeKey: `round:${meeting.id}:ask` })];
  if (dayIn(times.remind, community.timezone) > dayIn(askAt, community.timezone)) {
    rows.push(roundReminder.row({ ...about, target, dueAt: times.remind, dedupeKey: `round:${meeting.id}:reminder` }));
  }
  rows.push(roundPost.row({ ...about, target: channel, dueAt: times.post, dedupeKey: `round:${meeting.id}:post` }));
  return rows;
}

/**
 * Puts the meeting's round where it now belongs: its steps still to come are skipped and
 * planned again (a skipped key is planned anew with its new time), so a moved meeting
 * moves its round, a cancelled one has none, and a step already done is not done again.
 */
export async function replanRound(store: Store, meeting: MeetingRecord, now: Date, community?: CommunityRecord): Promise<void> {
  const [found, group] = await Promise.all([
    community ?? store.communities.findById(meeting.communityId),
    meeting.groupId ? store.groups.findById(meeting.groupId) : null,
  ]);
  await store.outbox.skipPending(meeting.id, ROUND_STEP_KINDS, "the meeting or its round changed", now);
  if (found) await store.outbox.plan(roundRows(meeting, found, now, group), now);
}
