// Reminder messages: the DM to those going or maybe, and the note in the
// channel a day before. Built when they are sent, from the meeting as it is.
import type { MeetingCard } from "../domain/meetings/meetings";
import type { RsvpAnswer } from "../domain/ports";
import { agendaLines } from "./agenda";
import { type AnyBlock, actions, type BlockMessage, context, esc, lines, link, md, section } from "./blocks";
import { ANSWER_LABELS, answerButtons, calendarButton, durationText, meetingWhen } from "./meetingCard";

const HOUR = 60 * 60 * 1000;

/**
 * How far off the meeting is, from the time left rather than the reminder's
 * offset: a week's reminder delivered late by an outage must not say "in a week".
 */
export function timeLeftText(startsAt: Date, now: Date): string {
  const left = startsAt.getTime() - now.getTime();
  const days = Math.round(left / (24 * HOUR));
  if (left >= 36 * HOUR) return days === 7 ? "in a week" : `in ${days} days`;
  if (left >= 20 * HOUR) return "tomorrow";
  if (left >= 90 * 60 * 1000) return `in ${Math.round(left / HOUR)} hours`;
  const minutes = Math.max(1, Math.round(left / 60_000));
  return minutes >= 55 ? "in an hour" : `in ${minutes} minutes`;
}

/** The agenda's items, so people come prepared: as many as fit in `budget` characters. */
function agendaBlock(card: MeetingCard, budget: number): AnyBlock | null {
  if (!card.agenda.length) return null;
  return section(lines([md`*Agenda*`, ...agendaLines(card.agenda, budget, { proposer: false })]));
}

export function reminderDm(card: MeetingCard, now: Date, answer: RsvpAnswer, calendarUrl: string): BlockMessage {
  const { meeting, community } = card;
  const when = timeLeftText(meeting.startsAt, now);
  const parts = [
    md`:alarm_clock: *${esc(meeting.title)}* is ${esc(when)}, on ${meetingWhen(meeting)} (${esc(durationText(meeting.durationMinutes))}).`,
  ];
  if (meeting.videoLink)
    parts.push(md`*Join:* ${link(meeting.videoLink, esc(meeting.videoLink.length > 60 ? "Join the call" : meeting.videoLink))}`);
  if (meeting.place) parts.push(md`*Where:* ${esc(meeting.place)}`);
  const blocks: AnyBlock[] = [section(lines(parts))];
  const agenda = agendaBlock(card, 1500);
  if (agenda) blocks.push(agenda);
  blocks.push(
    context(md`${esc(community.name)}  ·  You answered *${esc(ANSWER_LABELS[answer])}*. Change it here if your plans have changed.`),
  );
  blocks.push(actions(undefined, ...answerButtons(meeting.id, answer), calendarButton(calendarUrl)));
  return { text: md`Reminder: ${esc(meeting.title)} is ${esc(when)}, on ${meetingWhen(meeting)}`, blocks };
}

export function reminderNote(card: MeetingCard, calendarUrl: string): BlockMessage {
  const { meeting, tally } = card;
  const blocks: AnyBlock[] = [
    section(md`:calendar: *Tomorrow:* ${esc(meeting.title)}, ${meetingWhen(meeting)}. *${tally.going}* going, *${tally.maybe}* maybe.`),
    ...[agendaBlock(card, 1000)].filter((b): b is AnyBlock => b !== null),
    actions(undefined, ...answerButtons(meeting.id, null), calendarButton(calendarUrl)),
  ];
  return { text: md`Tomorrow: ${esc(meeting.title)}`, blocks };
}
