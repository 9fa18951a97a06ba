import { deepFreeze, type Message } from "../../views/blocks";
import { commandHelpMessage, findTopic, type HelpEntry, helpOverview, helpTopicMessage, unknownTopicMessage } from "../../views/help";
import type { Subcommand } from "./subcommand";

/**
 * `/community help [topic or command]`. Help lists every subcommand, and the
 * registry lists help among them: the registry hands its entries in, so this
 * file need not import the registry (which would make the two import each other).
 *
 * The overview never changes while the process runs, and it is the most common
 * command: built on first use, then the same (frozen) message every time.
 */
export function helpCommand(entries: () => HelpEntry[]): Subcommand {
  let overview: Message | undefined;
  return {
    name: "help",
    topic: "start",
    usage: "/community help [topic]",
    summary: "See what you can do, by topic: start, problems, people, groups, meetings or settings. You can also name a command.",
    async reply({ args }) {
      const wanted = args.trim();
      if (!wanted) {
        overview ??= deepFreeze(helpOverview(entries()));
        return overview;
      }
      // A topic's own name first ("meetings" is a topic and a command), then a command, then a topic's other words.
      const topic = findTopic(wanted, { aliases: false });
      if (topic) return helpTopicMessage(topic, entries());
      const command = entries().find((e) => e.name === wanted.toLowerCase().replace(/^\/?community\s+/, ""));
      if (command) return commandHelpMessage(command);
      const alias = findTopic(wanted);
      return alias ? helpTopicMessage(alias, entries()) : unknownTopicMessage(wanted);
    },
  };
}
