import type { BlockAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { ProblemCard } from "../domain/problems/problems";
import { problemCardMessage, promotionSuggestion } from "../views/problemCard";
import { stepsAfterAck } from "./afterAck";

/**
 * Redraws a problem's card where people see it: its announcement, and the
 * message that was clicked if that is another one (ephemeral ones cannot be).
 */
export async function refreshProblemMessages(
  client: WebClient,
  card: ProblemCard,
  body: BlockAction | undefined,
  logger: Logger,
): Promise<void> {
  const message = problemCardMessage(card);
  const step = stepsAfterAck(logger.child({ problemId: card.problem.id }));
  const targets = new Map<string, { channel: string; ts: string }>();
  if (card.problem.announcementChannelId && card.problem.announcementTs) {
    targets.set(card.problem.announcementTs, { channel: card.problem.announcementChannelId, ts: card.problem.announcementTs });
  }
  const clicked = body?.container?.is_ephemeral ? undefined : body?.message?.ts;
  if (clicked && body?.channel?.id && !targets.has(clicked)) targets.set(clicked, { channel: body.channel.id, ts: clicked });
  for (const target of targets.values()) {
    await step("update a problem's message", () => client.chat.update({ ...target, ...message }));
  }
}

/**
 * After a vote is counted: the card is redrawn, and organisers are asked
 * (once) to make the problem an objective when it reaches their threshold.
 */
export async function afterVote(
  client: WebClient,
  card: ProblemCard,
  suggestTo: string[],
  body: BlockAction | undefined,
  logger: Logger,
): Promise<void> {
  await refreshProblemMessages(client, card, body, logger);
  const step = stepsAfterAck(logger.child({ problemId: card.problem.id }));
  for (const organiser of suggestTo) {
    await step("suggest a promotion", () => client.chat.postMessage({ channel: organiser, ...promotionSuggestion(card) }));
  }
}
