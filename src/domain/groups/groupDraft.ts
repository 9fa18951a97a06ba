// Checks what an organiser typed into the create-group modal. Every problem is
// reported at once, keyed by field: name, focus, channel, channelName, existingChannel.
import { ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { CHANNEL_NAME_MAX, channelNameProblem, cleanText, normaliseName, slugify } from "../common/text";

export const GROUP_LIMITS = {
  nameMin: 2,
  nameMax: 80,
  focusMin: 2,
  focusMax: 150,
} as const;

/** Where the group talks: nowhere of its own, a channel made for it, or a channel that already exists. */
export const GROUP_CHANNEL_CHOICES = ["none", "new", "existing"] as const;

export type GroupChannelChoiceKind = (typeof GROUP_CHANNEL_CHOICES)[number];

export type GroupChannel = { kind: "new"; name: string } | { kind: "existing"; channelId: string } | null;

export interface GroupDraftInput {
  name?: string | null;
  focus?: string | null;
  channel?: string | null;
  channelName?: string | null;
  existingChannelId?: string | null;
}

export interface GroupDraft {
  name: string;
  focus: string;
  channel: GroupChannel;
}

/** "sc-starting-a-business-user-research": the community's slug, then the group's, within Slack's 80 characters. */
export function suggestGroupChannelName(communitySlug: string, groupName: string): string {
  const prefix = `sc-${communitySlug}-`.slice(0, CHANNEL_NAME_MAX - 10);
  return `${prefix}${slugify(groupName, CHANNEL_NAME_MAX - prefix.length)}`;
}

function isChoice(value: string): value is GroupChannelChoiceKind {
  return (GROUP_CHANNEL_CHOICES as readonly string[]).includes(value);
}

/**
 * The channel choice decides which of the two channel inputs counts; the other
 * is ignored (Slack offers no way to clear a conversations_select once picked).
 * A new channel with no name typed gets the suggested one.
 */
export function checkGroupDraft(input: GroupDraftInput, communitySlug: string): GroupDraft {
  const errors: FieldErrors = {};

  const name = normaliseName(input.name ?? "");
  if (name.length < GROUP_LIMITS.nameMin) errors.name = { key: "group.name_missing" };
  else if (name.length > GROUP_LIMITS.nameMax) errors.name = { key: "text.name_too_long", max: GROUP_LIMITS.nameMax, length: name.length };

  const focus = normaliseName(input.focus ?? "");
  if (focus.length < GROUP_LIMITS.focusMin) errors.focus = { key: "group.focus_missing" };
  else if (focus.length > GROUP_LIMITS.focusMax)
    errors.focus = { key: "group.focus_too_long", max: GROUP_LIMITS.focusMax, length: focus.length };

  const choice = (input.channel ?? "").trim();
  let channel: GroupChannel = null;
  if (!isChoice(choice)) {
    errors.channel = { key: "group.channel_choice" };
  } else if (choice === "new") {
    const typed = cleanText(input.channelName ?? "", "line")
      .trim()
      .replace(/^#/, "");
    const channelName = typed || (errors.name ? "" : suggestGroupChannelName(communitySlug, name));
    const problem = channelName ? channelNameProblem(channelName) : null;
    if (problem) errors.channelName = problem;
    else if (channelName) channel = { kind: "new", name: channelName };
  } else if (choice === "existing") {
    const channelId = cleanText(input.existingChannelId ?? "", "line").trim();
    if (!channelId) errors.existingChannel = { key: "group.existing_channel_missing" };
    else channel = { kind: "existing", channelId };
  }

  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { name, focus, channel };
}
