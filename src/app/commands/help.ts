import { type HelpEntry, helpMessage } from "../../views/help";
import type { Subcommand } from "./subcommand";

/**
 * Help lists every subcommand, and the registry lists help among them: the
 * registry hands its entries in, so this file need not import the registry
 * (which would make the two import each other).
 */
export function helpCommand(entries: () => HelpEntry[]): Subcommand {
  return {
    name: "help",
    usage: "/community help",
    summary: "Show this list of commands.",
    async reply() {
      return helpMessage(entries());
    },
  };
}
