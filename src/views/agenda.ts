// A meeting's agenda as people see it: the list from /community agenda (with
// the organisers' menu on each item and the pager), its lines on the meeting's
// card and in reminders, and the form that adds an item.
import type { View } from "@slack/types";
import { AGENDA_LIMITS, type AgendaPage, type AgendaPlace, type AgendaTarget, type TopicChoice } from "../domain/meetings/agenda";
import type { AgendaItemRecord } from "../domain/ports";
import { dates } from "../i18n";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
  joinMd,
  LIMITS,
  lines,
  link,
  type Mrkdwn,
  md,
  option,
  plain,
  plural,
  section,
  textInput,
  truncate,
  userLink,
} from "./blocks";
import { ACTION, AGENDA_BLOCK, BLOCK, CALLBACK } from "./ids";

/** "User research (a group of Starting a business)", or the community's name. */
export function placeName({ community, group }: AgendaPlace): Mrkdwn {
  return group ? md`${esc(group.name)} (a group of ${esc(community.name)})` : esc(community.name);
}

/** What the pager and the item menu carry: the meeting or item, and the page to redraw. */
export function agendaPageValue(meetingId: string, page: number): string {
  return JSON.stringify({ m: meetingId, p: page });
}

function itemMenuValue(itemId: string, what: "up" | "down" | "top" | "remove", page: number): string {
  return JSON.stringify({ i: itemId, do: what, p: page });
}

/** "Register the company" or "Problem: People register twice": what an item is about. */
function topicText(item: AgendaItemRecord): Mrkdwn | null {
  if (item.stage) return md`Stage: ${esc(truncate(item.stage.title, 60))}`;
  if (item.problem) return md`Problem: ${esc(truncate(item.problem.title, 60))}`;
  return null;
}

/** One item: its title (linked when it has a link), what it is about, who proposed it and the message it came from. */
export function agendaItemText(item: AgendaItemRecord, number: number, opts: { proposer: boolean }): Mrkdwn {
  const linked = item.link ? link(item.link, esc(item.title)) : esc(item.title);
  // An action carried over because it is overdue says so, so the meeting asks about it.
  const title = item.source === "overdue_action" ? md`Overdue action: ${linked}` : linked;
  const extras: Mrkdwn[] = [];
  const topic = topicText(item);
  if (topic) extras.push(topic);
  // The round's item was put there by the bot, not proposed by anyone.
  if (opts.proposer && item.source !== "live_projects") extras.push(md`proposed by ${userLink(item.proposedBy)}`);
  if (item.messagePermalink) extras.push(link(item.messagePermalink, md`the message`));
  return md`${number}. ${title}${extras.length ? md`  ·  ${joinMd(extras, md`  ·  `)}` : md``}`;
}

/**
 * The agenda as lines for a card or a reminder: as many items as fit in
 * `budget` characters, then how many more there are and where to see them.
 */
