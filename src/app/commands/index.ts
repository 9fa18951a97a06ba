// The /community command: splits off the subcommand word and hands over.
import type { App, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { COMMAND_TEXT_MAX } from "../../domain/common/inputLimits";
import type { Services } from "../../services";
import type { Message } from "../../views/blocks";
import { COMMAND } from "../../views/ids";
import { ephemeral, errorMessage } from "../support/replies";
import { parseCommandText } from "./commandText";
import { notACommand } from "./notACommand";
import { findSubcommand } from "./registry";

/** The command's text, refused before anything reads it when it is longer than any real command. */
function commandText(raw: string | undefined): string {
  const text = raw ?? "";
  if (text.length > COMMAND_TEXT_MAX) {
    throw new AppError("invalid_input", { key: "command.too_long", length: text.length, max: COMMAND_TEXT_MAX });
  }
  return text.trim();
}

export interface CommandSettings {
  /**
   * How long a reply may take and still go in the ack. Slack allows 3 s; past
   * this budget we ack empty and deliver the reply to response_url instead.
   * 0 always delivers through response_url.
   */
  replyBudgetMs: number;
}

type Ack = SlackCommandMiddlewareArgs["ack"];
type Outcome = { reply: Message } | { error: unknown };

export function registerCommands(app: App, services: Services, settings: CommandSettings): void {
  const toMessage = (outcome: Outcome) =>
    "reply" in outcome ? ephemeral(outcome.reply) : ephemeral(errorMessage(outcome.error, services.logger));

  /** Acks with the reply if it is ready in time; otherwise acks now and responds later. */
  async function answer(work: Promise<Message>, ack: Ack, respond: RespondFn): Promise<void> {
    const settled: Promise<Outcome> = work.then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), settings.replyBudgetMs);
    });
    const first = settings.replyBudgetMs > 0 ? await Promise.race([settled, late]) : "late";
    clearTimeout(timer);
    if (first !== "late") return ack(toMessage(first));
    await ack();
    await respond(toMessage(await settled));
  }

  app.command(COMMAND, async ({ command, ack, respond, client, context }) => {
    let routed;
    try {
      // Read inside the error handling: whatever the text holds, the command is answered.
      const text = commandText(command.text);
      const [word = "help"] = text.split(/\s+/);
      const { args, users: mentionedUsers } = parseCommandText(text.slice(word.length));
      const subcommand = text ? findSubcommand(word) : findSubcommand("help");
      routed = subcommand ? { subcommand, args, mentionedUsers } : { subcommand: notACommand(word, text), args: text, mentionedUsers };
    } catch (error) {
      await ack(toMessage({ error }));
      return;
    }
    const { subcommand, args, mentionedUsers } = routed;
    const ctx = { args, mentionedUsers, command, respond, client, context, services };
    if (subcommand.reply) {
      await answer(subcommand.reply(ctx), ack, respond);
      return;
    }
    await ack();
    try {
      await subcommand.handle(ctx);
    } catch (error) {
      await respond(ephemeral(errorMessage(error, services.logger)));
    }
  });
}
