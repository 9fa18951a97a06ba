// The GOV.UK style rules a program can check, applied to what the bot hands to
// Slack: a message (chat.postMessage, chat.postEphemeral, chat.update, a
// response_url body, a command's or an action's ack), a view (views.open, push,
// update, publish) or a submission's ack with field errors. The rules a reader
// has to judge (short sentences, the active voice, one voice, sentence case)
// are in the README's contributor notes; these are the ones a regular
// expression can hold:
//
// - no "e.g." or "i.e." (write "for example", "that is");
// - no exclamation marks (Slack's own tokens, <!date…>, <!channel>, are not text);
// - no IANA zone name such as Europe/London (a zone is said in words: "UK time");
// - times on the 12-hour clock ("10am", "2:30pm", "midday"): no "14:30", "09:00",
//   "10:00 AM" or "12pm", and dates not as "2026-03-09" or "Mar 9, 2026";
// - no emoji without words beside it (":white_check_mark:" alone says nothing
//   to a screen reader);
// - no nested brackets, and no phrase said twice in a row ("Starting a
//   business: Starting a business");
// - every chat.postMessage and chat.postEphemeral has fallback `text`
//   (notifications and screen readers);
// - no section's text over 2,000 characters;
// - no message over 20 blocks, except the paged lists (PAGED_LISTS).
import { BLOCK } from "../../src/views/ids";

/** How a payload reached Slack, which decides the message-level rules it is held to. */
export type SentKind = "post" | "message" | "view" | "errors";

export const MAX_SECTION_CHARS = 2000;
export const MAX_MESSAGE_BLOCKS = 20;

/**
 * The lists that may pass MAX_MESSAGE_BLOCKS, known by their pager's block_id:
 * /community list, /community problems, /community members, one
 * organisation's members, and /community journey (12 stages a page). They show
 * one page at a time, so a long page is still a bounded one.
 */
export const PAGED_LISTS: readonly string[] = [
  BLOCK.listPager,
  BLOCK.problemsPager,
  BLOCK.membersPager,
  BLOCK.membersOrganisationPager,
  BLOCK.journeyActions,
];

/** Every zone the runtime knows, as a pattern that also matches one written with spaces ("America/New York"). */
function zonePattern(): RegExp {
  const names = [...Intl.supportedValuesOf("timeZone"), "Etc/UTC", "Etc/GMT"];
  const escaped = names.map((zone) => zone.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/_/g, "[_ ]"));
  escaped.sort((a, b) => b.length - a.length);
  return new RegExp(`\\b(?:${escaped.join("|")})\\b`);
}
const IANA_ZONE = zonePattern();

const TOKEN = /<([^<>]*)>/g;

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * What a reader sees of mrkdwn: a link shows its label, a date token its
 * fallback, a mention or channel link something that is not the bot's words
 * (so it is left out), and entities their characters.
 */
export function readerText(text: string): string {
  const out = text.replace(TOKEN, (_, inner: string) => {
    const bar = inner.indexOf("|");
    if (inner.startsWith("@") || inner.startsWith("#")) return "someone";
    if (inner.startsWith("!")) return bar >= 0 ? inner.slice(bar + 1) : "";
    return bar >= 0 ? inner.slice(bar + 1) : "a link";
  });
  return unescapeEntities(out);
}

