// English: the words for the domain's data (its fixed vocabularies, schedules
// and rules), as the views show them.
import { DateTime } from "luxon";
import type { ContactMethodKind, MeetingCadence } from "../../domain/common/vocabulary";
import type { GroupChannelChoiceKind } from "../../domain/groups/groupDraft";
import type { MeetingNote, RecurrenceChoiceRule, ReminderOffset } from "../../domain/meetings/meetingDraft";
import type { MonthlyOrdinal, RecurrenceRule } from "../../domain/meetings/recurrence";
import type { DigestSchedule, ProjectState } from "../../domain/ports";
import type { Division } from "../../reference/bankHolidays";
import type { Labels } from "../catalogue";
import { wallClock, zoneName } from "./dates";

/** ISO weekdays: 1 is Monday. */
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const ORDINALS: Readonly<Record<MonthlyOrdinal, string>> = {
  1: "first",
  2: "second",
  3: "third",
  4: "fourth",
  5: "fifth",
  [-1]: "last",
};

const CADENCES: Readonly<Record<MeetingCadence, string>> = {
  monthly: "Monthly",
  every_two_months: "Every two months",
  quarterly: "Quarterly",
  as_needed: "As needed",
};

const CONTACT_METHODS: Readonly<Record<ContactMethodKind, { label: string; linkHint: string }>> = {
  slack_channel: { label: "Slack channel", linkHint: "" },
  mailing_list: { label: "Mailing list", linkHint: "A sign-up link or the list's email address" },
  regular_calls: { label: "Regular calls", linkHint: "A meeting link, for example from Teams or Google Meet" },
  trello: { label: "Trello", linkHint: "The board's link" },
};

const REMINDER_OFFSETS: Readonly<Record<ReminderOffset, string>> = { 10080: "1 week before", 1440: "1 day before", 60: "1 hour before" };

const GROUP_CHANNEL_CHOICES: Readonly<Record<GroupChannelChoiceKind, string>> = {
  none: "No channel",
  new: "Create a new channel",
  existing: "Link an existing channel",
};

function recurrenceChoice(rule: RecurrenceChoiceRule): string {
  if (rule.kind === "none") return "Does not repeat";
  if (rule.kind === "weekly") return rule.intervalWeeks === 1 ? "Every week" : `Every ${rule.intervalWeeks} weeks`;
  return rule.intervalMonths === 1 ? "Monthly on the same weekday, for example the second Tuesday" : "Every two months on the same weekday";
}

function describeRule(rule: RecurrenceRule, anchor: Date, zone: string): string {
  if (rule.kind === "none") return "Does not repeat";
  const weekday = DateTime.fromJSDate(anchor, { zone }).setLocale("en-GB").toFormat("cccc");
  if (rule.kind === "weekly") {
    return rule.intervalWeeks === 1 ? `Every week on ${weekday}` : `Every ${rule.intervalWeeks} weeks on ${weekday}`;
  }
  const every = rule.intervalMonths === 1 ? "Monthly" : "Every two months";
  const skipped = rule.ordinal === 5 ? " (months without one are skipped)" : "";
  return `${every} on the ${ORDINALS[rule.ordinal]} ${weekday}${skipped}`;
}

function meetingNote(note: MeetingNote): string {
  return `Months without a fifth ${WEEKDAYS[note.weekday - 1]} are skipped. Choose “last” instead to meet every month.`;
}

function describeSchedule(schedule: DigestSchedule, zone: string): string {
  if (schedule.cadence === "off") return "Off";
  const at = `at ${wallClock(schedule.time)} ${zoneName(zone)}`;
  if (schedule.cadence === "weekly") return `Weekly on ${WEEKDAYS[schedule.weekday - 1]} ${at}`;
  return `Monthly on day ${schedule.monthDay} ${at}`;
}

const DIVISIONS: Readonly<Record<Division, string>> = {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};

const PROJECT_STATES: Readonly<Record<ProjectState, string>> = {
  idea: "Idea",
  policy_clearance: "In policy clearance",
  agreed: "Agreed",
  in_delivery: "In delivery",
  live: "Live",
};

export const labels: Labels = {
  weekdays: WEEKDAYS,
  ordinals: ORDINALS,
  cadences: CADENCES,
  contactMethods: CONTACT_METHODS,
  reminderOffsets: REMINDER_OFFSETS,
  groupChannelChoices: GROUP_CHANNEL_CHOICES,
  divisions: DIVISIONS,
  projectStates: PROJECT_STATES,
  recurrenceChoice,
  describeRule,
  meetingNote,
  describeSchedule,
};
