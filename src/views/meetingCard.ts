// A meeting as people see it in Slack: the channel announcement (updated in
// place), its line in /community meetings, and the DMs about changes.
import type { MeetingNote } from "../domain/meetings/meetingDraft";
import type { MeetingCard, UpcomingMeeting } from "../domain/meetings/meetings";
import type { MeetingRecord, RsvpAnswer } from "../domain/ports";
import { dates, labels } from "../i18n";
import { agendaLines, placeName } from "./agenda";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  channelLink,
  context,
  divider,
  esc,
  joinMd,
  LIMITS,
  lines,
  link,
  type Mrkdwn,
  md,
  option,
  personLink,
  plural,
  section,
  truncate,
  truncateMd,
  userLink,
} from "./blocks";
import { ACTION, BLOCK } from "./ids";

export const ANSWER_LABELS: Record<RsvpAnswer, string> = { going: "Going", maybe: "Maybe", not_going: "Can't go" };
const ANSWER_ACTIONS: Record<RsvpAnswer, string> = { going: ACTION.rsvpGoing, maybe: ACTION.rsvpMaybe, not_going: ACTION.rsvpNotGoing };

/**
 * When a meeting is, in its own zone with the zone in words: "Tuesday 10 March
 * 2026, 10am to 11am UK time" (see i18n/en/dates.ts for why not Slack's date
 * token). `readerZone`, where the app knows the reader's zone and it differs,
 * adds their own clock: "…, which is 6am to 7am New York time".
 */
export function meetingTimeText(meeting: Pick<MeetingRecord, "startsAt" | "durationMinutes" | "timezone">, readerZone?: string): string {
  const endsAt = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  const text = dates.timeSpan(meeting.startsAt, endsAt, meeting.timezone);
  if (!readerZone || dates.zoneName(readerZone) === dates.zoneName(meeting.timezone)) return text;
  const sameDay = dates.longDate(meeting.startsAt, readerZone) === dates.longDate(meeting.startsAt, meeting.timezone);
  return `${text}, which is ${sameDay ? dates.timeSpanOnly(meeting.startsAt, endsAt, readerZone) : dates.timeSpan(meeting.startsAt, endsAt, readerZone)}`;
}

/** meetingTimeText as mrkdwn. */
export function meetingWhen(meeting: Pick<MeetingRecord, "startsAt" | "durationMinutes" | "timezone">, readerZone?: string): Mrkdwn {
  return esc(meetingTimeText(meeting, readerZone));
}

/** "1 hour", "1 hour 30 minutes" (plain text: the modal's options use it too). */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? plural(hours, "hour") : "", rest ? plural(rest, "minute") : ""].filter(Boolean).join(" ");
}

function whereText(meeting: Pick<MeetingRecord, "videoLink" | "place">): Mrkdwn {
  const parts: Mrkdwn[] = [];
  if (meeting.videoLink) parts.push(link(meeting.videoLink, md`Join the call`));
  if (meeting.place) parts.push(esc(meeting.place));
  return joinMd(parts, md`  ·  `);
}

/** The meeting's menu: anyone may open it; the app checks who may use it. */
function meetingMenu(meetingId: string): object {
  return {
    type: "overflow",
    action_id: ACTION.meetingMenu,
    options: [
      option("Add to the agenda", JSON.stringify({ m: meetingId, do: "agenda" })),
      option("Edit or reschedule", JSON.stringify({ m: meetingId, do: "edit" })),
      option("Cancel meeting", JSON.stringify({ m: meetingId, do: "cancel" })),
      option("Record outcomes", JSON.stringify({ m: meetingId, do: "outcomes" })),
    ],
  };
}

export function calendarButton(url: string, label = "Add to calendar"): object {
  return { type: "button", text: { type: "plain_text", text: label, emoji: true }, action_id: ACTION.addToCalendar, url };
}

/** Going / Maybe / Can't go, with the reader's answer highlighted where the message is theirs alone. */
export function answerButtons(meetingId: string, yours: RsvpAnswer | null): object[] {
  return (Object.keys(ANSWER_LABELS) as RsvpAnswer[]).map((answer) =>
    button(ANSWER_LABELS[answer], ANSWER_ACTIONS[answer], meetingId, yours === answer ? "primary" : undefined),
  );
}

/** Stages a card names before "and N more": the line stays short however much of the journey a meeting covers. */
const STAGES_NAMED = 3;

/** "Covers: Register the company, Register for tax": the journey stages it covers, in journey order. */
function coversLine(stages: MeetingCard["stages"]): Mrkdwn | null {
  if (!stages.length) return null;
  const named = stages.slice(0, STAGES_NAMED).map((s) => esc(truncate(s.title, 60)));
  const rest = stages.length - named.length;
  return md`*Covers:* ${joinMd(named, md`, `)}${rest ? md` and ${plural(rest, "more stage", "more stages")}` : md``}`;
}

