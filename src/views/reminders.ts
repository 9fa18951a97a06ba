// Reminder messages: the DM to those going or maybe, and the note in the
// channel a day before. Built when they are sent, from the meeting as it is.
import type { MeetingCard } from "../domain/meetings";
import type { RsvpAnswer } from "../domain/ports";
import { actions, context, esc, section, type AnyBlock } from "./blocks";
import { ANSWER_LABELS, answerButtons, calendarButton, durationText, localTime, meetingWhen } from "./meetingCard";

/** "in 1 week", "tomorrow", "in 1 hour". */
export function offsetText(offset: number): string {
  if (offset === 10080) return "in a week";
  if (offset === 1440) return "tomorrow";
  if (offset === 60) return "in an hour";
  return offset % 1440 === 0 ? `in ${offset / 1440} days` : `in ${Math.round(offset / 60)} hours`;
}

export function reminderDm(card: MeetingCard, offset: number, answer: RsvpAnswer, calendarUrl: string): { text: string; blocks: AnyBlock[] } {
  const { meeting, community } = card;
  const lines = [`:alarm_clock: *${esc(meeting.title)}* is ${offsetText(offset)}: ${meetingWhen(meeting)} (${durationText(meeting.durationMinutes)}).`];
  if (meeting.videoLink) lines.push(`*Join:* <${meeting.videoLink}|${esc(meeting.videoLink.length > 60 ? "Join the call" : meeting.videoLink)}>`);
  if (meeting.place) lines.push(`*Where:* ${esc(meeting.place)}`);
  const blocks: AnyBlock[] = [section(lines.join("\n"))];
  blocks.push(context(`${esc(community.name)}  ·  You answered *${ANSWER_LABELS[answer]}*. Change it here if your plans have changed.`));
  blocks.push(actions(undefined, ...answerButtons(meeting.id, answer), calendarButton(calendarUrl)));
  return { text: `Reminder: ${meeting.title} is ${offsetText(offset)}, ${localTime(meeting.startsAt, meeting.timezone)} ${meeting.timezone}`, blocks };
}

export function reminderNote(card: MeetingCard, calendarUrl: string): { text: string; blocks: AnyBlock[] } {
  const { meeting, tally } = card;
  const blocks: AnyBlock[] = [
    section(`:calendar: *Tomorrow:* ${esc(meeting.title)}, ${meetingWhen(meeting)}. *${tally.going}* going, *${tally.maybe}* maybe.`),
    actions(undefined, ...answerButtons(meeting.id, null), calendarButton(calendarUrl)),
  ];
  return { text: `Tomorrow: ${meeting.title}`, blocks };
}
