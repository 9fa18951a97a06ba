// Linking an existing channel to a community or a group, before the ack: the
// channel is looked at first, so one the community could not use (the
// workspace's general channel, an archived or read-only one) is refused beside
// the field it was picked in, before the app joins it.
import type { WebClient } from "@slack/web-api";
import { ValidationError } from "../../domain/common/errors";
import { beforeAck, busyProblem } from "../../messaging/slackCalls";
import { slackErrorCode } from "../../messaging/slackErrors";
import { existingChannelProblem, unusableChannelProblem } from "./channelProblems";

/** Checks the channel and joins it; a refusal throws a ValidationError on `blockId`. */
export async function joinExistingChannel(client: WebClient, channelId: string, blockId: string, deadline: number): Promise<void> {
  try {
    const info = await beforeAck(() => client.conversations.info({ channel: channelId }), deadline);
    const problem = info.channel ? unusableChannelProblem(info.channel) : null;
    if (problem) throw new ValidationError({ [blockId]: problem });
    await beforeAck(() => client.conversations.join({ channel: channelId }), deadline);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError({ [blockId]: busyProblem(error) ?? existingChannelProblem(slackErrorCode(error)) }, "slack_refused");
  }
}
