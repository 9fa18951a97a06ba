// How a meeting repeats, and when each of its occurrences starts.
//
// Occurrences keep the wall-clock time of the first meeting in the community's
// time zone, not its UTC time: a 10:00 Europe/London meeting is at 10:00Z in
// winter and 09:00Z in summer. All calendar arithmetic is therefore done on
// plain dates, and only the final local date and time is turned into an instant.
import { DateTime } from "luxon";
import { z } from "zod";
import type { Reason } from "../common/reasons";

export type MonthlyOrdinal = 1 | 2 | 3 | 4 | 5 | -1;

export type RecurrenceRule =
  | { kind: "none" }
  /** Every `intervalWeeks` (1..8) weeks on the first meeting's weekday. */
  | { kind: "weekly"; intervalWeeks: number }
  /** The `ordinal`-th (or last, -1) of the first meeting's weekday, every month or every two months. */
  | { kind: "monthly"; intervalMonths: 1 | 2; ordinal: MonthlyOrdinal };

export const MAX_INTERVAL_WEEKS = 8;

/** The monthly ordinals, in the order a picker offers them. */
export const MONTHLY_ORDINALS: readonly MonthlyOrdinal[] = [1, 2, 3, 4, 5, -1];

// Strict objects, so a stored rule of one kind carrying another kind's fields
// (a sign of a bug or a hand-edited row) is rejected rather than silently trimmed.
export const recurrenceRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("weekly"), intervalWeeks: z.int().min(1).max(MAX_INTERVAL_WEEKS) }),
  z.strictObject({ kind: z.literal("monthly"), intervalMonths: z.literal([1, 2]), ordinal: z.literal([1, 2, 3, 4, 5, -1]) }),
]);

/** The rule as JSON for the database's string column. Throws if the rule is not valid. */
export function serialiseRule(rule: RecurrenceRule): string {
  // Parsing first also fixes the key order, so equal rules are equal strings.
  return JSON.stringify(recurrenceRuleSchema.parse(rule));
}

