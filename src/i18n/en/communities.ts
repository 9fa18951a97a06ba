// English: why a community, its settings, a digest or a member was refused.
import type { OrganiserAction } from "../../domain/common/reasons";
import { channelLink, esc, userLink } from "../../views/mrkdwn";
import type { ReasonTexts } from "../catalogue";

const LIST = "`/community list`";

/** " Did you mean *a* or *b*?", or nothing. */
export function didYouMean(names: string[]): string {
  return names.length
    ? ` Did you mean ${names
        .slice(0, 3)
        .map((n) => `*${esc(n)}*`)
        .join(" or ")}?`
    : "";
}

const ORGANISER_ACTIONS: Record<OrganiserAction, string> = {
  promote: "make members organisers",
  step_down: "step down as organisers",
  remove: "remove members",
  change_settings: "change its settings",
  create_groups: "create groups",
  mark_duplicate: "close a problem as a duplicate",
  set_objective: "set an objective's owner, date and progress",
  promote_problem: "promote a problem to an objective",
  solve_problem: "mark a problem solved",
  reopen_problem: "reopen a problem",
  edit_charter: "edit its charter",
  archive: "archive it",
  unarchive: "unarchive it",
  delete: "delete it",
  edit_journey: "change its journey",
  manage_email_refusals: "see the addresses that cannot take email, or start emailing them again",
};

