// Actions as people see them: the owner's DM (with Done and Change date), its
// reminders, the line in the meeting's thread when one is done, the change-date
// form, /community actions, and the owner's open actions on App Home.
import type { View } from "@slack/types";
import { today } from "../domain/meetings/actionDays";
import type { ActionFilter, ActionsPage } from "../domain/meetings/actions";
import type { ActionInContext } from "../domain/ports";
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
  type Mrkdwn,
  md,
  plain,
  plural,
  section,
  truncate,
  userLink,
} from "./blocks";
import { ACTION, CALLBACK } from "./ids";
import { dueText, ownerLink } from "./outcomes";

export type ActionDmKind = "assigned" | "before" | "overdue" | "done";

/** What Done and Change date carry: the action. */
function actionButtons(actionId: string): object[] {
  return [button("Done", ACTION.actionDone, actionId, "primary"), button("Change date", ACTION.actionChangeDate, actionId)];
}

function aboutText({ action }: ActionInContext): Mrkdwn | null {
  if (action.stage) return md`Stage: ${esc(truncate(action.stage.title, 60))}`;
  if (action.problem) return md`Problem: ${esc(truncate(action.problem.title, 60))}`;
  return null;
}

/** "from Show and tell, Tuesday 3 March 2026, in Starting a business" */
function fromText({ meeting, community }: ActionInContext): Mrkdwn {
  return md`from ${esc(meeting.title)}, ${esc(dates.longDate(meeting.startsAt, meeting.timezone))}, in ${esc(community.name)}`;
}

function isOverdue(item: ActionInContext, now: Date): boolean {
  return item.action.status === "open" && item.action.dueOn < today(now, item.community.timezone);
}

/** The owner's DM: when the action is recorded, its two reminders, and once it is done (then without buttons). */
export function actionDm(item: ActionInContext, kind: ActionDmKind): BlockMessage {
  const { action } = item;
  const title = esc(action.title);
  const due = esc(dueText(action.dueOn));
  const heading: Record<ActionDmKind, Mrkdwn> = {
    assigned: md`:ballot_box_with_check: You have an action ${fromText(item)}: *${title}*, due ${due}.`,
    before: md`:alarm_clock: Your action *${title}* is due on ${due}.`,
    overdue: md`:warning: Your action *${title}* was due on ${due}. It is on the agenda of the next meeting.`,
    done: md`:white_check_mark: *${title}* is done.`,
  };
  const about = aboutText(item);
  const details = [heading[kind], ...(kind === "assigned" ? [] : [md`It came ${fromText(item)}.`]), ...(about ? [about] : [])];
  const blocks: AnyBlock[] = [section(lines(details))];
  if (kind === "done") return { text: md`${title} is done`, blocks };
  blocks.push(actions(undefined, ...actionButtons(action.id)));
  if (kind === "assigned") {
    blocks.push(context(md`Recorded by ${userLink(action.createdBy)}. You will be reminded the working day before it is due.`));
  }
  return { text: kind === "assigned" ? md`Your action: ${title}, due ${due}` : md`Reminder: ${title}, due ${due}`, blocks };
}

/** The line in the meeting's thread when an action is closed. */
export function actionDoneInThread(item: ActionInContext, by: string): BlockMessage {
  const { action } = item;
  const who = by === action.ownerId ? md`by its owner, ${ownerLink(action)}` : md`by ${userLink(by)} for ${ownerLink(action)}`;
  const text = md`:white_check_mark: Action done: *${esc(action.title)}*, closed ${who}.`;
  return { text, blocks: [section(text)] };
}

/** Change date: one date picker, starting at the current due day. */
export function changeDateModal(item: ActionInContext, privateMetadata: string): View {
  return {
    type: "modal",
    callback_id: CALLBACK.changeActionDate,
    private_metadata: privateMetadata,
    title: plain("Change the date", LIMITS.modalTitle),
    submit: plain("Save date", LIMITS.modalTitle),
    close: plain("Cancel", LIMITS.modalTitle),
    blocks: [
      section(md`*${esc(item.action.title)}*, ${fromText(item)}. It is due on ${esc(dueText(item.action.dueOn))}.`),
      {
        type: "input",
        block_id: "dueOn",
        label: plain("New due date"),
        hint: plain("Its reminders move with it.", 150),
        element: { type: "datepicker", action_id: ACTION.input, initial_date: item.action.dueOn },
      },
    ],
  } as View;
}

