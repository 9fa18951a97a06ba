// Meeting reminders: planned when a meeting is scheduled, moved or cancelled.
// One row a meeting and offset; when it falls due it becomes one DM for each
// person then going or maybe (and a note in the channel at the 1-day mark),
// so whoever answers late is still reminded and whoever changed their mind is not.
import { isEmailPerson } from "../members/people";
import { email, kindsAbout } from "../outbox";
import { meetingEmail } from "../outbox/meetingEmail";
import { meetingReminder, type ReminderPayload } from "../outbox/meetingReminder";
import { reminderDm } from "../outbox/reminderDm";
import { reminderNote } from "../outbox/reminderNote";
import type { MeetingRecord, NewOutboxRow, Store } from "../ports";
import { replanRound } from "../round/roundPlan";

/** The reminder whose due time also brings a note in the channel. */
export const CHANNEL_NOTE_OFFSET = 1440;

function reminderKey(meeting: MeetingRecord, offset: number): string {
  return `reminder:${meeting.id}:${offset}:${meeting.startsAt.toISOString()}`;
}

/** The rows for a meeting's reminders that are still ahead of `now`. */
export function reminderRows(meeting: MeetingRecord, now: Date): NewOutboxRow[] {
  if (meeting.status !== "scheduled") return [];
  return meeting.reminderOffsets
    .map((offset) => ({ offset, dueAt: new Date(meeting.startsAt.getTime() - offset * 60_000) }))
    .filter(({ dueAt }) => dueAt.getTime() > now.getTime())
    .map(({ offset, dueAt }) =>
      meetingReminder.row({
        // Not a Slack target: this row sends nothing itself, it becomes the DMs.
        target: `meeting:${meeting.id}`,
        communityId: meeting.communityId,
        subjectId: meeting.id,
        payload: { offset, startsAt: meeting.startsAt.toISOString() },
        dueAt,
        dedupeKey: reminderKey(meeting, offset),
      }),
    );
}

/**
 * The row that becomes the meeting's emails at its current SEQUENCE (see
 * src/domain/outbox/meetingEmail.ts), in a community where anyone has an address.
 */
async function meetingEmailRows(store: Store, meeting: MeetingRecord, now: Date): Promise<NewOutboxRow[]> {
  if (!(await store.memberships.anyWithEmail(meeting.communityId))) return [];
  return [
    meetingEmail.row({
      target: `meeting:${meeting.id}`,
      communityId: meeting.communityId,
      subjectId: meeting.id,
      payload: { sequence: meeting.sequence },
      dueAt: now,
      dedupeKey: `meeting-email:${meeting.id}:${meeting.sequence}`,
    }),
  ];
}

/** How many of a community's coming meetings someone who starts getting meeting emails is invited to. */
const CATCH_UP_MEETINGS = 20;

/**
 * Someone began to get the community's meeting emails (they joined with an address, or turned
 * meeting emails on): the invitations to its coming meetings, theirs alone. Their own key per
 * meeting and SEQUENCE, so joining twice invites once; an email already sent to them at that
 * SEQUENCE is not sent again (its own key holds).
 */
export async function planMeetingEmailsFor(store: Store, communityId: string, personId: string, now: Date): Promise<number> {
  const { items } = await store.meetings.upcoming([communityId], now, CATCH_UP_MEETINGS);
  const rows = items.map((meeting) =>
    meetingEmail.row({
      target: `meeting:${meeting.id}`,
      communityId,
      subjectId: meeting.id,
      payload: { sequence: meeting.sequence, for: personId },
      dueAt: now,
      dedupeKey: `meeting-email:${meeting.id}:${meeting.sequence}:${personId}`,
    }),
  );
  return store.outbox.plan(rows, now);
}

/**
 * A meeting was scheduled, changed or cancelled: its pending reminders are replaced
 * with those for its current time (none once cancelled), and its emails not yet
 * sent (an invitation or reminder of the version before) give way to the emails of
 * this version: an invitation or update, or the cancellation.
 */
export async function replanMeeting(store: Store, meeting: MeetingRecord, now: Date): Promise<void> {
  const reason = meeting.status === "cancelled" ? "the meeting was cancelled" : "the meeting changed";
  await store.outbox.skipPending(meeting.id, [...kindsAbout("meeting"), email.name], reason, now);
  await store.outbox.plan([...reminderRows(meeting, now), ...(await meetingEmailRows(store, meeting, now))], now);
  // The live-projects round moves with the meeting too.
  await replanRound(store, meeting, now);
}

/** The DM and channel-note rows a due reminder becomes. */
export function reminderDeliveries(
  meeting: MeetingRecord,
  payload: ReminderPayload,
  recipients: string[],
  channelId: string | null,
  now: Date,
): NewOutboxRow[] {
  const base = `reminder:${meeting.id}:${payload.offset}:${payload.startsAt}`;
  const about = { communityId: meeting.communityId, subjectId: meeting.id, payload, dueAt: now };
  // A member by email has no Slack DM: their reminder goes by email (their email settings), not here.
  const rows = recipients
    .filter((user) => !isEmailPerson(user))
    .map((user) => reminderDm.row({ ...about, target: user, dedupeKey: `${base}:dm:${user}` }));
  if (channelId && payload.offset === CHANNEL_NOTE_OFFSET)
    rows.push(reminderNote.row({ ...about, target: channelId, dedupeKey: `${base}:note` }));
  return rows;
}

/**
 * Why a reminder should not go now, or null if it should: the meeting is
 * cancelled, has moved, has started, or a later reminder is already due
 * (after an outage, one reminder, not three at once).
 */
export function reminderObsolete(meeting: MeetingRecord | null, payload: ReminderPayload, now: Date): string | null {
  if (!meeting) return "the meeting no longer exists";
  if (meeting.status === "cancelled") return "the meeting was cancelled";
  if (meeting.startsAt.toISOString() !== payload.startsAt) return "the meeting moved";
  if (meeting.startsAt.getTime() <= now.getTime()) return "the meeting has started";
  const laterDue = meeting.reminderOffsets.some((o) => o < payload.offset && meeting.startsAt.getTime() - o * 60_000 <= now.getTime());
  if (laterDue) return "a later reminder is due";
  return null;
}
