// English: the words for the domain's fixed vocabularies, as the views show them.
import { DateTime } from "luxon";
import type { MeetingNote } from "../../domain/meetings/meetingDraft";
import type { MonthlyOrdinal, RecurrenceRule } from "../../domain/meetings/recurrence";

/** ISO weekdays: 1 is Monday. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** "first" … "fifth", "last": a monthly meeting's weekday in its month. */
export const ORDINAL_WORDS: Readonly<Record<MonthlyOrdinal, string>> = {
  1: "first",
  2: "second",
  3: "third",
  4: "fourth",
  5: "fifth",
  [-1]: "last",
};

/** The rule in words for Slack: "Every 3 weeks on Tuesday", "Monthly on the last Friday". */
export function describeRule(rule: RecurrenceRule, anchor: Date, zone: string): string {
  if (rule.kind === "none") return "Does not repeat";
  const weekday = DateTime.fromJSDate(anchor, { zone }).setLocale("en-GB").toFormat("cccc");
  if (rule.kind === "weekly") {
    return rule.intervalWeeks === 1 ? `Every week on ${weekday}` : `Every ${rule.intervalWeeks} weeks on ${weekday}`;
  }
  const every = rule.intervalMonths === 1 ? "Monthly" : "Every two months";
  const skipped = rule.ordinal === 5 ? " (months without one are skipped)" : "";
  return `${every} on the ${ORDINAL_WORDS[rule.ordinal]} ${weekday}${skipped}`;
}

export function meetingNote(note: MeetingNote): string {
  return `Months without a fifth ${WEEKDAYS[note.weekday - 1]} are skipped. Choose “last” instead to meet every month.`;
}