/** One action in a list: what, whose, when (and whether it is overdue), where from. */
function actionLineText(item: ActionInContext, now: Date): Mrkdwn {
  const { action } = item;
  const when =
    action.status === "done"
      ? md`done${action.doneAt ? md` on ${esc(dates.longDate(action.doneAt, item.community.timezone))}` : md``}`
      : md`due ${esc(dueText(action.dueOn))}${isOverdue(item, now) ? md` (overdue)` : md``}`;
  const parts = [ownerLink(action), when, fromText(item)];
  const about = aboutText(item);
  if (about) parts.push(about);
  return md`*${esc(action.title)}*\n${joinMd(parts, md`  ·  `)}`;
}

const FILTER_TITLES: Record<ActionFilter, string> = { mine: "Your open actions", open: "Open actions", done: "Done actions" };

export function actionsPagerValue(communityId: string, filter: ActionFilter, page: number): string {
  return JSON.stringify({ c: communityId, f: filter, p: page });
}

/** /community actions: a page of the community's actions, with Done for those the reader may close. */
export function actionsListMessage(page: ActionsPage, now: Date, opts: { notice?: Mrkdwn } = {}): BlockMessage {
  const { community, filter } = page;
  const title = md`*${esc(FILTER_TITLES[filter])} in ${esc(community.name)}* (${page.total})`;
  const blocks: AnyBlock[] = [];
  if (opts.notice) blocks.push(context(opts.notice));
  blocks.push(section(md`${title}${page.pageCount > 1 ? md`, page ${page.page + 1} of ${page.pageCount}` : md``}`));
  if (!page.items.length) {
    const none: Record<ActionFilter, Mrkdwn> = {
      mine: md`You have no open actions here.`,
      open: md`No open actions. They come from meetings: choose Record outcomes in a meeting's menu once it has started.`,
      done: md`No action is done yet.`,
    };
    blocks.push(section(none[filter]));
  }
  for (const item of page.items) {
    const { action } = item;
    const mayClose =
      action.status === "open" && (action.ownerId === page.viewerId || action.createdBy === page.viewerId || page.viewerIsOrganiser);
    // Done here carries the list too, so the list is redrawn in place.
    const done = JSON.stringify({ a: action.id, c: community.id, f: filter, p: page.page });
    blocks.push(section(actionLineText(item, now), mayClose ? button("Done", ACTION.actionDone, done) : undefined));
  }
  const pager: object[] = [];
  if (page.page > 0) pager.push(button("Previous", ACTION.actionsPrevious, actionsPagerValue(community.id, filter, page.page - 1)));
  if (page.page < page.pageCount - 1)
    pager.push(button("Next", ACTION.actionsNext, actionsPagerValue(community.id, filter, page.page + 1)));
  if (pager.length) blocks.push(actions(undefined, ...pager));
  return { text: md`${esc(FILTER_TITLES[filter])} in ${esc(community.name)}: ${page.total}`, blocks };
}

/** App Home: the reader's open actions, soonest first, each with Done beside it; the rest counted. */
export function homeActionsBlocks(open: { items: ActionInContext[]; total: number }, now: Date): AnyBlock[] {
  if (!open.items.length) return [];
  const blocks: AnyBlock[] = [section(md`*Your open actions* (${open.total})`)];
  for (const item of open.items) {
    const overdue = isOverdue(item, now) ? md` (overdue)` : md``;
    const text = md`*${esc(item.action.title)}*\ndue ${esc(dueText(item.action.dueOn))}${overdue}  ·  ${esc(item.community.name)}`;
    blocks.push(section(text, button("Done", ACTION.actionDone, item.action.id)));
  }
  const more = open.total - open.items.length;
  if (more > 0)
    blocks.push(context(md`…and ${plural(more, "more action")}. Type \`/community actions mine\` in a community's channel to see them.`));
  return blocks;
}
