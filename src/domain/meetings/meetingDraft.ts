// Checks what someone typed into the meeting modal. Every problem is reported at
// once, per field. Field keys: title, start, duration, videoLink, place, agenda,
// recurrence, ordinal, reminders. The stages it covers need no check here: the
// store links only the community's accepted stages.
import { DateTime } from "luxon";
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, normaliseName } from "../common/text";
import { isValidTimezone } from "../common/timezones";
import type { MeetingFields } from "../ports";
import { type RecurrenceRule, validateMonthlyOrdinal, weekdayOrdinal } from "./recurrence";

/** The picker's plausible range, in Unix seconds (2000 to 2100). */
const EARLIEST_START = 946_684_800;
const LATEST_START = 4_102_444_800;

export const MEETING_LIMITS = {
  titleMax: 150,
  linkMax: 1000,
  placeMax: 200,
  agendaMax: 2000,
  /** Slack's multi-select holds at most 100 choices; a journey has fewer stages. */
  stagesMax: 100,
  minDuration: 30,
  maxDuration: 240,
  maxIntervalWeeks: 8,
} as const;

/** The durations the modal offers, in minutes. */
export const DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240] as const;
export const DEFAULT_DURATION = 60;

/** The reminders a meeting can have, in minutes before it starts, largest first. */
export const REMINDER_OFFSETS = [10080, 1440, 60] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];
export const DEFAULT_REMINDER_OFFSETS = [10080, 1440, 60];

export function isReminderOffset(minutes: number): minutes is ReminderOffset {
  return (REMINDER_OFFSETS as readonly number[]).includes(minutes);
}

/**
 * The recurrence choices, as the modal's option values: "none", "weekly:<N>",
 * "monthly:1" (monthly on the same weekday) and "monthly:2" (every two months).
 * Each is a rule without its start (a monthly rule's ordinal comes from it).
 */
export const RECURRENCE_CHOICES: ReadonlyArray<{ value: string; rule: RecurrenceChoiceRule }> = [
  { value: "none", rule: { kind: "none" } },
  ...Array.from({ length: MEETING_LIMITS.maxIntervalWeeks }, (_, i) => ({
    value: `weekly:${i + 1}`,
    rule: { kind: "weekly" as const, intervalWeeks: i + 1 },
  })),
  { value: "monthly:1", rule: { kind: "monthly", intervalMonths: 1 } },
  { value: "monthly:2", rule: { kind: "monthly", intervalMonths: 2 } },
];

/** A recurrence choice: a rule without the ordinal a monthly rule takes from its start. */
export type RecurrenceChoiceRule =
  | { kind: "none" }
  | { kind: "weekly"; intervalWeeks: number }
  | { kind: "monthly"; intervalMonths: 1 | 2 };

export function recurrenceChoice(rule: RecurrenceRule): string {
  if (rule.kind === "weekly") return `weekly:${rule.intervalWeeks}`;
  if (rule.kind === "monthly") return `monthly:${rule.intervalMonths}`;
  return "none";
}

export interface MeetingDraftInput {
  title?: string | null;
  /** The datetimepicker's value: Unix seconds, as the picker read the wall time in the user's zone. */
  start?: string | null;
  duration?: string | null;
  videoLink?: string | null;
  place?: string | null;
  agenda?: string | null;
  recurrence?: string | null;
  /** "1".."5" or "-1" (last); empty means "the start date's own". */
  ordinal?: string | null;
  reminders?: string[] | null;
  /** The journey stages it covers (stage ids). */
  stageIds?: string[] | null;
}

export interface MeetingDraftContext {
  /** The community's zone: the start's wall time is read in it. */
  zone: string;
  /** The zone the person's Slack client showed the picker in (users.info tz). */
  pickerZone: string;
  now: Date;
  /** When editing: the meeting's start, which may stay as it is even if it has passed. */
  currentStart?: Date;
}

export interface MeetingDraft {
  fields: MeetingFields;
  startsAt: Date;
  rule: RecurrenceRule;
  /** The journey stages it covers, as chosen (the store keeps only the community's accepted ones). */
  stageIds: string[];
  /** Something to tell the organiser about the rule, e.g. that months without a fifth Monday are skipped. */
  note: MeetingNote | null;
}

/** What the organiser is told about a rule they chose: a fifth weekday (ISO 1 = Monday) is missing from some months. */
export type MeetingNote = { kind: "fifth_weekday_skipped"; weekday: number };

/**
 * The datetimepicker returns an instant computed from the wall time the person
 * picked in their own zone. The meeting means that wall time in the community's
 * zone, so the picker's wall time is moved across.
 */
export function startFromPicker(seconds: number, pickerZone: string, zone: string): Date {
  const picked = DateTime.fromSeconds(seconds, { zone: pickerZone });
  const { year, month, day, hour, minute } = picked;
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toJSDate();
}

/** The reverse, to prefill the picker with a meeting's start. */
export function pickerFromStart(start: Date, zone: string, pickerZone: string): number {
  const local = DateTime.fromJSDate(start, { zone });
  const { year, month, day, hour, minute } = local;
  return Math.floor(DateTime.fromObject({ year, month, day, hour, minute }, { zone: pickerZone }).toSeconds());
}

