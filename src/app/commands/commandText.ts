// What follows /community <subcommand>, as Slack sends it. The manifest sets
// `should_escape: true`, so Slack turns "@Bob" into "<@U123|bob>" (we need the
// id to invite or promote someone), "#sc-x" into "<#C123|sc-x>" and links
// into "<https://…>", and it always sends &, < and > as entities.

import { cleanText } from "../../domain/common/text";
import type { CommunityQuery } from "../../domain/communities/communities";
import type { GroupQuery } from "../../domain/groups/groups";

export interface CommandText {
  /**
   * The words with user mentions taken out and links and entities turned back
   * into what the person typed. Channel mentions stay as "<#C123|name>", so a
   * community can be named by its channel (see communityQuery and groupQuery).
   */
  args: string;
  /** The users mentioned, in order, each once. */
  users: string[];
}

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;
const LINK = /<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g;

export function parseCommandText(raw: string): CommandText {
  const users: string[] = [];
  // Typed words are looked up and may become a prefilled name: control and bidirectional characters go first.
  const withoutUsers = cleanText(raw, "line").replace(USER_MENTION, (_match, id: string) => {
    if (!users.includes(id)) users.push(id);
    return " ";
  });
  const args = withoutUsers
    .replace(LINK, (_match, url: string) => url.replace(/^mailto:/, ""))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return { args, users };
}

/**
 * The channel id in a channel mention, which is how Slack sends "#sc-x" typed
 * in a command: "<#C123|sc-x>" (or "<#C123>") gives "C123". Anything else, null.
 */
export function channelMentionId(text: string): string | null {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text.trim())?.[1] ?? null;
}

/** A community named in a command: by a channel mention ("/community info #sc-x"), or by the words. */
export function communityQuery(args: string): CommunityQuery {
  const channelId = channelMentionId(args);
  return channelId ? { channelId } : { name: args };
}

/** A group named in a command: its words, and the community's channel when a mention ends them ("group join research #sc-x"). */
export function groupQuery(args: string): GroupQuery {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const channelId = words.length ? channelMentionId(words.at(-1)!) : null;
  return channelId ? { words: words.slice(0, -1), channelId } : { words, channelId: null };
}
