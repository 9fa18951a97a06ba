import { helpMessage } from "../../views/help";
import { ephemeral } from "../replies";
import type { Subcommand } from "./subcommand";
import { helpEntries } from "./registry";

export const help: Subcommand = {
  name: "help",
  usage: "/community help",
  summary: "Show this list of commands.",
  ack: "self",
  async handle({ ack }) {
    const message = helpMessage(helpEntries());
    await ack(ephemeral(message.text, message.blocks));
  },
};