function detailLines(card: MeetingCard): Mrkdwn[] {
  const { meeting, series, nextStart } = card;
  const details = [md`*When:* ${meetingWhen(meeting)} (${esc(durationText(meeting.durationMinutes))})`];
  const where = whereText(meeting);
  if (where) details.push(md`*Where:* ${where}`);
  if (series && series.rule.kind !== "none") {
    const next = nextStart && meeting.status === "scheduled" ? md`. Next: ${esc(dates.longDate(nextStart, meeting.timezone))}` : md``;
    details.push(md`*Repeats:* ${esc(labels.describeRule(series.rule, series.anchorStart, series.timezone))}${next}`);
  }
  const covers = coversLine(card.stages);
  if (covers) details.push(covers);
  return details;
}

/** How long the names of those going may run: members by email have names of up to 80 characters, not 12-character mentions. */
const GOING_LINE_MAX = 2500;

function goingLine(card: MeetingCard): Mrkdwn | null {
  const { tally } = card;
  if (!tally.going) return null;
  const shown: Mrkdwn[] = [];
  let length = 0;
  for (const id of tally.goingIds) {
    const person = personLink({ slackUserId: id, displayName: tally.goingNames[id] });
    if (length + person.length + 2 > GOING_LINE_MAX) break;
    shown.push(person);
    length += person.length + 2;
  }
  const more = tally.going - shown.length;
  return md`*Going:* ${joinMd(shown, md`, `)}${more > 0 ? md` and ${more} more` : md``}`;
}

function countsText(card: MeetingCard): Mrkdwn {
  const { tally } = card;
  return md`*${tally.going}* going  ·  *${tally.maybe}* maybe  ·  *${tally.notGoing}* can't go`;
}

/**
 * The agenda: what the organiser wrote in the form, then the items members
 * added, numbered, as many as fit in one section (the rest are counted).
 */
function agendaSection(card: MeetingCard): AnyBlock | null {
  const { meeting, agenda } = card;
  if (!meeting.agenda && !agenda.length) return null;
  // The written agenda gives way to the items when there are some.
  const text = esc(truncate(meeting.agenda, 2500));
  const written = meeting.agenda ? [agenda.length ? truncateMd(text, 1200) : text] : [];
  const budget = LIMITS.sectionText - 100 - (written[0]?.length ?? 0);
  return section(lines([md`*Agenda*`, ...written, ...agendaLines(agenda, budget, { proposer: false })]));
}

/** The channel announcement. Cancelled, it keeps its details but loses its buttons. */
export function meetingCardMessage(card: MeetingCard, calendarUrl: string): BlockMessage {
  const { meeting } = card;
  const title = esc(meeting.title);
  const cancelled = meeting.status === "cancelled";
  const blocks: AnyBlock[] = [];
  const heading = cancelled ? md`:no_entry: *Cancelled:* ~${title}~` : md`:calendar: *${title}*`;
  blocks.push(section(lines([heading, ...detailLines(card)]), cancelled ? undefined : meetingMenu(meeting.id)));
  const agenda = agendaSection(card);
  if (agenda) blocks.push(agenda);
  if (cancelled) {
    blocks.push(context(md`This meeting of ${placeName(card)} was cancelled.`));
    return { text: md`Cancelled: ${title}`, blocks };
  }
  const going = goingLine(card);
  if (going) blocks.push(section(going));
  if (card.outcome) {
    const { decisions, actions: count } = card.outcome;
    blocks.push(
      context(
        md`:memo: What came out of it is recorded (${plural(decisions, "decision")} and ${plural(count, "action")}): see the reply to this message.`,
      ),
    );
  }
  blocks.push(context(md`${countsText(card)}  ·  Scheduled by ${userLink(meeting.createdBy)} for ${placeName(card)}`));
  blocks.push(actions(BLOCK.meetingActions, ...answerButtons(meeting.id, null), calendarButton(calendarUrl)));
  return { text: md`Meeting: ${title}, ${meetingWhen(meeting)}`, blocks };
}

/** One meeting in a personal list (/community meetings, App Home): details, the reader's answer, the buttons. */
export function meetingLine({ card, answer }: UpcomingMeeting, calendarUrl: string): AnyBlock[] {
  const yours = answer ? md`Your answer: *${esc(ANSWER_LABELS[answer])}*` : md`You have not answered yet`;
  const text = lines([md`*${esc(card.meeting.title)}*  ·  ${placeName(card)}`, ...detailLines(card), md`${yours}  ·  ${countsText(card)}`]);
  return [
    section(text, meetingMenu(card.meeting.id)),
    actions(undefined, ...answerButtons(card.meeting.id, answer), calendarButton(calendarUrl)),
  ];
}

