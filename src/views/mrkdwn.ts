// The one way to put text into Slack's mrkdwn: every block's text, and every
// message's top-level `text` (which Slack shows in notifications, previews and
// to screen readers), is a `Mrkdwn` value. Only this module makes them:
//
// - `md` joins literal template parts (code, so trusted) with values that are
//   already `Mrkdwn`, or numbers. A raw string cannot be interpolated: the type
//   checker refuses it, so typed text has to go through `esc` first.
// - `esc` escapes &, < and > (Slack's control characters), so "<!channel>",
//   "<@U1>" or "<https://x|click>" typed by someone are shown, never obeyed.
// - The helpers below are the only way to write Slack's own syntax (mentions,
//   channel links, links), and each checks what it is given.
//
// Plain-text fields (plain_text objects, modal titles, options, input values)
// are not mrkdwn: Slack parses no mentions there and shows the text as it is,
// so they take ordinary strings (see plain() in blocks.ts) and are not escaped.

import { type ListWithMoreOptions, listWithMore as listWords, plural as pluralWords } from "../domain/common/text";
import { isEmailPerson, type NamedPerson } from "../domain/members/people";

declare const MRKDWN: unique symbol;

/** Text that is safe to hand to Slack as mrkdwn: typed text in it is escaped. */
export type Mrkdwn = string & { readonly [MRKDWN]: true };

/** Only for text this module has built or checked. */
function trusted(text: string): Mrkdwn {
  return text as Mrkdwn;
}

/**
 * Literal parts may hold formatting (*bold*, `code`, > quotes, emoji) but never
 * "<" or "&": Slack's tokens come only from the helpers below, and entities
 * only from esc. Checked once per template (Slack's tokens in a literal would
 * otherwise be obeyed however the values are escaped).
 */
const checkedTemplates = new WeakSet<TemplateStringsArray>();
function checkLiterals(strings: TemplateStringsArray): void {
  if (checkedTemplates.has(strings)) return;
  for (const part of strings) {
    if (/[<&]/.test(part))
      throw new Error(`mrkdwn literal with "<" or "&": ${JSON.stringify(part)}; use esc() or a helper in views/mrkdwn.ts`);
  }
  checkedTemplates.add(strings);
}

/** md`*${esc(name)}* joined ${userLink(id)}`: literal parts as written, values already mrkdwn. */
export function md(strings: TemplateStringsArray, ...values: ReadonlyArray<Mrkdwn | number>): Mrkdwn {
  checkLiterals(strings);
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += String(values[i]) + strings[i + 1];
  return trusted(out);
}

/**
 * Typed (or stored, or any non-literal) text, escaped so Slack shows it as it
 * is: &, < and > are Slack's control characters, so "<!channel>" or
 * "<https://x|label>" typed by someone is shown, not obeyed.
 */
export function esc(text: string): Mrkdwn {
  return trusted(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

/** Mrkdwn one after another: `+` on two Mrkdwn values gives a plain string, which is refused. */
export function concat(...parts: readonly Mrkdwn[]): Mrkdwn {
  return trusted(parts.join(""));
}

/** Joins mrkdwn with a separator that is itself mrkdwn (md`\n`, md`, `). */
export function joinMd(parts: readonly Mrkdwn[], separator: Mrkdwn): Mrkdwn {
  return trusted(parts.join(separator));
}

/** Lines of mrkdwn, one under another. */
export function lines(parts: readonly Mrkdwn[]): Mrkdwn {
  return joinMd(parts, md`\n`);
}

/**
 * Cut to at most `max` characters, ending with "…", without splitting an
 * entity ("&amp;"), a Slack token ("<@U1>") or a character outside the BMP:
 * half of one would show as a broken entity or a stray "<".
 */
export function truncateMd(text: Mrkdwn, max: number): Mrkdwn {
  if (text.length <= max) return text;
  let cut = max - 1;
  const entity = text.lastIndexOf("&", cut - 1);
  if (entity >= 0 && text.indexOf(";", entity) >= cut) cut = entity;
  const token = text.lastIndexOf("<", cut - 1);
  if (token >= 0 && text.indexOf(">", token) >= cut) cut = token;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return trusted(`${text.slice(0, cut)}…`);
}

// Slack's ids: U/W users (B bots), C/G channels (D direct messages).
const USER_ID = /^[UWB][A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** <@U…>: a mention of someone the bot knows by id. Anything that is not an id is shown as text. */
export function userLink(userId: string): Mrkdwn {
  if (isEmailPerson(userId)) return md`someone by email`;
  return USER_ID.test(userId) ? trusted(`<@${userId}>`) : esc(userId);
}

/**
 * A person by what the bot knows of them: a mention of a Slack member, or the
 * name a member by email gave, marked "by email" so nobody looks for them in
 * Slack. A person by email whose name is not to hand is "someone by email".
 */
export function personLink(person: NamedPerson): Mrkdwn {
  if (!isEmailPerson(person.slackUserId)) return userLink(person.slackUserId);
  return person.displayName ? md`${esc(person.displayName)} (by email)` : md`someone by email`;
}

/** <#C…>: renders as #name for everyone who can see the channel. */
export function channelLink(channelId: string | null): Mrkdwn {
  if (!channelId) return md`_no channel yet_`;
  return CHANNEL_ID.test(channelId) ? trusted(`<#${channelId}>`) : esc(channelId);
}

const LINKABLE = /^(?:https?:\/\/|mailto:)[^\s<>|]+$/i;

/**
 * <url|label>: a link the bot shows, to a URL it built or checked (a
 * parseWebLink result, a calendar link). A URL that could end or relabel the
 * token is not linked: the label is shown alone.
 */
export function link(url: string, label: Mrkdwn): Mrkdwn {
  if (!LINKABLE.test(url)) return label;
  return trusted(`<${url.replace(/&/g, "&amp;")}|${label}>`);
}

/** "3 votes": counts and code's own nouns. */
export function plural(count: number, one: string, many = `${one}s`): Mrkdwn {
  return esc(pluralWords(count, one, many));
}

/** "a, b and 3 more" from items that are already mrkdwn; the joiners and counts are the bot's own. */
export function listWithMore(items: readonly Mrkdwn[], opts: ListWithMoreOptions = {}): Mrkdwn {
  return trusted(listWords(items, opts));
}

/**
 * The coded errors' words. The catalogue (src/i18n) writes them as mrkdwn with
 * every typed value passed through esc, so they are taken as they are: this is
 * the one place a plain string becomes Mrkdwn unchecked. The same holds for a
 * catalogue sentence built around parts a view has already made mrkdwn (the
 * live-projects question): its own words hold no markup.
 */
export function domainMessage(userMessage: string): Mrkdwn {
  return trusted(userMessage);
}

/**
 * Mrkdwn kept in the outbox by the bot itself (see scheduler/messages.ts) and
 * read back when it is sent: built with md when the row was written.
 */
export function storedMrkdwn(text: string): Mrkdwn {
  return trusted(text);
}
