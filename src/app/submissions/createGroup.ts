// The create-group modal's submission. As with a community, validation, the
// database write and the channel all happen before the ack, so a refused
// channel name (Slack's name_taken) comes back beside the channel field. The
// invitation, the intro, the announcement and the confirmation follow the ack.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { AppError, ValidationError } from "../../domain/common/errors";
import { checkGroupDraft, type GroupChannel } from "../../domain/groups/groupDraft";
import type { CommunityRecord, GroupRecord } from "../../domain/ports";
import { groupChannelIntro, groupCreatedMessage, groupReadyText } from "../../views/groups";
import { CALLBACK, GROUP_BLOCK } from "../../views/ids";
import { stepsAfterAck } from "../../messaging/afterAck";
import { metadata } from "../metadata";
import { slackErrorCode } from "../../messaging/slackErrors";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { newChannelProblem } from "../support/channelProblems";
import { joinExistingChannel } from "../support/existingChannel";
import { beforeAck, beforeAckDeadline, busyProblem } from "../../messaging/slackCalls";
import { readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

type ProvidedChannel = { kind: "new" | "existing"; channelId: string };

export function registerCreateGroupSubmission(app: App, services: Services, beforeAckClient: WebClient): void {
  app.view(CALLBACK.createGroup, async ({ ack, body, view, client, context }) => {
    const deadline = beforeAckDeadline();
    const userId = body.user.id;
    const { communityId } = metadata.group.read(view.private_metadata);
    let community: CommunityRecord;
    let group: GroupRecord | null = null;
    let channel: ProvidedChannel | null = null;
    let ready: GroupRecord;
    try {
      const values = readViewState(view);
      if (!communityId) throw new AppError("gone", { key: "form.lost_community" }, GROUP_BLOCK.name);
      community = await services.communities.byIdIn(workspaceOf(context), communityId);
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
      const result = await services.groups.create(community, userId, draft);
      if (result.kind === "duplicate") {
        // Slack sent the same submission again: the first one is doing (or did) the work.
        await ack({ response_action: "clear" });
        return;
      }
      group = result.group;
      channel = await provideChannel(beforeAckClient, draft.channel, deadline);
      ready = await services.groups.complete(community, group, userId, channel);
    } catch (error) {
      // Undone so the name is free again (discard keeps a group whose channel was already attached).
      if (group) await services.groups.discard(group).catch(() => undefined);
      await ack({ response_action: "errors", errors: modalErrors(error, GROUP_BLOCK.name, services.logger) });
      return;
    }
    await ack({ response_action: "clear" });
    await announce(client, services, community, ready, channel, userId);
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
    throw new ValidationError({ [GROUP_BLOCK.channelName]: busyProblem(error) ?? newChannelProblem(slackErrorCode(error), choice.name, "group") }, "slack_refused");
  }
}

/** After the ack: bring the creator into the group's channel, say hello there, tell the community, confirm by DM. */
async function announce(client: WebClient, services: Services, community: CommunityRecord, group: GroupRecord, channel: ProvidedChannel | null, userId: string): Promise<void> {
  const step = stepsAfterAck(services.logger.child({ communityId: community.id, groupId: group.id }));
  if (channel) {
    const id = channel.channelId;
    await step("invite the group's creator", () => client.conversations.invite({ channel: id, users: userId }), ["already_in_channel", "cant_invite_self"]);
    // A linked channel keeps the purpose it has.
    if (channel.kind === "new") {
      await step("set the group channel's purpose", () =>
        client.conversations.setPurpose({ channel: id, purpose: `${group.name}, a group of ${community.name}: ${group.focus}`.slice(0, 250) }),
      );
    }
    await step("introduce the group in its channel", () => client.chat.postMessage({ channel: id, text: groupChannelIntro(community, group) }));
  }
  if (community.slackChannelId) {
    const message = groupCreatedMessage(community, group);
    await step("announce the group", () => client.chat.postMessage({ channel: community.slackChannelId!, text: message.text, blocks: message.blocks }));
  }
  await step("confirm to the group's creator", () => client.chat.postMessage({ channel: userId, text: groupReadyText(community, group) }));
}
