// A meeting by email: its invitation, a change, its cancellation and reminders,
// as EmailDocuments (document.ts renders them), and each as services.mail.plan
// takes it for one member: through memberEmailToSend (bulk.ts: the footer's
// unsubscribe link, List-Unsubscribe and Reply-To), with the calendar part where
// the carrier takes one, the consent it needs and its dedupe key.
//
// The calendar part is a real iTIP invitation (RFC 5546): METHOD:REQUEST with the
// meeting's stable UID and its SEQUENCE, then a higher SEQUENCE for a change, and
// METHOD:CANCEL for a cancellation, so Outlook and Google Calendar add, move and
// remove the event themselves. Each email names only its own recipient as
// ATTENDEE, so no one sees another member's address. With Notify, which cannot
// attach it, the body links to the calendar file and the answer page instead.
import type { PlannedEmail } from "../../domain/mail/mail";
import { type CalendarAnswer, type CalendarAttendee, calendarFiles } from "../../domain/meetings/calendarFile";
import { type MeetingEmailRecipient, meetingEmailKey, reminderEmailKey } from "../../domain/meetings/meetingMail";
import type { MeetingCard } from "../../domain/meetings/meetings";
import type { RsvpAnswer } from "../../domain/ports";
import { webFormWords, meetingEmailWords as words } from "../../i18n";
import { calendarMeeting } from "../calendarEvent";
import { meetingTimeText } from "../meetingCard";
import { timeLeftText } from "../reminders";
import { type MemberLinks, memberEmailToSend, memberFooter } from "./bulk";
import type { EmailDocument, EmailPart } from "./document";

/** The links in a meeting email: to answer it on the web, its calendar file, and the member's email settings. */
export interface MeetingEmailLinks extends MemberLinks {
  answerUrl: string;
  calendarUrl: string;
}

/** At most this many agenda items are listed; the rest are on the meeting's page. */
const AGENDA_ITEMS = 20;

function meetingFacts(card: MeetingCard): EmailPart[] {
  const { meeting } = card;
  const facts = [words.when(meetingTimeText(meeting))];
  if (meeting.place) facts.push(words.where(meeting.place));
  const parts: EmailPart[] = [{ kind: "list", items: facts }];
  if (meeting.videoLink) parts.push({ kind: "link", text: words.joinCall, href: meeting.videoLink });
  const items = (card.agenda ?? []).slice(0, AGENDA_ITEMS).map((item) => item.title);
  if (items.length) parts.push({ kind: "heading", text: words.agendaHeading }, { kind: "list", items });
  else if (meeting.agenda) parts.push({ kind: "heading", text: words.agendaHeading }, { kind: "paragraph", text: meeting.agenda });
  return parts;
}

export type MeetingEmailKind = "invitation" | "update" | "cancellation";

/** A meeting, as a member first hears of it by email, when it changes, and when it is cancelled. */
export function meetingEmail(input: {
  card: MeetingCard;
  kind: MeetingEmailKind;
  links: MeetingEmailLinks;
  /** Whether the email carries the calendar part (SMTP, files) or must link to the calendar file (Notify). */
  calendarAttached: boolean;
  answered?: boolean;
}): EmailDocument {
  const { card, links } = input;
  const { meeting, community } = card;
  const when = meetingTimeText(meeting);
  if (input.kind === "cancellation") {
    return {
      subject: words.subject.cancellation(meeting.title, when),
      parts: [
        { kind: "paragraph", text: words.cancellationIntro(meeting.title, when) },
        { kind: "paragraph", text: input.calendarAttached ? words.attachedCancellation : words.removeByHand },
        memberFooter(community, links, words.why.invited),
      ],
    };
  }
  const changed = input.kind === "update";
  return {
    subject: changed ? words.subject.update(meeting.title, when) : words.subject.invitation(meeting.title, when),
    parts: [
      {
        kind: "paragraph",
        text: changed ? words.updateIntro(community.name, meeting.title) : words.invitationIntro(community.name, meeting.title),
      },
      ...meetingFacts(card),
      { kind: "heading", text: words.answerHeading },
      { kind: "link", text: words.answerLink(input.answered ?? false), href: links.answerUrl },
      ...(input.calendarAttached
        ? [{ kind: "paragraph" as const, text: changed ? words.attachedUpdate : words.attachedInvitation }]
        : [{ kind: "link" as const, text: words.calendarLink, href: links.calendarUrl }]),
      memberFooter(community, links, words.why.meetings),
    ],
  };
}

