// What came out of a meeting: the Record outcomes form (notes, decisions, and
// action rows, one more at a time), and the reply in the announcement's thread.
import type { View } from "@slack/types";
import type { TopicChoice } from "../domain/meetings/agenda";
import type { MeetingCard } from "../domain/meetings/meetingCards";
import { type ActionInput, actionField, OUTCOME_LIMITS } from "../domain/meetings/outcomes";
import type { ActionItemRecord, OutcomeRecord } from "../domain/ports";
import { dates } from "../i18n";
import { topicInput } from "./agenda";
import {
  type AnyBlock,
  actions as actionsBlock,
  type BlockMessage,
  button,
  context,
  esc,
  LIMITS,
  lines,
  link,
  type Mrkdwn,
  md,
  option,
  personLink,
  plain,
  plural,
  section,
  textInput,
  truncate,
  truncateMd,
  userLink,
} from "./blocks";
import { groupTitle } from "./groups";
import { ACTION, CALLBACK, OUTCOME_BLOCK } from "./ids";

/** Action rows a new form starts with. */
export const FIRST_ACTION_ROWS = 3;

export interface OutcomesModalInput {
  card: MeetingCard;
  topics: { stages: TopicChoice[]; problems: TopicChoice[] };
  /** Members by email, who are not in Slack's user picker: a second picker lists them when there are any. */
  emailOwners?: Array<{ personId: string; name: string }>;
  /** How many action rows to show (one more each time "Add another action" is chosen). */
  rows: number;
  /** What the form held, when it is redrawn with another row. */
  initial?: { notes?: string | null; notesLink?: string | null; decisions?: string | null; actions?: ActionInput[] };
  privateMetadata: string;
}

/** "Friday 20 March 2026", from a due day ("2026-03-20"). */
export function dueText(dueOn: string): string {
  return dates.calendarDate(new Date(`${dueOn}T00:00:00Z`));
}