export const communityReasons = {
  "community.gone": () => `That community no longer exists. ${LIST} shows the current ones.`,
  "community.none_yet": () => "There are no communities in this workspace yet. Start one with `/community create`.",
  "community.archived": ({ community }) =>
    `*${esc(community)}* is archived. One of its organisers can bring it back with \`/community unarchive ${esc(community)}\`.`,
  "community.not_archived": ({ community }) => `*${esc(community)}* is not archived, so there is nothing to unarchive.`,
  "community.no_archived": () => `You do not organise any archived communities. ${LIST} shows the current ones.`,
  "community.unknown_archived": ({ typed, suggestions }) =>
    `You do not organise an archived community called "${esc(typed)}".${didYouMean(suggestions)} Type \`/community unarchive\` to see the ones you do.`,
  "community.delete_confirm_missing": ({ community }) => `Type the community's name, ${esc(community)}, to confirm you want to delete it.`,
  "community.delete_confirm_mismatch": ({ community }) =>
    `That is not the community's name. Type ${esc(community)} exactly to delete it, or close this form to keep it.`,
  "community.other_workspace": () => `That community is not in this workspace. ${LIST} shows the ones that are.`,
  "community.none_in_channel": ({ channelId }) => `No community uses ${channelLink(channelId)} as its channel. ${LIST} shows them all.`,
  "community.which": ({ usage }) =>
    `Which community? Type \`${usage}\`, or run the command in the community's channel. ${LIST} shows them all.`,
  "community.unknown": ({ typed, suggestions }) =>
    `There is no community called "${esc(typed)}".${didYouMean(suggestions)} ${LIST} shows them all.`,
  "community.name_race": () => "Someone created a community with a very similar name at the same moment. Try a different name.",
  "community.name_taken": ({ name }) =>
    `A community called "${name}" already exists. Join it with \`/community join ${name}\`, or choose another name.`,
  "community.channel_taken": ({ owner }) =>
    `That channel already belongs to ${owner ? `the community "${owner}"` : "another community"}. Pick another channel or create a new one.`,
  "community.name_too_short": ({ min }) => `Give the community a name of at least ${min} characters.`,
  "community.service_missing": () => "Say which service or user journey the community is about, for example Starting a business.",
  "community.too_many_problems": ({ max }) => `List up to ${max} problems here. You can log more later.`,
  "community.problem_too_long": ({ line, max }) => `Problem ${line} is longer than ${max} characters: put one short problem on each line.`,
  "community.cadence": () => "Choose how often the community will meet.",
  "community.contact_methods": () => "Choose from the listed ways of talking.",
  "community.timezone": () => "Pick a time zone from the list. Type a city to find it, for example London.",
  "settings.threshold": () => "Type a whole number of organisations from 1 to 50, for example 3.",
  "settings.bank_holidays": () => "Choose England and Wales, Scotland or Northern Ireland.",
  "settings.round_days": () => "Choose how many working days before each meeting to ask, or Off.",
  "settings.page_visibility": () => "Choose who can see the community's web page.",

  "text.name_too_long": ({ max, length }) => `Keep the name to ${max} characters (it has ${length}).`,
  "text.this_too_long": ({ max, length }) => `Keep this to ${max} characters (it has ${length}).`,
  "text.this_too_long_short": ({ max }) => `Keep this to ${max} characters.`,
  "link.not_link": () => "That is not a link. Use a full link that starts with https://",
  "link.not_link_or_email": () =>
    "That is not a link or an email address. Use a full link (https://…) or an address like team@example.gov.uk.",
  "reminders.from_list": () => "Choose reminders from the list.",
  "channel_name.missing": () => "Enter a channel name, or pick an existing channel.",
  "channel_name.too_long": ({ max }) => `Channel names can be at most ${max} characters.`,
  "channel_name.invalid": () =>
    "Channel names can only use lower case letters, numbers, hyphens and underscores, with no spaces or full stops (for example sc-starting-a-business).",

  "digest.cadence": () => "Choose weekly, monthly or off.",
  "digest.weekday": () => "Choose a day of the week.",
  "digest.month_day": () => "Choose a day from 1 to 28, so every month has it.",
  "digest.time": () => "Pick a time, for example 9am.",
  "digest.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can get its digest by DM. Join it first with \`/community join\`.`,

  "profile.organisation_missing": () => "Pick your organisation. Type a few letters, for example HMRC, or choose Other.",
  "profile.organisation_unknown": () => "That organisation is not in the list. Pick one from the list, or choose Other and type it.",
  "profile.organisation_other_missing": () => "You chose Other: type your organisation's name here.",
  "profile.profession_missing": () => "Pick your profession, or choose Other.",
  "profile.profession_unknown": () => "That profession is not in the list. Pick one from the list, or choose Other.",
  "profile.profession_other_missing": () => "You chose Other: type your profession here.",
  "profile.other_too_long": ({ max }) => `Keep it to ${max} characters.`,
  "member.removed": ({ community, organiserIds }) =>
    `An organiser removed you from *${esc(community)}*, so you can't join it again by yourself. Ask one of its organisers to invite you back: ${organiserIds.map(userLink).join(", ")}.`,
  "member.not_found_for_email": () => "You are not a member of this community, so it sends you no email.",
  "member.list_unreadable": () => "That button has expired. Type `/community members` to see the members again.",
  "member.not_in_to_leave": ({ community }) => `You are not a member of *${esc(community)}*, so there is nothing to leave.`,
  "member.last_organiser_leave": ({ community }) =>
    `You are the last organiser of *${esc(community)}*, so you cannot leave yet: a community needs at least one organiser. ` +
    "Once another member has been made an organiser, you can leave.",
  "member.last_organiser_step_down": ({ community }) =>
    `You are the last organiser of *${esc(community)}*, so you cannot step down yet: a community needs at least one organiser. ` +
    `Make someone else an organiser first (\`/community make-organiser @someone ${esc(community)}\`), then step down.`,
  "member.too_many_named": ({ max }) => `Name at most ${max} people at a time. Nothing was changed.`,
  "organisers.only": ({ community, action }) =>
    `Only the organisers of *${esc(community)}* can ${ORGANISER_ACTIONS[action]}. Nothing was changed.`,
  "messages.members_only": ({ community }) =>
    `Only members of *${esc(community)}* can choose how they get its messages. Join it first with \`/community join\`.`,
  "messages.choose": () => "Choose how you want to get these.",
  "messages.no_address": () => "Slack has not given us an email address for you. Add one to your Slack profile, or choose In Slack.",
  "messages.address_taken": () =>
    "Another member of this community already gets email at the address on your Slack profile. Choose In Slack, or ask an organiser.",
  "messages.not_refused": () => "Emails to this member are not blocked. Someone may have started emailing them again already.",
} satisfies Partial<ReasonTexts>;