/** The rule stored by `serialiseRule`. Throws if the text is not JSON or not a valid rule. */
export function deserialiseRule(text: string): RecurrenceRule {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Stored recurrence rule is not JSON: ${JSON.stringify(text)}`);
  }
  const result = recurrenceRuleSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`Stored recurrence rule is not valid: ${JSON.stringify(text)} (${z.prettifyError(result.error)})`);
  }
  return result.data;
}

/** The local date and time of an instant in `zone`. Throws for a zone luxon does not know. */
function localTime(instant: Date, zone: string): DateTime<true> {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid)
    throw new Error(`Cannot read ${instant.toISOString()} in time zone "${zone}": ${local.invalidExplanation ?? local.invalidReason}`);
  return local;
}

/**
 * The instant at which the clocks in `zone` show `date`'s calendar day at
 * `timeOfDay`'s time, following RFC 5545 (3.3.5) so calendar apps agree with us:
 * - a time that does not exist (the spring-forward gap, e.g. 01:30 in London on
 *   the last Sunday of March) is read with the offset before the gap, which moves
 *   it forward by the gap: 01:30 becomes 02:30 BST (luxon's own behaviour);
 * - a time that happens twice (the autumn fall-back, e.g. 01:30 in London on the
 *   last Sunday of October) is the first of the two, in summer time. Luxon alone
 *   would pick whichever offset is in force *today*, so the answer would change
 *   with the date the code runs.
 */
function instantAt(date: DateTime, timeOfDay: DateTime, zone: string): Date {
  const local = DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: timeOfDay.hour,
      minute: timeOfDay.minute,
      second: timeOfDay.second,
      millisecond: timeOfDay.millisecond,
    },
    { zone },
  );
  const earliest = local.getPossibleOffsets().reduce((first, reading) => (reading.toMillis() < first.toMillis() ? reading : first), local);
  return earliest.toJSDate();
}

/** The calendar day of an instant in `zone`, as a zone-free (UTC) date for safe arithmetic. */
function plainDate(local: DateTime): DateTime {
  return DateTime.utc(local.year, local.month, local.day);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day of the month of the `ordinal`-th (or last) `weekday` (1 = Monday), or null when the month has none. */
function ordinalWeekdayOfMonth(year: number, month: number, weekday: number, ordinal: MonthlyOrdinal): number | null {
  const firstWeekdayOfMonth = DateTime.utc(year, month, 1).weekday;
  const firstDay = 1 + ((weekday - firstWeekdayOfMonth + 7) % 7);
  const lastDayOfMonth = daysInMonth(year, month);
  if (ordinal === -1) return firstDay + 7 * Math.floor((lastDayOfMonth - firstDay) / 7);
  const day = firstDay + 7 * (ordinal - 1);
  return day <= lastDayOfMonth ? day : null;
}

/**
 * Which ordinal a date's weekday has in its month, in `zone`: Tuesday 10 March
 * 2026 is the second Tuesday; Tuesday 31 March 2026 the fifth and last.
 */
export function weekdayOrdinal(start: Date, zone: string): { ordinal: 1 | 2 | 3 | 4 | 5; isLast: boolean; weekday: number } {
  const local = localTime(start, zone);
  return {
    ordinal: Math.ceil(local.day / 7) as 1 | 2 | 3 | 4 | 5,
    isLast: local.day + 7 > daysInMonth(local.year, local.month),
    weekday: local.weekday,
  };
}

// Any four consecutive months, and any seven alternate months, hold a fifth of
// every weekday (checked over a 400-year Gregorian cycle), so a search past five
// years without an occurrence can only be a bug; fail rather than loop forever.
const MAX_MONTHS_WITHOUT_OCCURRENCE = 60;

/**
 * The start of the occurrence `steps` after `anchor` (the first meeting; steps 0
 * is the anchor itself), or null for a rule that does not repeat. The time of day
 * in `zone` is the anchor's for every occurrence, so the UTC time moves when the
 * clocks change. For monthly rules, a month without the wanted weekday (say, no
 * fifth Monday) is skipped and does not count as a step. A local time that falls
 * in the spring-forward gap moves forward by the gap (see `instantAt`).
 */
export function occurrenceStart(rule: RecurrenceRule, anchor: Date, zone: string, steps: number): Date | null {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a whole number, 0 or more, not ${steps}`);
  const local = localTime(anchor, zone);
  if (steps === 0) return new Date(anchor.getTime());

  switch (rule.kind) {
    case "none":
      return null;
    case "weekly":
      return instantAt(plainDate(local).plus({ weeks: rule.intervalWeeks * steps }), local, zone);
    case "monthly": {
      const anchorMonth = plainDate(local).startOf("month");
      let found = 0;
      let monthsWithout = 0;
      for (
        let candidate = anchorMonth.plus({ months: rule.intervalMonths });
        ;
        candidate = candidate.plus({ months: rule.intervalMonths })
      ) {
        const day = ordinalWeekdayOfMonth(candidate.year, candidate.month, local.weekday, rule.ordinal);
        if (day === null) {
          monthsWithout += rule.intervalMonths;
          if (monthsWithout > MAX_MONTHS_WITHOUT_OCCURRENCE)
            throw new Error(`No weekday ${local.weekday} number ${rule.ordinal} found after ${candidate.toISODate()}`);
          continue;
        }
        monthsWithout = 0;
        found += 1;
        if (found === steps) return instantAt(candidate.set({ day }), local, zone);
      }
    }
  }
}

/**
 * Null when the first meeting really is the `ordinal`-th (or, for -1, the last)
 * of its weekday in its month, otherwise the reason saying which it is, so a
 * "second Tuesday" series cannot start on a third Tuesday.
 */
export function validateMonthlyOrdinal(anchor: Date, zone: string, ordinal: MonthlyOrdinal): Reason | null {
  const actual = weekdayOrdinal(anchor, zone);
  if (ordinal === -1 ? actual.isLast : actual.ordinal === ordinal) return null;
  return { key: "meeting.ordinal_mismatch", startsAt: anchor, zone, wanted: ordinal, actual: actual.ordinal, isLast: actual.isLast };
}
