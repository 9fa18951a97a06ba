// What to tell someone whose channel Slack refused, beside the form field it
// came from. The community and group forms both create or link channels.

/** A new channel Slack would not create. `useExisting` is the form's own words for linking one instead. */
export function newChannelProblem(code: string | undefined, name: string, useExisting: string): string {
  switch (code) {
    case "name_taken":
      return `A channel called #${name} already exists. Type another name, or pick #${name} under "${useExisting}".`;
    case "invalid_name":
    case "invalid_name_specials":
    case "invalid_name_punctuation":
    case "invalid_name_required":
    case "invalid_name_maxlength":
      return "Slack does not accept that channel name. Use lower case letters, numbers, hyphens and underscores (at most 80).";
    case "restricted_action":
      return `Your workspace does not let this app create channels. Choose "${useExisting}" instead, or ask an admin.`;
    default:
      return `Slack could not create the channel${code ? ` (${code})` : ""}. Please try again.`;
  }
}

/** An existing channel the app could not join. */
export function existingChannelProblem(code: string | undefined): string {
  switch (code) {
    case "is_archived":
      return "That channel is archived. Pick another, or create a new one.";
    case "method_not_supported_for_channel_type":
      return "The app can only use public channels. Pick a public channel, or create a new one.";
    case "channel_not_found":
      return "That channel could not be found. Pick another, or create a new one.";
    default:
      return `The app could not join that channel${code ? ` (${code})` : ""}. Pick another, or create a new one.`;
  }
}

/** Why a channel Slack found cannot be a community's or a group's, or null when it can. */
export function unusableChannelProblem(channel: {
  name?: string;
  is_general?: boolean;
  is_archived?: boolean;
  is_frozen?: boolean;
  is_read_only?: boolean;
  is_private?: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
}): string | null {
  const name = channel.name ? `#${channel.name}` : "That channel";
  // Everyone in the workspace is in the general channel, and many workspaces
  // let only admins post there: a community's messages would reach everyone.
  if (channel.is_general) return `${name} is the workspace's general channel, which everyone is in. Pick another channel, or create a new one.`;
  if (channel.is_archived) return existingChannelProblem("is_archived");
  if (channel.is_private || channel.is_im || channel.is_mpim) return existingChannelProblem("method_not_supported_for_channel_type");
  if (channel.is_frozen || channel.is_read_only) return `The app cannot post in ${name}. Pick another channel, or create a new one.`;
  return null;
}
