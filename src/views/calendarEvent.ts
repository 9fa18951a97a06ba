// A meeting as a calendar event: what its calendar file says, for the Add to
// calendar link (src/web/calendarRoute.ts) and for the invitations emailed to
// members (src/views/email/meetingMail.ts), so both carry the same UID, SEQUENCE
// and words and a calendar that took one recognises the other as the same event.
import type { CalendarMeeting } from "../domain/meetings/calendarFile";
import type { MeetingCard } from "../domain/meetings/meetings";
import { calendarWords } from "../i18n";

/** The UID every calendar file of this meeting carries: stable for the meeting, whatever changes. */
export function calendarUid(meetingId: string): string {
  return `${meetingId}@service-communities`;
}

/**
 * iTIP (RFC 5546) wants an ORGANIZER on a REQUEST or CANCEL, and Outlook may
 * ignore a cancellation without one. The organiser is the community, at the
 * address the bot's emails come from (or a no-reply address on the bot's own
 * host for the link's file): a calendar that replies to it reaches the
 * service's mailbox, not a stranger's.
 */
export function calendarMeeting(card: MeetingCard, organiserAddress: string): CalendarMeeting {
  const { meeting, community } = card;
  const description = calendarWords.description({ agenda: meeting.agenda, videoLink: meeting.videoLink, community: community.name });
  return {
    uid: calendarUid(meeting.id),
    sequence: meeting.sequence,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    description,
    location: [meeting.place, meeting.videoLink].filter(Boolean).join(", ") || null,
    url: meeting.videoLink,
    cancelled: meeting.status === "cancelled",
    organiserName: calendarWords.organiser(community.name),
    organiserEmail: organiserAddress,
  };
}
