// English: why something about a meeting's agenda, what came out of a meeting, or an action, was refused.
import { esc, userLink } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";
import { dateAndTime, longDate } from "./dates";

export const agendaReasons = {
  "agenda.no_meeting": ({ community, group }) =>
    group
      ? `*${esc(group)}* (a group of *${esc(community)}*) has no meeting coming up, so there is no agenda to add to yet. Anyone who may schedule its meetings can do so with \`/community meeting\` in its channel.`
      : `*${esc(community)}* has no meeting coming up, so there is no agenda to add to yet. Anyone who may schedule its meetings can do so with \`/community meeting\`.`,
  "agenda.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can add to its meetings' agendas. Join it first with \`/community join\`.`,
  "agenda.meeting_started": ({ title }) =>
    `*${esc(title)}* has started, so its agenda is closed. Add the item to the next meeting instead.`,
  "agenda.full": ({ title, max }) =>
    `The agenda of *${esc(title)}* already has ${max} items, the most it can hold. Ask an organiser to remove some first.`,
  "agenda.title_missing": ({ min }) =>
    `Give the item a title of at least ${min} characters, for example Update on the new registration form.`,
  "agenda.item_gone": () => "That item is no longer on the agenda. Type `/community agenda` to see the agenda as it is now.",
  "agenda.arrangers_only": ({ community, doing }) =>
    doing === "arrange"
      ? `Only the organisers of *${esc(community)}*, or whoever scheduled the meeting, can change the agenda's order. Nothing was changed.`
      : `Only the organisers of *${esc(community)}*, whoever scheduled the meeting, or whoever proposed the item can remove it. Nothing was changed.`,
  "agenda.order_busy": () => "Other people are changing the agenda's order at the same moment. Try again in a few seconds.",
  "agenda.choose_meeting": () => "Choose the meeting to add the item to.",
  "agenda.no_meetings_anywhere": () =>
    "None of your communities or groups has a meeting coming up, so there is no agenda to add to. Use this in a community's channel to see why, or type `/community meetings`.",
  "agenda.unreadable": () => "That button has expired. Type `/community agenda` to see the agenda again.",
  "outcomes.not_started": ({ title, startsAt, zone }) =>
    `*${esc(title)}* has not started yet. You can record what came out of it from ${dateAndTime(startsAt, zone)}.`,
  "outcomes.cancelled": ({ title }) => `*${esc(title)}* was cancelled, so there is nothing to record.`,
  "outcomes.already_recorded": ({ title, by }) =>
    `What came out of *${esc(title)}* was recorded by ${userLink(by)} already. It is in the reply to the meeting's announcement.`,
  "outcomes.nothing": () => "Add notes, a link to notes, a decision or an action.",
  "outcomes.too_many_decisions": ({ max }) => `Record at most ${max} decisions, one a line. Put the rest in the notes.`,
  "outcomes.decision_too_long": ({ line, max }) => `Decision ${line} is too long: keep each decision to ${max} characters.`,
  "outcomes.action_title": ({ min, max }) => `Say what the action is, in ${min} to ${max} characters, for example Share the research plan.`,
  "outcomes.action_owner": () => "Choose who owns this action.",
  "outcomes.action_two_owners": () => "Choose one owner: someone in Slack or someone who takes part by email, not both.",
  "outcomes.action_owner_not_member": ({ community }) =>
    `The owner must be a member of ${esc(community)}. Choose a member, or ask them to join first.`,
  "outcomes.action_due": () => "Pick the date the action is due.",
  "outcomes.action_due_before": ({ startsAt, zone }) => `Pick a date on or after the meeting, ${longDate(startsAt, zone)}.`,
  "action.gone": () => "That action no longer exists. Type `/community actions` to see the actions as they are now.",
  "action.owner_only": ({ community }) =>
    `Only the action's owner, whoever recorded it, or the organisers of *${esc(community)}* can close it or change its date. Nothing was changed.`,
  "action.already_done": ({ title }) => `*${esc(title)}* is already done.`,
  "action.due_passed": () => "Pick today or a later date.",
  "action.due_too_far": () => "Pick a date in the next 3 years.",
  "action.filter": ({ typed }) =>
    `There is no list called “${esc(typed)}”. Type \`/community actions\` with mine, open or done, for example \`/community actions done\`.`,
} satisfies Partial<ReasonTexts>;
