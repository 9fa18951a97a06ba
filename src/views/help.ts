// Help, grouped by what people come to do. `/community help` lists the topics
// with their commands' names, so it stays the same short message however many
// commands there are; `/community help <topic>` gives each command of one topic
// with its usage, and `/community help <command>` that command alone.
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
  header,
  joinMd,
  LIMITS,
  link,
  type Mrkdwn,
  md,
  section,
} from "./blocks";
import { ACTION, COMMAND } from "./ids";

export const SERVICE_MANUAL_URL = "https://www.gov.uk/service-manual/design/setting-up-a-service-community";

export const HELP_TOPICS = ["start", "problems", "journey", "people", "groups", "meetings", "settings"] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** Each topic's title, what it is for, and other words people may type for it. */
export const TOPIC_DETAILS: Record<HelpTopic, { title: string; about: string; aliases: string[] }> = {
  start: {
    title: "Getting started",
    about: "Find, create and join communities, read a charter, and leave.",
    aliases: ["getting-started", "start", "communities"],
  },
  problems: {
    title: "Problems and objectives",
    about: "Log the problems your users meet, say which affect your organisation too, and agree objectives.",
    aliases: ["problem", "objectives", "votes"],
  },
  journey: {
    title: "The service journey",
    about:
      "The stages users go through, in order: who owns each, where the problems are, and who works on it. Organisers shape it; members suggest stages.",
    aliases: ["stages", "steps", "journey-map"],
  },
  people: {
    title: "People and invitations",
    about: "See who is in a community, invite people, and choose organisers.",
    aliases: ["members", "invitations", "organisers"],
  },
  groups: { title: "Groups", about: "Smaller groups that work on one part of the service and report back.", aliases: ["group"] },
  meetings: { title: "Meetings", about: "Schedule meetings, answer them, and get reminders.", aliases: ["meeting", "reminders"] },
  settings: {
    title: "Settings and the charter",
    about:
      "For everyone: how you get messages (in Slack, by email or both) and the digest. For organisers: change the charter and settings, archive or delete a community.",
    aliases: ["setting", "charter", "digest", "organiser"],
  },
};

export interface HelpEntry {
  name: string;
  usage: string;
  summary: string;
  topic: HelpTopic;
}

/** The topic a word names: its key or title, or (with `aliases`) one of its other words, in any case. */
export function findTopic(word: string, opts: { aliases: boolean } = { aliases: true }): HelpTopic | undefined {
  const w = word.trim().toLowerCase().replace(/\s+/g, "-");
  const named = HELP_TOPICS.find((t) => t === w || TOPIC_DETAILS[t].title.toLowerCase().replace(/\s+/g, "-") === w);
  return named ?? (opts.aliases ? HELP_TOPICS.find((t) => TOPIC_DETAILS[t].aliases.includes(w)) : undefined);
}

const helpFor = (topic: HelpTopic) => md`\`${esc(COMMAND)} help ${esc(topic)}\``;

function footer(): AnyBlock[] {
  return [
    actions(undefined, button("Create a community", ACTION.openCreateModal, "help", "primary")),
    context(
      md`New to service communities? Read ${link(SERVICE_MANUAL_URL, md`How to set up a service community`)} in the GOV.UK Service Manual.`,
    ),
  ];
}

/** `/community help`: what the app is for, and each topic with its commands. */
export function helpOverview(entries: HelpEntry[]): BlockMessage {
  const blocks: AnyBlock[] = [
    header("Service Communities"),
    section(
      md`A service community brings together people from different organisations and professions who work on one end-to-end service, such as *Starting a business*, to solve the problems they share.`,
    ),
  ];
  for (const topic of HELP_TOPICS) {
    const names = entries.filter((e) => e.topic === topic).map((e) => md`\`${esc(e.name)}\``);
    blocks.push(
      section(
        md`*${esc(TOPIC_DETAILS[topic].title)}*\n${esc(TOPIC_DETAILS[topic].about)}\nCommands: ${joinMd(names, md`, `)}. Type ${helpFor(topic)} for how to use them.`,
      ),
    );
  }
  blocks.push(...footer());
  return { text: md`Service Communities: what you can do with ${esc(COMMAND)}`, blocks };
}

function entryText(entry: HelpEntry): Mrkdwn {
  return md`\`${esc(entry.usage)}\`\n${esc(entry.summary)}`;
}

/** `/community help meetings`: each of the topic's commands with its usage. */
export function helpTopicMessage(topic: HelpTopic, entries: HelpEntry[]): BlockMessage {
  const { title, about } = TOPIC_DETAILS[topic];
  const blocks: AnyBlock[] = [header(title), section(esc(about))];
  // A section holds 3,000 characters: a topic that outgrows one goes on in the next.
  let chunk: Mrkdwn = md``;
  for (const text of entries.filter((e) => e.topic === topic).map(entryText)) {
    if (chunk && chunk.length + 2 + text.length > LIMITS.sectionText) {
      blocks.push(section(chunk));
      chunk = md``;
    }
    chunk = chunk ? md`${chunk}\n\n${text}` : text;
  }
  if (chunk) blocks.push(section(chunk));
  blocks.push(
    context(
      md`Type \`${esc(COMMAND)} help\` to see every topic. Where a command says [name], you can leave the name out in the community's own channel.`,
    ),
  );
  return { text: md`Help: ${esc(title)}`, blocks };
}

/** `/community help invite`: one command, and the topic it belongs to. */
export function commandHelpMessage(entry: HelpEntry): BlockMessage {
  const text = entryText(entry);
  return {
    text,
    blocks: [section(text), context(md`More like this: ${helpFor(entry.topic)}. Everything: \`${esc(COMMAND)} help\`.`)],
  };
}

/** `/community help xyz`: not a topic or a command; the topics, briefly. */
export function unknownTopicMessage(typed: string): BlockMessage {
  const topics = HELP_TOPICS.map((t) => md`\`${esc(t)}\` (${esc(TOPIC_DETAILS[t].title.toLowerCase())})`);
  const text = md`There is no help on "${esc(typed)}". The topics are ${joinMd(topics, md`, `)}. Type \`${esc(COMMAND)} help\` followed by one of them.`;
  return { text, blocks: [section(text)] };
}

/**
 * A word that is not a command (nor a community's name). A close match gets
 * "Did you mean" with that command's usage, so the person can type it at once;
 * anything else gets a pointer to the help, not the whole help again.
 */
export function unknownCommandMessage(typed: string, suggestion?: HelpEntry): BlockMessage {
  const said = md`\`${esc(COMMAND)} ${esc(typed)}\``;
  if (suggestion) {
    const lead = md`There is no command ${said}. Did you mean \`${esc(COMMAND)} ${esc(suggestion.name)}\`?`;
    return {
      text: lead,
      blocks: [section(lead), section(entryText(suggestion)), context(md`Type \`${esc(COMMAND)} help\` to see everything you can do.`)],
    };
  }
  const lead = md`There is no command ${said}, and no community with that name.`;
  return {
    text: lead,
    blocks: [section(md`${lead} Type \`${esc(COMMAND)} help\` to see what you can do, or \`${esc(COMMAND)} list\` to find a community.`)],
  };
}