const RULES: Array<{ test: (text: string) => string | null }> = [
  { test: (t) => (/\b(?:e\.g|i\.e)\b\.?/i.test(t) ? `"${t.match(/\b(?:e\.g|i\.e)\b\.?/i)![0]}" (write "for example")` : null) },
  { test: (t) => (t.includes("!") ? "an exclamation mark" : null) },
  { test: (t) => (IANA_ZONE.test(t) ? `the time zone name "${t.match(IANA_ZONE)![0]}" (say it in words: "UK time")` : null) },
  {
    test: (t) => {
      const clock =
        t.match(/\b\d{1,2}:\d{2}(?!\s*[ap]m\b)(?!\d)/i) ??
        t.match(/\b\d{1,2}(?::\d{2})?\s+[AaPp]\.?[Mm]\.?(?![a-z])/) ??
        t.match(/\b\d{1,2}:00\s*[ap]m\b/i) ??
        t.match(/\b12\s*[ap]m\b/i);
      return clock ? `the time "${clock[0]}" (write "10am", "2:30pm", "midday")` : null;
    },
  },
  {
    test: (t) => {
      const date =
        t.match(/\b\d{4}-\d{2}-\d{2}\b/) ??
        t.match(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b/);
      return date ? `the date "${date[0]}" (write "Tuesday 9 December 2026")` : null;
    },
  },
  {
    // An emoji is decoration: a screen reader may skip it, so words beside it must carry the meaning.
    test: (t) =>
      /:[a-z0-9_+-]+:/.test(t) && !/[A-Za-z0-9]/.test(t.replace(/:[a-z0-9_+-]+:/g, "")) ? "an emoji with no words beside it" : null,
  },
  {
    test: (t) => {
      let depth = 0;
      for (const character of t) {
        if (character === "(") depth++;
        else if (character === ")") depth = Math.max(0, depth - 1);
        if (depth > 1) return "brackets inside brackets";
      }
      return null;
    },
  },
  {
    test: (t) => {
      // Formatting (*bold*, _italic_, `code`) is not words, and one item of a list does not run on into the next.
      const words = t
        .replace(/\n\s*(?:•|\d+\.)/g, " ¶ ")
        .replace(/[*_~`]/g, " ")
        .replace(/\s+/g, " ");
      const repeated = words.match(/\b([A-Za-z][\w'’-]*(?: [\w'’-]+){1,})\s?[:,;–—-]?\s\1\b/i);
      return repeated ? `"${repeated[1]}" twice in a row` : null;
    },
  },
];

/** What is wrong with one text the reader sees, as "where: what". */
export function textProblems(text: string, where: string): string[] {
  const shown = readerText(text);
  return RULES.map((rule) => rule.test(shown))
    .filter((found): found is string => found !== null)
    .map((found) => `${where}: ${found} in ${JSON.stringify(shown.length > 160 ? `${shown.slice(0, 157)}…` : shown)}`);
}

/** Every text the reader sees in a payload, with where it is: text objects, input values, field errors. */
function readableTexts(payload: unknown, where: string): Array<{ text: string; where: string }> {
  const found: Array<{ text: string; where: string }> = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        walk(n, `${path}[${i}]`);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      // Slack's ids, values and the form's hidden state are not shown; neither is a URL.
      if (
        [
          "action_id",
          "block_id",
          "callback_id",
          "value",
          "url",
          "private_metadata",
          "external_id",
          "hash",
          "initial_time",
          "initial_date",
          "image_url",
        ].includes(key)
      )
        continue;
      if ((key === "text" || key === "initial_value") && typeof value === "string") found.push({ text: value, where: `${path}.${key}` });
      else walk(value, `${path}.${key}`);
    }
  };
  walk(payload, where);
  return found;
}

function blocksOf(payload: Record<string, unknown>): unknown[] | undefined {
  return Array.isArray(payload.blocks) ? payload.blocks : undefined;
}

function isPaged(blocks: unknown[]): boolean {
  return blocks.some((b) => PAGED_LISTS.includes(String((b as { block_id?: unknown }).block_id ?? "")));
}

/**
 * What is wrong with one payload the bot sent, as "where: what". `kind` says
 * how it went: "post" (chat.postMessage or postEphemeral: it must carry fallback text),
 * "message" (any other message: an ephemeral, an update, a response_url body,
 * an ack), "view" (a modal or Home tab, whose block limits are Slack's own),
 * "errors" (a submission's ack with field errors).
 */
export function styleProblems(payload: unknown, kind: SentKind, where: string): string[] {
  if (!payload || typeof payload !== "object") return [];
  const root = payload as Record<string, unknown>;
  const problems: string[] = [];
  if (kind === "errors") {
    for (const [field, text] of Object.entries((root.errors ?? {}) as Record<string, unknown>)) {
      if (typeof text === "string") problems.push(...textProblems(text, `${where} error on ${field}`));
    }
    return problems;
  }
  for (const { text, where: at } of readableTexts(payload, where)) problems.push(...textProblems(text, at));
  if (kind === "post" && (typeof root.text !== "string" || !root.text.trim()))
    problems.push(`${where}: a message posted without fallback text`);
  const blocks = blocksOf(root) ?? [];
  blocks.forEach((block, i) => {
    const text = (block as { type?: string; text?: { text?: unknown } }).text?.text;
    if ((block as { type?: string }).type === "section" && typeof text === "string" && text.length > MAX_SECTION_CHARS) {
      problems.push(`${where}.blocks[${i}]: a section of ${text.length} characters (at most ${MAX_SECTION_CHARS})`);
    }
  });
  if (kind !== "view" && blocks.length > MAX_MESSAGE_BLOCKS && !isPaged(blocks)) {
    problems.push(`${where}: ${blocks.length} blocks in a message that is not a paged list (at most ${MAX_MESSAGE_BLOCKS})`);
  }
  return problems;
}
