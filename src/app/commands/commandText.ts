// What follows /community <subcommand>, as Slack sends it. The manifest sets
// `should_escape: true`, so Slack turns "@Bob" into "<@U123|bob>" (we need the
// id to invite or promote someone), "#sc-x" into "<#C123|sc-x>" and links
// into "<https://…>", and it always sends &, < and > as entities.
import { cleanText } from "../../domain/common/text";

export interface CommandText {
  /**
   * The words with user mentions taken out and links and entities turned back
   * into what the person typed. Channel mentions stay as "<#C123|name>", so a
   * community can be named by its channel (see CommunityService.resolve).
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
