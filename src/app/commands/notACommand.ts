import { AppError } from "../../domain/common/errors";
import { editDistance } from "../../domain/common/text";
import { unknownCommandMessage } from "../../views/help";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { charterFor } from "./info";
import { helpEntries, subcommands } from "./registry";
import type { Subcommand } from "./subcommand";

/** The nearest subcommand name to a typo, if it is close enough to be a guess. */
export function suggestSubcommand(word: string): string | undefined {
  // Further than this is no guess, so the distance need not be worked out beyond it.
  const within = Math.max(1, Math.floor(word.length / 3));
  const typed = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const s of subcommands()) {
    for (const name of [s.name, ...(s.aliases ?? [])]) {
      const distance = editDistance(typed, name, within);
      if (distance <= within && (!best || distance < best.distance)) best = { name: s.name, distance };
    }
  }
  return best?.name;
}

/**
 * What `/community <words>` means when the first word is no subcommand: a
 * community's name ("/community Starting a business" shows its charter), or a
 * typo, answered with the nearest command and its usage.
 */
export function notACommand(word: string, text: string): Subcommand {
  return {
    name: word,
    topic: "start",
    usage: "/community <name>",
    summary: "",
    async reply({ command, context, services }) {
      try {
        const community = await services.communities.resolve(workspaceOf(context), communityQuery(text), undefined, "");
        return await charterFor(services, community, command.user_id);
      } catch (error) {
        // Not a community either (an archived one still says so): fall back to the typo answer.
        if (!(error instanceof AppError) || error.code !== "not_found") throw error;
      }
      const suggestion = suggestSubcommand(word);
      return unknownCommandMessage(
        word,
        helpEntries().find((e) => e.name === suggestion),
      );
    },
  };
}
