// English: why a group or an invitation was refused.

import { esc } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";
import { didYouMean } from "./communities";

/** Beside a linked channel that is already someone else's. */
const PICK_ANOTHER = 'Pick another channel, create a new one, or choose "No channel".';

export const groupReasons = {
  "group.gone": () => "That group no longer exists. `/community groups` shows the current ones.",
  "group.no_communities": () => "There are no communities in this workspace yet, so there are no groups. `/community create` starts one.",
  "group.which": ({ usage }) => `Which group? Type \`${esc(usage)}\`. \`/community groups\` lists a community's groups.`,
  "group.ambiguous": ({ name, communities, usage }) =>
    `Several communities have a group called "${esc(name)}": ${communities.map((c) => `*${esc(c)}*`).join(", ")}. ` +
    `Name the community too: \`${esc(usage)}\`, or run the command in the community's channel.`,
  "group.unknown_anywhere": ({ typed, usage }) =>
    `There is no group called "${esc(typed)}". If it belongs to a community, name both: \`${esc(usage)}\`, or run the command in the community's channel. \`/community groups &lt;community&gt;\` lists a community's groups.`,
  "group.members_only": ({ community, group }) =>
    `Groups are for members of *${esc(community)}*. Join the community first with \`/community join ${esc(community)}\`, then join *${esc(group)}*.`,
  "group.not_in_to_leave": ({ community, group }) =>
    `You are not a member of *${esc(community)}* or its group *${esc(group)}*, so there is nothing to leave.`,
  "group.name_taken": ({ community, name }) =>
    `*${esc(community)}* already has a group called "${esc(name)}". Choose another name, or join it with \`/community group join ${esc(name)}\`.`,
  "group.channel_is_community": ({ community }) =>
    `That is the channel of *${esc(community)}* itself, and a group needs a channel of its own. ${PICK_ANOTHER}`,
  "group.channel_of_community": ({ community }) => `That channel belongs to the community *${esc(community)}*. ${PICK_ANOTHER}`,
  "group.channel_of_group": ({ group }) => `That channel already belongs to the group *${esc(group)}*. ${PICK_ANOTHER}`,
  "group.none_yet": ({ community }) =>
    `*${esc(community)}* has no groups yet. Its organisers can start one with \`/community group create ${esc(community)}\`.`,
  "group.unknown": ({ community, typed, suggestions }) => {
    const where = `*${esc(community)}*`;
    const lead = typed.trim() ? `There is no group called "${esc(typed.trim())}" in ${where}.` : `Which group of ${where}?`;
    return `${lead}${didYouMean(suggestions)} \`/community groups ${esc(community)}\` lists them.`;
  },
  "group.name_missing": () => "Give the group a name, for example User research.",
  "group.focus_missing": () => "Say what the group focuses on, for example user research across the journey.",
  "group.focus_too_long": ({ max, length }) => `Keep the focus to ${max} characters (it has ${length}).`,
  "group.channel_choice": () => "Choose whether the group has a channel of its own.",
  "group.existing_channel_missing": () => "Pick the channel to link, or choose another option above.",

  "invitation.emails_invalid": ({ invalid }) => {
    const shown = invalid
      .slice(0, 5)
      .map((t) => `"${t.slice(0, 60)}"`)
      .join(", ");
    const more = invalid.length > 5 ? ` and ${invalid.length - 5} more` : "";
    return `${invalid.length === 1 ? "This is not an email address" : "These are not email addresses"}: ${shown}${more}. Separate addresses with commas or new lines.`;
  },
  "invitation.name_missing": () => "Enter your name, as you would like the community to see it.",
  "invitation.name_too_long": ({ max }) => `Your name must be ${max} characters or fewer.`,
  "invitation.nobody": () => "Choose at least one person, or type their email address below.",
  "invitation.too_many": ({ max, users, emails }) =>
    `You can invite up to ${max} people at once. This form has ${users + emails}: ${users} chosen and ${emails} email addresses. Invite the rest in a second form.`,
  "invitation.message_missing": () => "Write a short message, so people know why you are inviting them.",
  "invitation.message_too_long": ({ max, length }) => `Keep the message to ${max} characters (it has ${length}).`,
  "invitation.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can invite people to it. Join first with \`/community join ${esc(community)}\`.`,
  "invitation.not_found": () => "That invitation no longer exists. Ask the person who invited you to send it again.",
  "invitation.already_accepted": ({ community }) => `You already accepted this invitation: you are in *${esc(community)}*.`,
  "invitation.declined": ({ community }) => `You declined this invitation. ${canStillJoin(community)}`,
  "invitation.expired": ({ community }) => `This invitation to *${esc(community)}* expired after 30 days. ${canStillJoin(community)}`,
  "invitation.closed": ({ community }) => `This invitation is no longer open. ${canStillJoin(community)}`,
  "invitation.answered_meanwhile": () => "This invitation was answered a moment ago.",
  "invitation.already_answered": ({ community }) => `You already answered this invitation to *${esc(community)}*.`,
  "invitation.not_member_anywhere": () =>
    "You can invite people to the communities you are a member of, and you are not in any yet. `/community list` shows them all. Join one with `/community join &lt;name&gt;`.",
} satisfies Partial<ReasonTexts>;

function canStillJoin(community: string): string {
  return `You can still join with \`/community join ${esc(community)}\`.`;
}
