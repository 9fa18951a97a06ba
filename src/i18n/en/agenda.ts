// English: why something about a meeting's agenda, or what came out of a meeting, was refused.
import { esc } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";

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
} satisfies Partial<ReasonTexts>;
