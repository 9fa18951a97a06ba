// The /community command: splits off the subcommand word and hands over.
import type { App } from "@slack/bolt";
import { editDistance } from "../../domain/text";
import { COMMAND } from "../../views/ids";
import { helpMessage } from "../../views/help";
import { ephemeral, errorText } from "../replies";
import type { Services } from "../services";
import { findSubcommand, helpEntries, subcommands } from "./registry";

/** The nearest subcommand name to a typo, if it is close enough to be a guess. */
export function suggestSubcommand(word: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const s of subcommands()) {
    for (const name of [s.name, ...(s.aliases ?? [])]) {
      const distance = editDistance(word.toLowerCase(), name);
      if (!best || distance < best.distance) best = { name: s.name, distance };
    }
  }
  return best && best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.name : undefined;
}

export function registerCommands(app: App, services: Services): void {
  app.command(COMMAND, async ({ command, ack, respond, client, context }) => {
    const text = command.text.trim();
    const [word = "help"] = text.split(/\s+/);
    const args = text.slice(word.length).trim();
    const subcommand = text ? findSubcommand(word) : findSubcommand("help");

    let acked = false;
    const ackOnce = async (response?: Record<string, unknown>) => {
      if (acked) return;
      acked = true;
      await ack(response as Parameters<typeof ack>[0]);
    };

    if (!subcommand) {
      const message = helpMessage(helpEntries(), { unknown: word, suggestion: suggestSubcommand(word) });
      await ackOnce(ephemeral(message.text, message.blocks));
      return;
    }
    try {
      if (subcommand.ack !== "self") await ackOnce();
      await subcommand.handle({ args, command, ack: ackOnce, respond, client, context, services });
    } catch (error) {
      const message = ephemeral(errorText(error, services.logger));
      if (acked) await respond(message);
      else await ackOnce(message);
    }
  });
}
