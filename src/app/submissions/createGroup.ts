// The create-group modal's submission. As with a community, validation, the
// database write and the channel all happen before the ack, so a refused
// channel name (Slack's name_taken) comes back beside the channel field. The
// invitation, the intro, the announcement and the confirmation follow the ack.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError, ValidationError } from "../../domain/common/errors";
import { checkGroupDraft, type GroupChannel } from "../../domain/groups/groupDraft";
import type { CommunityRecord, GroupRecord } from "../../domain/ports";
import { stepsAfterAck } from "../../messaging/afterAck";
import { beforeAck, beforeAckDeadline, busyProblem } from "../../messaging/slackCalls";
import { slackErrorCode } from "../../messaging/slackErrors";
import type { Services } from "../../services";
import { groupChannelIntro, groupCreatedMessage, groupReadyText } from "../../views/groups";
import { GROUP_BLOCK } from "../../views/ids";
import { newChannelProblem } from "../support/channelProblems";
import { joinExistingChannel } from "../support/existingChannel";
import { formMetadata } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

type ProvidedChannel = { kind: "new" | "existing"; channelId: string };

/** The create-group form: the community the group belongs to. */
export const createGroupMetadata = formMetadata(z.object({ communityId: z.string().max(40) }));

export function createGroupSubmission(services: Services, beforeAckClient: WebClient) {
  return onSubmit(services, {
    fallbackBlock: GROUP_BLOCK.name,
    closes: "all",
    async check({ body, view, context }, values) {
      const deadline = beforeAckDeadline();
      const { communityId } = createGroupMetadata.read(view.private_metadata);
      if (!communityId) throw new AppError("gone", { key: "form.lost_community" }, GROUP_BLOCK.name);
      const community = await services.communities.byIdIn(workspaceOf(context), communityId);
      const draft = checkGroupDraft(
        {
          name: text(values, GROUP_BLOCK.name),
          focus: text(values, GROUP_BLOCK.focus),
          channel: text(values, GROUP_BLOCK.channel),
          channelName: text(values, GROUP_BLOCK.channelName),
          existingChannelId: text(values, GROUP_BLOCK.existingChannel),
        },
        community.slug,
      );
      const result = await services.groups.create(community, body.user.id, draft);
      // Slack sent the same submission again: the first one is doing (or did) the work.
      if (result.kind === "duplicate") return undefined;
      const group = result.group;
      try {
        const channel = await provideChannel(beforeAckClient, draft.channel, deadline);
        return { community, channel, ready: await services.groups.complete(community, group, body.user.id, channel) };
      } catch (error) {
        // Undone so the name is free again (discard keeps a group whose channel was already attached).
        await services.groups.discard(group).catch(() => undefined);
        throw error;
      }
    },
    async after({ body, client }, { community, ready, channel }) {
      await announce(client, services, community, ready, channel, body.user.id);
    },
  });
}

/** Creates the new channel, or joins the chosen one; Slack's refusals become field errors. */
async function provideChannel(client: WebClient, choice: GroupChannel, deadline: number): Promise<ProvidedChannel | null> {
  if (!choice) return null;
  if (choice.kind === "existing") {
    await joinExistingChannel(client, choice.channelId, GROUP_BLOCK.existingChannel, deadline);
    return { kind: "existing", channelId: choice.channelId };
  }
  try {
    const created = await beforeAck(() => client.conversations.create({ name: choice.name, is_private: false }), deadline);
    const id = created.channel?.id;
    if (!id) throw new AppError("slack_refused", { key: "slack.no_channel_returned" }, GROUP_BLOCK.channelName);
    return { kind: "new", channelId: id };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ValidationError(
      { [GROUP_BLOCK.channelName]: busyProblem(error) ?? newChannelProblem(slackErrorCode(error), choice.name, "group") },
      "slack_refused",
    );
  }
}

/** After the ack: bring the creator into the group's channel, say hello there, tell the community, confirm by DM. */
async function announce(
  client: WebClient,
  services: Services,
  community: CommunityRecord,
  group: GroupRecord,
  channel: ProvidedChannel | null,
  userId: string,
): Promise<void> {
  const step = stepsAfterAck(services.logger.child({ communityId: community.id, groupId: group.id }));
  if (channel) {
    const id = channel.channelId;
    await step("invite the group's creator", () => client.conversations.invite({ channel: id, users: userId }), [
      "already_in_channel",
      "cant_invite_self",
    ]);
    // A linked channel keeps the purpose it has.
    if (channel.kind === "new") {
      await step("set the group channel's purpose", () =>
        client.conversations.setPurpose({
          channel: id,
          purpose: `${group.name}, a group of ${community.name}: ${group.focus}`.slice(0, 250),
        }),
      );
    }
    await step("introduce the group in its channel", () =>
      client.chat.postMessage({ channel: id, text: groupChannelIntro(community, group) }),
    );
  }
  if (community.slackChannelId) {
    const message = groupCreatedMessage(community, group);
    await step("announce the group", () =>
      client.chat.postMessage({ channel: community.slackChannelId!, text: message.text, blocks: message.blocks }),
    );
  }
  await step("confirm to the group's creator", () => client.chat.postMessage({ channel: userId, text: groupReadyText(community, group) }));
}
