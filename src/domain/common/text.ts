// Small text rules shared by the domain: names, slugs, Slack channel names, links.
import type { Reason } from "./reasons";

/** A text field is one line (a name, a title, a link) or several (a description, an agenda, a message). */
export type TextKind = "line" | "lines";

// Line breaks of every kind (CR LF, CR, NEL, the Unicode line and paragraph separators) become "\n".
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
// C0 and C1 control characters, NUL among them (PostgreSQL refuses to store it), except tab and line feed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) reorder the
// text after them, so a name could read as something other than what it is ("Trojan Source"). The
// marks U+200E, U+200F and U+061C stay: they reorder nothing around them, only settle where neutral
// characters such as punctuation fall, and people writing Arabic or Hebrew beside Latin text need them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// Half of a surrogate pair is not a character (a UTF-8 database would store U+FFFD instead).
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Typed text as it may be stored: control characters, NUL, bidirectional
 * controls and broken surrogates taken out, everything else (Welsh ŵ and ŷ,
 * Arabic, Hebrew, emoji and their joiners) kept as typed. A multi-line field
 * keeps its line breaks (as "\n") and tabs; in a one-line field they become
 * spaces, since they separated words. Trimming and length checks come after.
 */
export function cleanText(text: string, kind: TextKind): string {
  const cleaned = text.replace(LINE_BREAKS, "\n").replace(CONTROLS, "").replace(BIDI_CONTROLS, "").replace(LONE_SURROGATES, "");
  return kind === "line" ? cleaned.replace(/[\t\n]/g, " ") : cleaned;
}

/**
 * A one-line field, cleaned (see cleanText), trimmed and with runs of white
 * space folded, so "  Starting   a business " is "Starting a business".
 */
export function normaliseName(name: string): string {
  return cleanText(name, "line").trim().replace(/\s+/g, " ");
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
export function channelNameProblem(name: string): Reason | null {
  if (!name) return { key: "channel_name.missing" };
  if (name.length > CHANNEL_NAME_MAX) return { key: "channel_name.too_long", max: CHANNEL_NAME_MAX };
  if (!CHANNEL_NAME_PATTERN.test(name)) return { key: "channel_name.invalid" };
  return null;
}

/** A http(s) URL, or null. A "|" is encoded: in a Slack link it would start the label. */
export function parseWebLink(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if ((url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".")) return url.toString().replace(/\|/g, "%7C");
  } catch {
    // not a URL
  }
  return null;
}

const EMAIL_PATTERN = /^[^\s@<>|]+@[^\s@<>|]+\.[^\s@<>|]+$/;

/** Whether the text is one email address (as an inbox would take it; not a full RFC 5322 check). */
export function isEmailAddress(text: string): boolean {
  return text.length <= 320 && EMAIL_PATTERN.test(text.trim());
}

/** For a mailing list: a web link, or an email address (kept as mailto:). */
export function parseWebLinkOrEmail(text: string): string | null {
  const trimmed = text.trim().replace(/^mailto:/i, "");
  if (EMAIL_PATTERN.test(trimmed)) return `mailto:${trimmed}`;
  return parseWebLink(text);
}

/**
 * Edit distance for "Did you mean …?": insertions, deletions, substitutions and
 * swaps of neighbouring letters ("lsit" is one step from "list").
 *
 * Bounded, because either string may come from a request: when the distance
 * is more than `max` the answer is `max + 1`, found without the full table.
 * Only cells within `max` of the diagonal can hold a distance of `max` or
 * less, so only that band is computed (time grows with the shorter string
 * times `max`, memory with the longer one), a length difference over `max`
 * is answered at once, and the work stops at the first row with nothing
 * within `max`.
 *
 * `work`, when given, counts the table cells computed: tests show the band
 * holds by counting, not by timing.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY, work?: { cells: number }): number {
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  // No distance is more than the longer length, so the band never needs to be wider.
  const limit = Math.min(max, m);
  if (m - n > limit) return max + 1;
  if (n === 0) return m;
  const over = limit + 1;
  let before = new Uint32Array(m + 1); // row i - 2, for swaps
  let previous = new Uint32Array(m + 1); // row i - 1
  let current = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= n; i++) {
    const from = Math.max(i - limit, 1);
    const to = Math.min(i + limit, m);
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    // The cells either side of the band read as "too far"; column 0 is i deletions.
    current[from - 1] = from === 1 && i < over ? i : over;
    if (to < m) current[to + 1] = over;
    if (work) work.cells += to - from + 1;
    let rowMin = current[from - 1];
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = previous[j - 1] + (ai === bj ? 0 : 1);
      const deletion = previous[j] + 1;
      if (deletion < d) d = deletion;
      const insertion = current[j - 1] + 1;
      if (insertion < d) d = insertion;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = before[j - 2] + 1;
        if (swap < d) d = swap;
      }
      if (d > over) d = over;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A swap reaches back two rows, but never below the row between: nothing later can come back within the limit.
    if (rowMin > limit) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[m];
  return distance > limit ? max + 1 : distance;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export interface ListWithMoreOptions {
  /** Name at most this many items; the rest are counted. */
  maxItems?: number;
  /**
   * The whole result, "and N more" included, is at most this many characters.
   * Items are never cut: those that do not fit are counted instead.
   */
  maxChars?: number;
  /**
   * What joins the last item when every item is named: " and " reads
   * "a, b and c"; ", " keeps a plain list, "a, b, c". When some are counted
   * the ending is always " and N more".
   */
  lastJoiner?: " and " | ", ";
  /**
   * What the count is called when not even the first item fits `maxChars`
   * (or `maxItems` is 0): { one: "member" } gives "40 members". Without it, "40 more".
   */
  noun?: { one: string; many?: string };
}

/**
 * A list for a sentence: "a", "a and b", "a, b and c"; with limits,
 * "a, b and 3 more". Items are used as given (escape or link them first);
 * an empty list gives "".
 */
export function listWithMore(items: readonly string[], opts: ListWithMoreOptions = {}): string {
  const { maxItems = Infinity, maxChars = Infinity, lastJoiner = " and " } = opts;
  const naturally = (shown: readonly string[]) =>
    shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")}${lastJoiner}${shown.at(-1)}`;
  if (items.length <= maxItems) {
    const all = naturally(items);
    if (all.length <= maxChars) return all;
  }
  const counted = (rest: number) => (opts.noun ? plural(rest, opts.noun.one, opts.noun.many) : `${rest} more`);
  // Each item named adds at least ", x" and shortens the count by at most one
  // digit, so once one does not fit, no later one does.
  let named = 0;
  let listed = "";
  let result = counted(items.length);
  while (named < Math.min(items.length - 1, maxItems)) {
    const nextListed = named ? `${listed}, ${items[named]}` : items[named];
    const next = `${nextListed} and ${items.length - named - 1} more`;
    if (next.length > maxChars) break;
    listed = nextListed;
    result = next;
    named++;
  }
  return result;
}
