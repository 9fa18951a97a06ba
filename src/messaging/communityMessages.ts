// What a community's channel is told when organisers change the community
// itself: a charter edit (and the channel's topic and purpose, where the bot
// wrote them), archiving, unarchiving and deletion. Each is one message, sent
// once, after the organiser has had their answer.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { CharterChange } from "../domain/communities/charterChanges";
import type { CommunityRecord } from "../domain/ports";
import type { Message } from "../views/blocks";
import { channelPurpose, channelTopic } from "../views/charter";
import { charterChangedMessage } from "../views/charterEdits";
import { stepsAfterAck } from "./afterAck";

/**
 * Announces the change in the channel, and brings its topic and purpose up to
 * date if they still say what the bot set from the old charter: words people
 * wrote there themselves are theirs, and are left alone.
 */
export async function announceCharterChange(
  client: WebClient,
  logger: Logger,
  change: { before: CommunityRecord; after: CommunityRecord; changes: CharterChange[]; actorId: string },
): Promise<void> {
  const { before, after } = change;
  const channel = after.slackChannelId;
  if (!channel) return;
  const step = stepsAfterAck(logger);
  await step("announce the charter change", () =>
    client.chat.postMessage({ channel, ...charterChangedMessage(after, change.actorId, change.changes) }),
  );
  const info = await client.conversations.info({ channel }).catch((error: unknown) => {
    logger.warn({ err: error }, "could not read the channel's topic and purpose");
    return null;
  });
  if (!info?.channel) return;
  const topic = channelTopic(after);
  if (info.channel.topic?.value === channelTopic(before) && topic !== channelTopic(before)) {
    await step("update the channel topic", () => client.conversations.setTopic({ channel, topic }));
  }
  const purpose = channelPurpose(after);
  if (info.channel.purpose?.value === channelPurpose(before) && purpose !== channelPurpose(before)) {
    await step("update the channel purpose", () => client.conversations.setPurpose({ channel, purpose }));
  }
}

/** One notice in the community's channel (archived, unarchived, deleted). */
export async function tellChannel(
  client: WebClient,
  logger: Logger,
  channelId: string | null,
  what: string,
  message: Message,
): Promise<void> {
  if (!channelId) return;
  await stepsAfterAck(logger)(what, () => client.chat.postMessage({ channel: channelId, ...message }));
}
