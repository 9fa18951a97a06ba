// Checks what the bot hands to Slack for text that would be obeyed rather than
// shown: a live mention (<!channel>, <!here>, <!subteam^…>, <@U…>, <#C…>), a link,
// a stray "<" or ">", or a broken entity (a "&" that is not &amp; &lt; &gt;).
// It walks a whole Block Kit payload: every mrkdwn text object, and the
// top-level `text` of a message (Slack's notification and fallback), which is
// mrkdwn too. plain_text objects and input values are shown as they are, so
// they must carry typed text unescaped.

/** In every user field of the hostile tests: each of Slack's special forms, and the characters that make them. */
export const HOSTILE =
  "<!channel> <!here> <!everyone> <!subteam^S0EVIL|team> <@U0EVIL> <#C0EVIL> <https://evil.example|click> & < > &amp; @channel";

/** What HOSTILE looks like escaped; plain text showing this would show entities to the reader. */
export const HOSTILE_ESCAPED = HOSTILE.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface Allowed {
  /** Ids the bot itself knows and may mention. */
  users: Iterable<string>;
  channels: Iterable<string>;
  /** URLs the bot built or checked (calendar links, the Service Manual, checked links people gave). */
  urls: (url: string) => boolean;
}

const TOKEN = /<([^<>]*)>/g;

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** What a reader sees of mrkdwn: tokens become their labels, entities their characters. */
export function shown(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    parts.push(unescapeEntities(text.slice(last, m.index)));
    const inner = m[1];
    const bar = inner.indexOf("|");
    parts.push(bar >= 0 ? inner.slice(bar + 1) : inner);
    last = m.index! + m[0].length;
  }
  parts.push(unescapeEntities(text.slice(last)));
  return parts.join("");
}

/** Problems with one mrkdwn string, as "where: what". */
export function mrkdwnProblems(text: string, allowed: Allowed, where: string): string[] {
  const problems: string[] = [];
  const users = new Set(allowed.users);
  const channels = new Set(allowed.channels);
  for (const m of text.matchAll(TOKEN)) {
    const inner = m[1];
    const token = m[0];
    if (inner.startsWith("@")) {
      const id = inner.slice(1).split("|")[0];
      if (!users.has(id)) problems.push(`${where}: mention of someone the bot did not name: ${token}`);
    } else if (inner.startsWith("#")) {
      const id = inner.slice(1).split("|")[0];
      if (!channels.has(id)) problems.push(`${where}: link to a channel the bot did not name: ${token}`);
    } else if (inner.startsWith("!")) {
      // Only the date token: <!date^seconds^format|fallback>, with nothing that could end it early.
      if (!/^!date\^\d+\^[^|]*\|[^|]*$/.test(inner)) problems.push(`${where}: live special mention: ${token}`);
    } else {
      const url = unescapeEntities(inner.split("|")[0]);
      if (!allowed.urls(url)) problems.push(`${where}: link the bot did not build: ${token}`);
    }
  }
  const rest = text.replace(TOKEN, "");
  if (rest.includes("<")) problems.push(`${where}: stray "<" outside a token`);
  // ">" starts a quote at the beginning of a line; anywhere else it belongs to no token.
  if (rest.split("\n").some((line) => line.replace(/^\s*>/, "").includes(">"))) problems.push(`${where}: stray ">" outside a token`);
  const broken = text.match(/&(?!amp;|lt;|gt;)[^\s]{0,6}/g);
  if (broken) problems.push(`${where}: broken entity ${JSON.stringify(broken)}`);
  return problems;
}

/**
 * Every text of a payload: a message (chat.postMessage/update args, a
 * response_url body, an ack), a view (modal, Home). `texts` collects what the
 * reader sees of each mrkdwn string, for checks that the typed text got through.
 */
export function payloadProblems(payload: unknown, allowed: Allowed, where: string, texts: string[] = []): string[] {
  const problems: string[] = [];
  const root = payload as Record<string, unknown> | null;
  if (root && typeof root.text === "string") {
    problems.push(...mrkdwnProblems(root.text, allowed, `${where} text`));
    texts.push(shown(root.text));
  }
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        walk(n, `${path}[${i}]`);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "mrkdwn" && typeof o.text === "string") {
      problems.push(...mrkdwnProblems(o.text, allowed, path));
      if (o.verbatim !== true) problems.push(`${path}: mrkdwn without verbatim, so Slack may link-ify or parse it`);
      texts.push(shown(o.text));
      return;
    }
    if (o.type === "plain_text" && typeof o.text === "string") {
      if (o.text.includes(HOSTILE_ESCAPED)) problems.push(`${path}: plain text escaped (the reader would see entities)`);
      return;
    }
    if (typeof o.initial_value === "string" && o.initial_value.includes(HOSTILE_ESCAPED)) problems.push(`${path}: input value escaped`);
    for (const [key, value] of Object.entries(o)) walk(value, `${path}.${key}`);
  };
  walk(payload, where);
  return problems;
}
