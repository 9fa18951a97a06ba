// English: what the Slack edge refuses by itself (a command it cannot read, a
// form that lost its context) and what it says when Slack refuses a channel.
import type { ChannelForm } from "../../domain/common/reasons";
import type { ReasonTexts } from "../catalogue";
import { labels } from "./labels";

/** Each channel form's own words for linking a channel instead. */
const USE_EXISTING: Record<ChannelForm, string> = {
  community: "use an existing public channel",
  group: labels.groupChannelChoices.existing,
};

const REOPEN = {
  problem: "Open the problem again.",
  settings: "Run `/community settings` again.",
  invitation: "Select Accept on the invitation again.",
  meeting_menu: "Open the meeting's menu again.",
  charter: "Type `/community edit` again.",
  delete: "Type `/community delete` again.",
  finding: "Type `/community findings` and press Share a finding again.",
  journey: "Type `/community journey` again.",
  action: "Select Change date on the action again.",
  messages: "Type `/community messages` again.",
  round: "Select Tell us about a change in the question again.",
} as const;

const CHOOSE_COMMUNITY = {
  invite: "Choose the community to invite people to.",
  join: "Choose the community you want to join.",
  problem: "Choose the community this problem belongs to.",
  meeting: "Choose the community this meeting is for.",
} as const;

export const edgeReasons = {
  "command.too_long": ({ length, max }) =>
    `That command is too long to read: it has ${length.toLocaleString("en-GB")} characters, and a command can have up to ${max.toLocaleString("en-GB")}. Type \`/community help\` to see what each command needs.`,
  "command.say_who_to_promote": () =>
    "Say who: type `/community make-organiser @someone [name]`, mentioning the member you want to make an organiser. " +
    "In the community's channel you can leave out the name.",
  "command.say_who_to_remove": () =>
    "Say who: type `/community remove @someone [name]`, mentioning the member you want to remove. " +
    "In the community's channel you can leave out the name.",
  "command.step_down_takes_no_mention": () =>
    "`/community step-down` hands back your own organiser role, so it takes no @mention. Type `/community step-down [name]`. Nothing was changed.",
  "workspace.required": () => "This app works inside a workspace: run the command from a channel in your workspace.",
  "form.unreadable": () => "This app could not read this form. Close it and open it again.",
  "form.unreadable_answer": () => "This app could not read this answer. Enter or choose it again.",
  "form.expired": ({ reopen }) => `This form has expired. ${REOPEN[reopen]}`,
  "form.lost_community": () => "This form lost track of its community. Close it and type `/community group create` again.",
  "form.choose_community": (params) => CHOOSE_COMMUNITY[params.for],
  "slack.no_channel_returned": () => "Slack did not return the new channel. Try again.",
  "slack.channel_name_taken": ({ name, form }) =>
    `A channel called #${name} already exists. Type another name, or pick #${name} under "${USE_EXISTING[form]}".`,
  "slack.channel_name_invalid": () =>
    "Slack does not accept that channel name. Use lower case letters, numbers, hyphens and underscores (at most 80).",
  "slack.channels_restricted": ({ form }) =>
    `Your workspace does not let this app create channels. Choose "${USE_EXISTING[form]}" instead, or ask an admin.`,
  "slack.channel_not_created": ({ code }) => `Slack could not create the channel${code ? ` (${code})` : ""}. Try again.`,
  "slack.channel_archived": () => "That channel is archived. Pick another, or create a new one.",
  "slack.channel_not_public": () => "This app can only use public channels. Pick a public channel, or create a new one.",
  "slack.channel_not_found": () => "Slack cannot find that channel. Pick another, or create a new one.",
  "slack.channel_not_joined": ({ code }) =>
    `This app could not join that channel${code ? ` (${code})` : ""}. Pick another, or create a new one.`,
  "slack.channel_general": ({ name }) =>
    `${name ? `#${name}` : "That channel"} is the workspace's general channel, which everyone is in. Pick another channel, or create a new one.`,
  "slack.channel_read_only": ({ name }) =>
    `This app cannot post in ${name ? `#${name}` : "that channel"}. Pick another channel, or create a new one.`,
  "slack.busy": ({ seconds }) => `Slack is busy right now. Try again in ${seconds} seconds.`,
  "slack.no_answer": () => "Slack did not answer in time. Try again in a moment.",
} satisfies Partial<ReasonTexts>;
