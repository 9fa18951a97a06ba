import { type AnyBlock, actions, type BlockMessage, button, context, esc, header, LIMITS, link, type Mrkdwn, md, section } from "./blocks";
import { ACTION, COMMAND } from "./ids";

export const SERVICE_MANUAL_URL = "https://www.gov.uk/service-manual/design/setting-up-a-service-community";

export interface HelpEntry {
  usage: string;
  summary: string;
}

export interface HelpOptions {
  /** What the person typed when it was not a subcommand. */
  unknown?: string;
  /** The closest subcommand, for "Did you mean …?". */
  suggestion?: string;
}

/** The ephemeral help message: every subcommand with a line about it. */
export function helpMessage(entries: HelpEntry[], options: HelpOptions = {}): BlockMessage {
  const blocks: AnyBlock[] = [];
  let text = md`Service Communities: what you can do with /community`;
  if (options.unknown !== undefined) {
    const typed = md`\`${esc(COMMAND)} ${esc(options.unknown)}\``;
    const lead = options.suggestion
      ? md`I don't know ${typed}. Did you mean \`${esc(COMMAND)} ${esc(options.suggestion)}\`?`
      : md`I don't know ${typed}. Here is what you can do:`;
    blocks.push(section(md`:thinking_face: ${lead}`));
    text = lead;
  }
  blocks.push(header("Service Communities"));
  blocks.push(
    section(
      md`A service community brings together people from different organisations and professions who work on one end-to-end service, such as *Starting a business*, to solve the problems they share.`,
    ),
  );
  // A section holds 3000 characters: the list is split across as many as it needs.
  let chunk: Mrkdwn = md``;
  for (const entry of entries.map((e) => md`\`${esc(e.usage)}\`\n${esc(e.summary)}`)) {
    if (chunk && chunk.length + 2 + entry.length > LIMITS.sectionText) {
      blocks.push(section(chunk));
      chunk = md``;
    }
    chunk = chunk ? md`${chunk}\n\n${entry}` : entry;
  }
  if (chunk) blocks.push(section(chunk));
  blocks.push(actions(undefined, button("Create a community", ACTION.openCreateModal, "help", "primary")));
  blocks.push(
    context(
      md`New to service communities? Read ${link(SERVICE_MANUAL_URL, md`How to set up a service community`)} in the GOV.UK Service Manual.`,
    ),
  );
  return { text, blocks };
}
