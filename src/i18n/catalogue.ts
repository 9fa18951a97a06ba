// What a catalogue must hold, for every language: a sentence for every reason
// the domain or the Slack edge may give (src/domain/common/reasons.ts), and the
// labels and prose the views show. A missing entry, or an entry that reads a
// parameter its reason does not have, is a type error.
//
// Entries return text ready for Slack's mrkdwn: every typed or stored value
// they insert goes through esc(), exactly as the sentences did when they were
// written in the domain.
import type { Reasons } from "../domain/common/reasons";
import type { MeetingNote } from "../domain/meetings/meetingDraft";
import type { MonthlyOrdinal, RecurrenceRule } from "../domain/meetings/recurrence";

/** One sentence a reason, from its parameters. */
export type ReasonTexts = { [K in keyof Reasons]: (params: Reasons[K]) => string };

/** The words for the domain's data: its fixed vocabularies, schedules and rules. */
export interface Labels {
  /** "first" … "last": a monthly meeting's weekday in its month. */
  ordinals: Readonly<Record<MonthlyOrdinal, string>>;
  /** "Every 3 weeks on Tuesday", read in the series' own time zone. */
  describeRule(rule: RecurrenceRule, anchor: Date, zone: string): string;
  /** What an organiser is told about the rule they chose. */
  meetingNote(note: MeetingNote): string;
}

export interface Catalogue {
  reasons: ReasonTexts;
  labels: Labels;
}
