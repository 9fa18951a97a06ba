import { helpMessage } from "../../views/help";
import type { Subcommand } from "./subcommand";
import { helpEntries } from "./registry";

export const help: Subcommand = {
  name: "help",
  usage: "/community help",
  summary: "Show this list of commands.",
  async reply() {
    return helpMessage(helpEntries());
  },
};