/** A reminder before a meeting, with how long is left and the answer the member gave so far. */
export function reminderEmail(input: { card: MeetingCard; answer: RsvpAnswer | null; links: MeetingEmailLinks; now: Date }): EmailDocument {
  const { card, answer, links } = input;
  const { meeting, community } = card;
  const left = timeLeftText(meeting.startsAt, input.now);
  return {
    subject: words.subject.reminder(meeting.title, meetingTimeText(meeting)),
    parts: [
      {
        kind: "paragraph",
        text: words.reminderIntro(community.name, meeting.title, left, answer ? webFormWords.rsvpAnswers[answer] : null),
      },
      ...meetingFacts(card),
      { kind: "link", text: words.answerLink(answer !== null), href: links.answerUrl },
      { kind: "link", text: words.calendarLink, href: links.calendarUrl },
      memberFooter(community, links, words.why.reminders),
    ],
  };
}

const PARTSTAT: Record<RsvpAnswer, CalendarAnswer> = { going: "ACCEPTED", maybe: "TENTATIVE", not_going: "DECLINED" };

/** What the email views need besides the meeting and the member: from the services, at the time it is written. */
export interface MeetingMailContext {
  links: MeetingEmailLinks;
  /** The meeting's calendar file for one attendee (calendarInvitations), or null where the carrier takes none (Notify). */
  calendar: ((attendee: CalendarAttendee) => string) | null;
}

/**
 * The meeting's calendar file, written once and named for each attendee in turn.
 * `organiserAddress`: the ORGANIZER (the address emails come from); `now`: DTSTAMP.
 */
export function calendarInvitations(card: MeetingCard, organiserAddress: string, now: Date): (attendee: CalendarAttendee) => string {
  const files = calendarFiles(calendarMeeting(card, organiserAddress), now);
  return (attendee) => files([attendee]);
}

/** One member's invitation, update or cancellation, as services.mail.plan takes it. */
export function meetingEmailToSend(
  card: MeetingCard,
  recipient: MeetingEmailRecipient,
  method: "REQUEST" | "CANCEL",
  context: MeetingMailContext,
): PlannedEmail {
  const { meeting, community } = card;
  const kind: MeetingEmailKind = method === "CANCEL" ? "cancellation" : recipient.invitedBefore ? "update" : "invitation";
  const doc = meetingEmail({
    card,
    kind,
    links: context.links,
    calendarAttached: context.calendar !== null,
    answered: recipient.answer !== null,
  });
  const attendee: CalendarAttendee = {
    name: recipient.name ?? recipient.address,
    email: recipient.address,
    answer: recipient.answer ? PARTSTAT[recipient.answer] : "NEEDS-ACTION",
  };
  return memberEmailToSend({
    community,
    to: { address: recipient.address },
    doc,
    links: context.links,
    purpose: "meeting",
    // A cancellation goes to everyone who was sent the invitation, whatever they chose since: it only takes out what we put in.
    consent: method === "CANCEL" ? null : "meetings",
    calendar: context.calendar ? { method, ics: context.calendar(attendee) } : undefined,
    subjectId: meeting.id,
    dedupeKey: meetingEmailKey(meeting.id, meeting.sequence, recipient.address),
  });
}

/** One member's reminder, keyed by the reminder (meeting, offset and start) and the address. */
export function reminderEmailToSend(
  card: MeetingCard,
  recipient: MeetingEmailRecipient,
  reminder: { offset: number; startsAt: string },
  context: { links: MeetingEmailLinks; now: Date },
): PlannedEmail {
  const { meeting, community } = card;
  const doc = reminderEmail({ card, answer: recipient.answer, links: context.links, now: context.now });
  return memberEmailToSend({
    community,
    to: { address: recipient.address },
    doc,
    links: context.links,
    purpose: "reminder",
    consent: "reminders",
    subjectId: meeting.id,
    dedupeKey: reminderEmailKey(meeting.id, reminder, recipient.address),
  });
}