/** "Or someone by email": only when the community has members by email. */
function emailOwnerInput(input: OutcomesModalInput, i: number, chosen: string | null | undefined): AnyBlock[] {
  const people = input.emailOwners ?? [];
  if (!people.length) return [];
  const options = people.map((p) => option(`${p.name} (by email)`, p.personId));
  const initial = options.find((o) => o.value === chosen);
  return [
    {
      type: "input",
      block_id: actionField(i, "emailOwner"),
      optional: true,
      label: plain(`Or an owner by email for action ${i + 1}`),
      hint: plain("For a member who takes part by email. They get the action and its reminders by email.", 150),
      element: {
        type: "static_select",
        action_id: ACTION.input,
        placeholder: plain("Choose a member by email"),
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    } as AnyBlock,
  ];
}

function actionRow(input: OutcomesModalInput, i: number): AnyBlock[] {
  const row = input.initial?.actions?.[i] ?? {};
  const blocks: AnyBlock[] = [
    textInput(actionField(i, "title"), ACTION.input, `Action ${i + 1}`, {
      initial: row.title ?? undefined,
      optional: true,
      max: OUTCOME_LIMITS.actionTitleMax,
      placeholder: i === 0 ? "For example, share the research plan with the other departments" : undefined,
    }),
    {
      type: "input",
      block_id: actionField(i, "owner"),
      optional: true,
      label: plain(`Owner of action ${i + 1}`),
      element: {
        type: "users_select",
        action_id: ACTION.input,
        placeholder: plain("Choose a member"),
        ...(row.ownerId ? { initial_user: row.ownerId } : {}),
      },
    } as AnyBlock,
    ...emailOwnerInput(input, i, row.emailOwnerId),
    {
      type: "input",
      block_id: actionField(i, "due"),
      optional: true,
      label: plain(`Due date of action ${i + 1}`),
      element: { type: "datepicker", action_id: ACTION.input, ...(row.dueOn ? { initial_date: row.dueOn } : {}) },
    } as AnyBlock,
  ];
  const topic = topicInput(input.topics, actionField(i, "topic"), row.topic);
  if (topic) blocks.push(topic);
  return blocks;
}

export function outcomesModal(input: OutcomesModalInput): View {
  const { meeting } = input.card;
  const init = input.initial ?? {};
  const rows = Math.min(Math.max(1, input.rows), OUTCOME_LIMITS.actionsMax);
  const blocks: AnyBlock[] = [
    context(
      md`What came out of *${esc(meeting.title)}*, ${esc(dates.longDate(meeting.startsAt, meeting.timezone))}. It is posted once, in a reply to the meeting's announcement, and each action's owner is told.`,
    ),
    textInput(OUTCOME_BLOCK.notes, ACTION.input, "Notes", {
      initial: init.notes ?? undefined,
      optional: true,
      multiline: true,
      max: OUTCOME_LIMITS.notesMax,
    }),
    textInput(OUTCOME_BLOCK.notesLink, ACTION.input, "Link to the notes", {
      initial: init.notesLink ?? undefined,
      optional: true,
      max: OUTCOME_LIMITS.linkMax,
      hint: "A document or page with the notes, starting with https://.",
      placeholder: "https://",
    }),
    textInput(OUTCOME_BLOCK.decisions, ACTION.input, "Decisions", {
      initial: init.decisions ?? undefined,
      optional: true,
      multiline: true,
      max: OUTCOME_LIMITS.decisionsMax * (OUTCOME_LIMITS.decisionMax + 1),
      hint: "One decision a line.",
    }),
    context(md`*Actions*: give each a title, an owner and a due date. Leave a row empty to skip it.`),
  ];
  for (let i = 0; i < rows; i++) blocks.push(...actionRow(input, i));
  if (rows < OUTCOME_LIMITS.actionsMax) {
    blocks.push(actionsBlock(OUTCOME_BLOCK.addAction, button("Add another action", ACTION.addOutcomeAction, String(rows + 1))));
  }
  return {
    type: "modal",
    callback_id: CALLBACK.recordOutcomes,
    private_metadata: input.privateMetadata,
    title: plain("Record outcomes", LIMITS.modalTitle),
    submit: plain("Record", LIMITS.modalTitle),
    close: plain("Cancel", LIMITS.modalTitle),
    blocks,
  } as View;
}

/** Lines as sections of at most `max` characters each, under a heading, so a long list never breaks a section's limit. */
function sections(heading: Mrkdwn, items: Mrkdwn[], max = LIMITS.sectionText - 100): AnyBlock[] {
  const out: AnyBlock[] = [];
  let current: Mrkdwn[] = [heading];
  let used = heading.length;
  for (const item of items) {
    if (used + item.length + 1 > max && current.length) {
      out.push(section(lines(current)));
      current = [];
      used = 0;
    }
    current.push(item);
    used += item.length + 1;
  }
  if (current.length) out.push(section(lines(current)));
  return out;
}

/** Whose an action is: a mention, or the name an owner by email gave. */
export function ownerLink(action: ActionItemRecord): Mrkdwn {
  return personLink({ slackUserId: action.ownerId, displayName: action.ownerName });
}

/** One action as a line: what, who, by when, and what it is about. */
export function actionLine(action: ActionItemRecord): Mrkdwn {
  const about = action.stage
    ? md`  ·  Stage: ${esc(truncate(action.stage.title, 60))}`
    : action.problem
      ? md`  ·  Problem: ${esc(truncate(action.problem.title, 60))}`
      : md``;
  const done = action.status === "done" ? md` (done)` : md``;
  return md`• ${esc(action.title)}: ${ownerLink(action)}, due ${esc(dueText(action.dueOn))}${about}${done}`;
}

/** The reply in the announcement's thread: notes, decisions and actions, and who recorded them. */
export function outcomesMessage(card: MeetingCard, outcome: OutcomeRecord, actions: ActionItemRecord[]): BlockMessage {
  const { meeting } = card;
  const when = esc(dates.longDate(meeting.startsAt, meeting.timezone));
  const blocks: AnyBlock[] = [section(md`:memo: *What came out of ${esc(meeting.title)}*, ${when}`)];
  if (outcome.notes || outcome.notesLink) {
    const notes = outcome.notes ? [truncateMd(esc(outcome.notes), 2500)] : [];
    const linked = outcome.notesLink ? [link(outcome.notesLink, md`Read the notes`)] : [];
    blocks.push(section(lines([md`*Notes*`, ...notes, ...linked])));
  }
  if (outcome.decisions.length)
    blocks.push(
      ...sections(
        md`*Decisions*`,
        outcome.decisions.map((d) => md`• ${esc(d)}`),
      ),
    );
  if (actions.length) blocks.push(...sections(md`*Actions*`, actions.map(actionLine)));
  blocks.push(context(md`Recorded by ${userLink(outcome.recordedBy)}`));
  const counts = md`${plural(outcome.decisions.length, "decision")} and ${plural(actions.length, "action")}`;
  return { text: md`What came out of ${esc(meeting.title)}: ${counts}`, blocks };
}

/**
 * A group's meeting told to the whole community: one line in the community's
 * channel, with a link to the full outcome in the group's thread. The group's
 * members read the detail there; everyone else sees that the group met and
 * what it came to.
 */
export function groupOutcomeSummary(card: MeetingCard, outcome: OutcomeRecord, actions: number, threadLink: string | null): BlockMessage {
  const { meeting, group } = card;
  const who = esc(group ? groupTitle(group.name) : card.community.name);
  const when = esc(dates.longDate(meeting.startsAt, meeting.timezone));
  const counts = md`${plural(outcome.decisions.length, "decision")} and ${plural(actions, "action")}`;
  const read = threadLink ? md` ${link(threadLink, md`Read what came out of it`)}` : md``;
  const text = md`The ${who} met on ${when} (${esc(meeting.title)}): ${counts}.${read}`;
  return { text, blocks: [section(md`:memo: ${text}`)] };
}
