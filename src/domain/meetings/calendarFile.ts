// Calendar (.ics) files for meetings, so people can add them to Outlook, Google
// or Apple calendars. One file per meeting occurrence: the UID stays the same and
// SEQUENCE goes up with each change, which is how calendar apps know to update
// (or, with METHOD:CANCEL, remove) the event they already have.
import { createEvent, type EventAttributes } from "ics";
import { normaliseName } from "../common/text.ts";

export const CALENDAR_PRODUCT_ID = "-//Service Communities//Slack bot//EN";

export interface CalendarMeeting {
  /** Stable for the meeting, e.g. "<meetingId>@service-communities". */
  uid: string;
  /** Goes up with every change. */
  sequence: number;
  title: string;
  /** A UTC instant. */
  startsAt: Date;
  durationMinutes: number;
  /** Agenda etc., plain text. */
  description: string;
  /** Place and/or video link. */
  location?: string | null;
  /** Video link. */
  url?: string | null;
  cancelled: boolean;
  organiserName?: string;
  /**
   * ORGANIZER needs an address (RFC 5545 makes it a cal-address), so the
   * organiser is only written when there is an email; a name alone is dropped.
   */
  organiserEmail?: string | null;
  /**
   * Who the invitation is for (an emailed invitation names its one recipient, so no
   * one's address reaches anyone else): each asked to reply (RSVP=TRUE), with their
   * answer so far as PARTSTAT. None for the file behind the Add to calendar link.
   */
  attendees?: CalendarAttendee[];
}

export type CalendarAnswer = "NEEDS-ACTION" | "ACCEPTED" | "TENTATIVE" | "DECLINED";

export interface CalendarAttendee {
  name: string;
  email: string;
  answer: CalendarAnswer;
}

/**
 * The .ics text for one meeting: times in UTC, DTSTAMP = `stampedAt` (so the
 * output is deterministic), METHOD:REQUEST + STATUS:CONFIRMED, or METHOD:CANCEL +
 * STATUS:CANCELLED for a cancelled meeting. Throws if the `ics` package refuses
 * the meeting (for example a URL it does not accept).
 */
export function calendarFile(meeting: CalendarMeeting, stampedAt: Date): string {
  return calendarFiles(meeting, stampedAt)(meeting.attendees ?? []);
}

/**
 * The meeting's file once, for many invitations that differ only in their ATTENDEE:
 * the `ics` package validates every event it writes (about a millisecond each), which
 * for a meeting emailed to a thousand members would be a second of the dispatcher's.
 */
export function calendarFiles(meeting: Omit<CalendarMeeting, "attendees">, stampedAt: Date): (attendees: CalendarAttendee[]) => string {
  const base = eventWithoutAttendees(meeting, stampedAt);
  const end = base.lastIndexOf("END:VEVENT");
  return (attendees) =>
    attendees.length ? `${base.slice(0, end)}${attendees.map((a) => `${foldLine(attendeeLine(a))}\r\n`).join("")}${base.slice(end)}` : base;
}

/** RSVP=TRUE asks the calendar to answer; PARTSTAT is their answer so far. The address is as stored (normalised), less anything that would break the line. */
function attendeeLine(attendee: CalendarAttendee): string {
  const address = attendee.email.replace(/[\s"<>]/g, "");
  const name = parameterText(attendee.name) || address;
  return `ATTENDEE;RSVP=TRUE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${attendee.answer};CN="${name}":mailto:${address}`;
}

function eventWithoutAttendees(meeting: Omit<CalendarMeeting, "attendees">, stampedAt: Date): string {
  const start = meeting.startsAt.getTime();
  if (!Number.isFinite(start)) throw new RangeError("The meeting has no valid start time.");
  if (!Number.isFinite(stampedAt.getTime())) throw new RangeError("The calendar file needs a valid timestamp.");
  if (!(meeting.durationMinutes > 0)) throw new RangeError(`A meeting must last more than 0 minutes, not ${meeting.durationMinutes}.`);

  const description = plainText(meeting.description);
  const location = plainText(meeting.location ?? "").trim();
  const organiserName = parameterText(meeting.organiserName ?? "");
  // `timestamp` (DTSTAMP) is accepted and validated by ics but missing from its type definitions.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: CALENDAR_PRODUCT_ID,
    method: meeting.cancelled ? "CANCEL" : "REQUEST",
    uid: meeting.uid,
    sequence: meeting.sequence,
    timestamp: stampedAt.getTime(),
    title: normaliseName(plainText(meeting.title)),
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end: start + meeting.durationMinutes * 60_000,
    endInputType: "utc",
    endOutputType: "utc",
    status: meeting.cancelled ? "CANCELLED" : "CONFIRMED",
    description: description.trim() ? description : undefined,
    location: location || undefined,
    url: meeting.url?.trim() || undefined,
    organizer: meeting.organiserEmail ? { name: organiserName || undefined, email: meeting.organiserEmail } : undefined,
  };

  const { error, value } = createEvent(attributes);
  if (error || !value) {
    // ics returns validation failures as a plain copy of yup's error: `message`
    // is only "2 errors occurred", the reasons are in `errors`.
    const reasons = (error as { errors?: unknown } | null)?.errors;
    const message = Array.isArray(reasons) && reasons.length > 0 ? reasons.join("; ") : (error?.message ?? "no output");
    throw new Error(`Could not write the calendar file: ${message}`, { cause: error });
  }
  return refold(value);
}

/**
 * Text as RFC 5545 TEXT allows it: line breaks as "\n" (ics escapes those, but
 * not a lone "\r", which would break the line), no other control characters
 * except tab.
 */
function plainText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this pattern is for.
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/**
 * A parameter value such as ORGANIZER's CN="…": one line, no double quotes. ics
 * writes a quote as \" inside the quoted value, which RFC 5545 does not allow.
 */
function parameterText(text: string): string {
  return normaliseName(plainText(text).replace(/"/g, "'"));
}

// ics folds lines every 75 *characters* (and continues them with a tab), but RFC
// 5545 says 75 *octets*: a line of "é"s or curly quotes would be far longer in
// UTF-8. So its folds are undone and the lines folded again by octets, never
// inside a character.
const MAX_LINE_OCTETS = 75;

function refold(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}

function utf8Length(character: string): number {
  const codePoint = character.codePointAt(0)!;
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = "";
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > (pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1)) {
      pieces.push(piece);
      piece = "";
      octets = 0;
    }
    piece += character;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join("\r\n ");
}

/** The index of the colon that ends a content line's name and parameters (colons inside quoted parameter values do not count). */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ":" && !quoted) return i;
  }
  return -1;
}

/**
 * The properties of an .ics text by upper-case name (first occurrence wins, so
 * "BEGIN" is "VCALENDAR"), with folded lines joined again. Values are as written,
 * still escaped ("a\, b"; see `unescapeText`), and parameters are dropped:
 * `ORGANIZER;CN="Ann":mailto:ann@example.com` gives ORGANIZER = "mailto:ann@example.com".
 * For tests that check a file field by field.
 */
export function parseCalendarFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/)) {
    const colon = valueStart(line);
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(";")[0].toUpperCase();
    if (!Object.hasOwn(fields, name)) fields[name] = line.slice(colon + 1);
  }
  return fields;
}

/** A TEXT value without its escapes: "a\, b\nc" -> "a, b" and a line break and "c". */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, escaped: string) => (escaped === "n" || escaped === "N" ? "\n" : escaped));
}
