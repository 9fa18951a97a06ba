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
