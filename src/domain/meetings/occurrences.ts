// A series' occurrences: when a meeting has ended, and keeping each series
// one occurrence ahead (its occurrences are rows, made as they come due).
import type { MeetingRecord, Store } from "../ports";
import { occurrenceStart } from "./recurrence";
import { replanMeeting } from "./reminders";

function endsAt(meeting: { startsAt: Date; durationMinutes: number }): Date {
  return new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
}

export function hasEnded(meeting: { startsAt: Date; durationMinutes: number }, now: Date): boolean {
  return endsAt(meeting).getTime() <= now.getTime();
}

/**
 * Keeps every series one occurrence ahead: the current (next scheduled
 * occurrence that has not ended) and the one after exist. Returns the current
 * occurrences, which the app announces if nobody has yet. Safe to run on
 * every replica: an occurrence is one row under a unique key.
 */
export async function rollSeries(store: Store, now: Date, seriesId?: string): Promise<MeetingRecord[]> {
  const live = await store.meetings.liveSeries(now);
  const current: MeetingRecord[] = [];
  for (const { series, ahead, lastOccurrence } of live) {
    if (seriesId && series.id !== seriesId) continue;
    const scheduled = ahead.filter((m) => m.status === "scheduled");
    let last = lastOccurrence;
    // Bounded: after a long outage, occurrences that have already ended are skipped, not made.
    for (let guard = 0; scheduled.length < 2 && guard < 60; guard++) {
      const next = last + 1;
      if (series.lastIndex !== null && next > series.lastIndex) break;
      if (next < series.anchorIndex) break;
      const startsAt = occurrenceStart(series.rule, series.anchorStart, series.timezone, next - series.anchorIndex);
      if (!startsAt) break;
      last = next;
      if (hasEnded({ startsAt, durationMinutes: series.template.durationMinutes }, now)) continue;
      const added = await store.meetings.addOccurrence(series.id, next, startsAt, now);
      // Another replica made it at the same moment; it carries on from there.
      if (!added) break;
      await replanMeeting(store, added, now);
      scheduled.push(added);
    }
    if (scheduled[0]) current.push(scheduled[0]);
  }
  return current.filter((m) => !m.announcementTs);
}
