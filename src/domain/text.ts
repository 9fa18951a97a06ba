// Small text rules shared by the domain: names, slugs, Slack channel names, links.

/** Trims and folds runs of white space, so "  Starting   a business " is "Starting a business". */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

/** The key that makes names unique regardless of case and spacing. */
export function nameKey(name: string): string {
  return normaliseName(name).toLocaleLowerCase("en-GB");
}

/** "Starting a business!" -> "starting-a-business" (ASCII, at most `max` characters). */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return slug || "community";
}

// Slack's rules for channel names: lower case letters, numbers, hyphens and
// underscores; at most 80 characters; no spaces or full stops.
export const CHANNEL_NAME_MAX = 80;
const CHANNEL_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** A suggested channel name for a community: "sc-starting-a-business". */
export function suggestChannelName(communityName: string): string {
  return `sc-${slugify(communityName, CHANNEL_NAME_MAX - 3)}`;
}

/** Null when the name is acceptable to Slack, otherwise what is wrong with it. */
export function channelNameProblem(name: string): string | null {
  if (!name) return "Enter a channel name, or pick an existing channel.";
  if (name.length > CHANNEL_NAME_MAX) return `Channel names can be at most ${CHANNEL_NAME_MAX} characters.`;
  if (!CHANNEL_NAME_PATTERN.test(name)) {
    return "Channel names can only use lower case letters, numbers, hyphens and underscores, with no spaces or full stops (e.g. sc-starting-a-business).";
  }
  return null;
}

/** A http(s) URL, or null. */
export function parseWebLink(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if ((url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".")) return url.toString();
  } catch {
    // not a URL
  }
  return null;
}

const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** For a mailing list: a web link, or an email address (kept as mailto:). */
export function parseWebLinkOrEmail(text: string): string | null {
  const trimmed = text.trim().replace(/^mailto:/i, "");
  if (EMAIL_PATTERN.test(trimmed)) return `mailto:${trimmed}`;
  return parseWebLink(text);
}

/** Levenshtein distance, for "Did you mean …?". Small inputs only. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
