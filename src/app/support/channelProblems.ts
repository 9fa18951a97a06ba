// Why Slack refused a channel, beside the form field it came from. The
// community and group forms both create or link channels.
import type { ChannelForm, Reason } from "../../domain/common/reasons";

/** A new channel Slack would not create. `form` says which form's words for linking one instead to use. */
export function newChannelProblem(code: string | undefined, name: string, form: ChannelForm): Reason {
  switch (code) {
    case "name_taken":
      return { key: "slack.channel_name_taken", name, form };
    case "invalid_name":
    case "invalid_name_specials":
    case "invalid_name_punctuation":
    case "invalid_name_required":
    case "invalid_name_maxlength":
      return { key: "slack.channel_name_invalid" };
    case "restricted_action":
      return { key: "slack.channels_restricted", form };
    default:
      return { key: "slack.channel_not_created", code };
  }
}

/** An existing channel the app could not join. */
export function existingChannelProblem(code: string | undefined): Reason {
  switch (code) {
    case "is_archived":
      return { key: "slack.channel_archived" };
    case "method_not_supported_for_channel_type":
      return { key: "slack.channel_not_public" };
    case "channel_not_found":
      return { key: "slack.channel_not_found" };
    default:
      return { key: "slack.channel_not_joined", code };
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
}): Reason | null {
  const name = channel.name ?? null;
  // Everyone in the workspace is in the general channel, and many workspaces
  // let only admins post there: a community's messages would reach everyone.
  if (channel.is_general) return { key: "slack.channel_general", name };
  if (channel.is_archived) return existingChannelProblem("is_archived");
  if (channel.is_private || channel.is_im || channel.is_mpim) return existingChannelProblem("method_not_supported_for_channel_type");
  if (channel.is_frozen || channel.is_read_only) return { key: "slack.channel_read_only", name };
  return null;
}