export function agendaLines(items: AgendaItemRecord[], budget: number, opts: { proposer: boolean }): Mrkdwn[] {
  const out: Mrkdwn[] = [];
  let used = 0;
  for (const [i, item] of items.entries()) {
    const line = agendaItemText(item, i + 1, opts);
    const rest = items.length - i;
    // Room is kept for the closing line whenever items are left out.
    if (used + line.length + 1 > budget - (rest > 1 ? 80 : 0)) {
      out.push(md`_and ${plural(rest, "more item")}: type \`/community agenda\` in the channel to see them all_`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

/** The organisers' menu on an item: only the moves it can make. The proposer of an item may only remove it. */
function itemMenu(item: AgendaItemRecord, total: number, page: number, canArrange: boolean): object {
  const options = [];
  if (canArrange && item.position > 0) {
    if (item.position > 1) options.push(option("Move to the top", itemMenuValue(item.id, "top", page)));
    options.push(option("Move up", itemMenuValue(item.id, "up", page)));
  }
  if (canArrange && item.position < total - 1) options.push(option("Move down", itemMenuValue(item.id, "down", page)));
  options.push(option("Remove", itemMenuValue(item.id, "remove", page)));
  return { type: "overflow", action_id: ACTION.agendaMenu, options };
}

/** /community agenda: the next meeting's agenda, a page at a time, with what the reader may do. */
export function agendaMessage(page: AgendaPage, opts: { notice?: Mrkdwn } = {}): BlockMessage {
  const { meeting } = page;
  const when = esc(dates.longDate(meeting.startsAt, meeting.timezone));
  const blocks: AnyBlock[] = [];
  if (opts.notice) blocks.push(context(opts.notice));
  const heading = md`*Agenda for ${esc(meeting.title)}*, ${when}, for ${placeName(page)}`;
  const count = page.total ? md`${plural(page.total, "item")}` : md`no items yet`;
  blocks.push(section(md`${heading}\n${count}${page.pageCount > 1 ? md`, page ${page.page + 1} of ${page.pageCount}` : md``}`));
  if (meeting.agenda) blocks.push(section(md`${esc(truncate(meeting.agenda, 2500))}`));
  for (const item of page.items) {
    const text = agendaItemText(item, item.position + 1, { proposer: true });
    const mayChange = page.canArrange || item.proposedBy === page.viewerId;
    blocks.push(section(text, mayChange ? itemMenu(item, page.total, page.page, page.canArrange) : undefined));
  }
  if (!page.total) {
    blocks.push(
      context(md`Members can add items here, or from any message with the shortcut *Add to meeting agenda* in the message's menu.`),
    );
  }
  const buttons: object[] = [];
  if (page.page > 0) buttons.push(button("Previous", ACTION.agendaPrevious, agendaPageValue(meeting.id, page.page - 1)));
  if (page.page < page.pageCount - 1) buttons.push(button("Next", ACTION.agendaNext, agendaPageValue(meeting.id, page.page + 1)));
  buttons.push(button("Add an item", ACTION.openAgendaItem, meeting.id, "primary"));
  blocks.push(actions(BLOCK.agendaActions, ...buttons));
  return { text: md`Agenda for ${esc(meeting.title)}, ${when}: ${count}`, blocks };
}

/** The one picker for what an item (or an action) is about: the journey's stages, then the open problems. */
export function topicInput(
  topics: { stages: TopicChoice[]; problems: TopicChoice[] },
  blockId: string = AGENDA_BLOCK.topic,
  initial?: string | null,
): AnyBlock | null {
  // Stages first (a journey has at most 60); problems, most votes first, fill a select's 100 options.
  const stages = topics.stages.slice(0, LIMITS.staticOptions);
  const problems = topics.problems.slice(0, LIMITS.staticOptions - stages.length);
  const optionGroups = [
    { label: "Stages of the journey", options: stages.map((c) => option(c.title, `stage:${c.id}`)) },
    { label: "Problems", options: problems.map((c) => option(c.title, `problem:${c.id}`)) },
  ]
    .filter((g) => g.options.length)
    .map((g) => ({ label: plain(g.label), options: g.options }));
  if (!optionGroups.length) return null;
  const chosen = optionGroups.flatMap((g) => g.options).find((o) => o.value === initial);
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain("What it is about"),
    hint: plain("A stage of the journey or a problem, if it is about one.", 150),
    element: {
      type: "static_select",
      action_id: ACTION.input,
      placeholder: plain("Choose a stage or a problem"),
      option_groups: optionGroups,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  } as AnyBlock;
}

export interface AddAgendaItemModalInput {
  /** The meeting, when the request said which (its channel, a meeting's menu, the agenda's button). */
  target?: AgendaTarget;
  /** Otherwise the next meeting of each of the person's communities and groups, to choose from. */
  choices?: AgendaTarget[];
  topics: { stages: TopicChoice[]; problems: TopicChoice[] };
  initial?: { title?: string; link?: string };
  /** Set when it comes from a message, which the item links back to. */
  fromMessage?: boolean;
  privateMetadata: string;
}

function meetingChoice(target: AgendaTarget): { label: string; value: string } {
  const { meeting } = target;
  const where = target.group ? target.group.name : target.community.name;
  return { label: `${where}: ${meeting.title}, ${dates.longDate(meeting.startsAt, meeting.timezone)}`, value: meeting.id };
}

export function addAgendaItemModal(input: AddAgendaItemModalInput): View {
  const blocks: AnyBlock[] = [];
  if (input.target) {
    const { meeting } = input.target;
    blocks.push(
      context(
        md`Adding to the agenda of *${esc(meeting.title)}*, ${esc(dates.longDate(meeting.startsAt, meeting.timezone))}, for ${placeName(input.target)}.`,
      ),
    );
  } else {
    const choices = (input.choices ?? []).map(meetingChoice);
    blocks.push({
      type: "input",
      block_id: AGENDA_BLOCK.meeting,
      label: plain("Meeting"),
      hint: plain("The next meeting of each of your communities and groups.", 150),
      element: {
        type: "static_select",
        action_id: ACTION.input,
        placeholder: plain("Choose a meeting"),
        options: choices.slice(0, LIMITS.staticOptions).map((c) => option(c.label, c.value)),
      },
    } as AnyBlock);
  }
  blocks.push(
    textInput(AGENDA_BLOCK.title, ACTION.input, "Item", {
      initial: input.initial?.title,
      max: AGENDA_LIMITS.titleMax,
      placeholder: "For example, update on the new registration form",
    }),
    textInput(AGENDA_BLOCK.link, ACTION.input, "Link", {
      initial: input.initial?.link,
      optional: true,
      max: AGENDA_LIMITS.linkMax,
      hint: "A document or page to read before the meeting, starting with https://.",
      placeholder: "https://",
    }),
  );
  const topic = topicInput(input.topics);
  if (topic) blocks.push(topic);
  if (input.fromMessage) blocks.push(context(md`The item links back to the message you added it from.`));
  return {
    type: "modal",
    callback_id: CALLBACK.addAgendaItem,
    private_metadata: input.privateMetadata,
    title: plain("Add to the agenda", LIMITS.modalTitle),
    submit: plain("Add item", LIMITS.modalTitle),
    close: plain("Cancel", LIMITS.modalTitle),
    blocks,
  } as View;
}

/** What the person who added an item is told. */
export function itemAddedText(target: AgendaTarget, item: AgendaItemRecord): Mrkdwn {
  const { meeting } = target;
  return lines([
    md`:white_check_mark: *${esc(item.title)}* is item ${item.position + 1} on the agenda of *${esc(meeting.title)}*, ${esc(dates.longDate(meeting.startsAt, meeting.timezone))}.`,
    md`The meeting's announcement shows it. Type \`/community agenda\` in the channel to see the whole agenda.`,
  ]);
}