/** /community meetings: the next meetings of the person's communities, with their answers. */
export function upcomingMeetingsMessage(
  result: { items: UpcomingMeeting[]; total: number; memberOfAny: boolean },
  calendarUrl: (meetingId: string) => string,
): BlockMessage {
  if (!result.items.length) {
    const text = result.memberOfAny
      ? md`No upcoming meetings in your communities. Organisers can schedule one with \`/community meeting\`.`
      : md`You are not in any community yet, so there are no meetings to show. \`/community list\` shows the communities you can join.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: AnyBlock[] = [section(md`*Upcoming meetings in your communities* (${result.total})`)];
  for (const upcoming of result.items) {
    blocks.push(divider(), ...meetingLine(upcoming, calendarUrl(upcoming.card.meeting.id)));
  }
  if (result.total > result.items.length) {
    blocks.push(context(md`Showing the next ${result.items.length} of ${result.total}. The rest appear here as these take place.`));
  }
  return { text: md`Upcoming meetings: ${result.total}`, blocks };
}

function changedLines(before: MeetingRecord, after: MeetingRecord): Mrkdwn[] {
  const changes: Mrkdwn[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.durationMinutes !== after.durationMinutes) {
    // Old and new in the same zone, the meeting's, so the reader compares like with like.
    changes.push(md`*When:* ${meetingWhen(after)}. It was ${meetingWhen({ ...before, timezone: after.timezone })}.`);
  }
  if (before.title !== after.title) changes.push(md`*Title:* ${esc(after.title)} (was ${esc(before.title)})`);
  if (before.videoLink !== after.videoLink || before.place !== after.place)
    changes.push(md`*Where:* ${whereText(after) || md`to be confirmed`}`);
  if (before.agenda !== after.agenda) changes.push(md`*Agenda:* updated`);
  return changes;
}

/** DM to those who answered Going or Maybe when a meeting changes. */
export function meetingChangedMessage(
  before: MeetingRecord,
  after: MeetingRecord,
  communityName: string,
  calendarUrl: string,
): BlockMessage {
  const changes = changedLines(before, after);
  const intro = md`:pencil2: *${esc(after.title)}* in ${esc(communityName)} has changed.`;
  const blocks: AnyBlock[] = [section(lines([intro, ...(changes.length ? changes : [md`*When:* ${meetingWhen(after)}`])]))];
  blocks.push(context(md`Your answer has not changed. Add the updated event to your calendar so it replaces the old one.`));
  blocks.push(actions(undefined, calendarButton(calendarUrl, "Updated calendar file")));
  return { text: md`${esc(after.title)} has changed. It is now on ${meetingWhen(after)}.`, blocks };
}

/** DM to everyone who answered when a meeting is cancelled. */
export function meetingCancelledMessage(
  meeting: MeetingRecord,
  communityName: string,
  note: string | null,
  calendarUrl: string,
): BlockMessage {
  const parts = [md`:no_entry: *${esc(meeting.title)}* in ${esc(communityName)} is cancelled. It was on ${meetingWhen(meeting)}.`];
  if (note)
    parts.push(
      ...truncate(note, 1000)
        .split("\n")
        .map((line) => md`> ${esc(line)}`),
    );
  const blocks: AnyBlock[] = [section(lines(parts))];
  blocks.push(context(md`Open the calendar file to take the event out of your calendar.`));
  blocks.push(actions(undefined, calendarButton(calendarUrl, "Cancellation for your calendar")));
  return { text: md`Cancelled: ${esc(meeting.title)}`, blocks };
}

/**
 * What the person who scheduled a meeting is told, by DM: in the meeting's
 * zone and, when theirs differs (`readerZone`, read for the form's date
 * picker), in theirs too.
 */
export function scheduledConfirmation(
  meetings: MeetingRecord[],
  channelId: string | null,
  note: MeetingNote | null,
  readerZone?: string,
): Mrkdwn {
  const first = meetings[0];
  const where = channelId ? md` and announced in ${channelLink(channelId)}` : md``;
  const parts = [md`:white_check_mark: *${esc(first.title)}* is scheduled${where}. It is on ${meetingWhen(first, readerZone)}.`];
  if (meetings[1]) parts.push(md`The next one is on ${meetingWhen(meetings[1], readerZone)}. You can change each meeting on its own.`);
  if (note) parts.push(md`:information_source: ${esc(labels.meetingNote(note))}`);
  return lines(parts);
}