/** A https:// link, or null. Meeting links carry people into calls, so plain http is refused. */
function parseHttpsLink(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol === "https:" && url.hostname.includes(".")) return url.toString().replace(/\|/g, "%7C");
  } catch {
    // not a URL
  }
  return null;
}

export function checkMeetingDraft(input: MeetingDraftInput, ctx: MeetingDraftContext, errors: FieldErrors = {}): MeetingDraft {
  const title = normaliseName(input.title ?? "");
  if (!title) errors.title = { key: "meeting.title_missing" };
  else if (title.length > MEETING_LIMITS.titleMax)
    errors.title = { key: "meeting.title_too_long", max: MEETING_LIMITS.titleMax, length: title.length };

  let startsAt: Date | null = null;
  const seconds = Number(input.start);
  // The picker's value and zone arrive in a request anyone could forge: out of range is "no start".
  if (!input.start || !Number.isFinite(seconds) || seconds < EARLIEST_START || seconds > LATEST_START)
    errors.start = { key: "meeting.start_missing" };
  else {
    startsAt = startFromPicker(seconds, isValidTimezone(ctx.pickerZone) ? ctx.pickerZone : ctx.zone, ctx.zone);
    const unchanged = ctx.currentStart && ctx.currentStart.getTime() === startsAt.getTime();
    if (!unchanged && startsAt.getTime() <= ctx.now.getTime()) errors.start = { key: "meeting.start_passed", startsAt, zone: ctx.zone };
  }

  const duration = Number(input.duration ?? DEFAULT_DURATION);
  if (!Number.isInteger(duration) || duration < MEETING_LIMITS.minDuration || duration > MEETING_LIMITS.maxDuration) {
    errors.duration = { key: "meeting.duration" };
  }

  const rawLink = cleanText(input.videoLink ?? "", "line").trim();
  const videoLink = rawLink && rawLink.length <= MEETING_LIMITS.linkMax ? parseHttpsLink(rawLink) : null;
  if (rawLink.length > MEETING_LIMITS.linkMax) errors.videoLink = { key: "meeting.link_too_long", max: MEETING_LIMITS.linkMax };
  else if (rawLink && !videoLink) errors.videoLink = { key: "meeting.link_not_https" };
  const place = normaliseName(input.place ?? "") || null;
  if (place && place.length > MEETING_LIMITS.placeMax) errors.place = { key: "meeting.place_too_long", max: MEETING_LIMITS.placeMax };
  if (!rawLink && !place) errors.videoLink = { key: "meeting.where_missing" };

  const agenda = cleanText(input.agenda ?? "", "lines").trim();
  if (agenda.length > MEETING_LIMITS.agendaMax)
    errors.agenda = { key: "meeting.agenda_too_long", max: MEETING_LIMITS.agendaMax, length: agenda.length };

  const reminders = [...new Set((input.reminders ?? []).map(Number))];
  if (!reminders.every(isReminderOffset)) errors.reminders = { key: "reminders.from_list" };

  const { rule, note } = checkRule(input, startsAt, ctx.zone, errors);

  if (Object.keys(errors).length || !startsAt) throw new ValidationError(errors);
  return {
    fields: { title, durationMinutes: duration, videoLink, place, agenda, reminderOffsets: reminders.sort((a, b) => b - a) },
    startsAt,
    rule,
    stageIds: [...new Set(input.stageIds ?? [])].slice(0, MEETING_LIMITS.stagesMax),
    note,
  };
}

function checkRule(
  input: MeetingDraftInput,
  startsAt: Date | null,
  zone: string,
  errors: FieldErrors,
): { rule: RecurrenceRule; note: MeetingNote | null } {
  const choice = input.recurrence || "none";
  const none = { rule: { kind: "none" } as RecurrenceRule, note: null };
  if (choice === "none") return none;
  const weekly = /^weekly:(\d+)$/.exec(choice);
  if (weekly) {
    const intervalWeeks = Number(weekly[1]);
    if (intervalWeeks >= 1 && intervalWeeks <= MEETING_LIMITS.maxIntervalWeeks)
      return { rule: { kind: "weekly", intervalWeeks }, note: null };
  }
  const monthly = /^monthly:([12])$/.exec(choice);
  if (!monthly) {
    errors.recurrence = { key: "meeting.recurrence" };
    return none;
  }
  const intervalMonths = Number(monthly[1]) as 1 | 2;
  if (!startsAt) return none; // the start's own error explains
  const own = weekdayOrdinal(startsAt, zone);
  let ordinal: 1 | 2 | 3 | 4 | 5 | -1 = own.ordinal;
  if (input.ordinal) {
    const wanted = Number(input.ordinal);
    if (![1, 2, 3, 4, 5, -1].includes(wanted)) {
      errors.ordinal = { key: "meeting.ordinal" };
      return none;
    }
    const problem = validateMonthlyOrdinal(startsAt, zone, wanted as 1 | 2 | 3 | 4 | 5 | -1);
    if (problem) {
      errors.ordinal = problem;
      return none;
    }
    ordinal = wanted as 1 | 2 | 3 | 4 | 5 | -1;
  }
  const note: MeetingNote | null =
    ordinal === 5 ? { kind: "fifth_weekday_skipped", weekday: DateTime.fromJSDate(startsAt, { zone }).weekday } : null;
  return { rule: { kind: "monthly", intervalMonths, ordinal }, note };
}
