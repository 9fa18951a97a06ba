import { deepFreeze, type Message } from "../../views/blocks";
import { type HelpEntry, helpMessage } from "../../views/help";
import type { Subcommand } from "./subcommand";

/**
 * Help lists every subcommand, and the registry lists help among them: the
 * registry hands its entries in, so this file need not import the registry
 * (which would make the two import each other).
 *
 * The help never changes while the process runs, and it is the most common
 * command: built on first use, then the same (frozen) message every time.
 */
export function helpCommand(entries: () => HelpEntry[]): Subcommand {
  let built: Message | undefined;
  return {
    name: "help",
    usage: "/community help",
    summary: "Show this list of commands.",
    async reply() {
      built ??= deepFreeze(helpMessage(entries()));
      return built;
    },
  };
}
