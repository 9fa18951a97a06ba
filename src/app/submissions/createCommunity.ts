// The create modal's submission. Validation, the database write and the
// channel all happen before the ack, because a refused channel name (Slack's
// name_taken) must come back as an error beside the channel field. Inviting,
// the topic and the welcome message happen after the ack.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError, ValidationError } from "../../domain/common/errors";
import { type CommunityDraft, checkCommunityDraft } from "../../domain/communities/communityDraft";
import type { CommunityRecord } from "../../domain/ports";
import { stepsAfterAck } from "../../messaging/afterAck";
import { beforeAck, beforeAckDeadline, busyProblem } from "../../messaging/slackCalls";
import { slackErrorCode } from "../../messaging/slackErrors";
import type { Services } from "../../services";
import { channelPurpose, channelTopic, welcomeMessage } from "../../views/charter";
import { CREATE_BLOCK, PROFILE_BLOCK } from "../../views/ids";
import { channelLink, esc, md } from "../../views/mrkdwn";
import { newChannelProblem } from "../support/channelProblems";
import { joinExistingChannel } from "../support/existingChannel";
import { formMetadata } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The create form: the channel it was opened from, if any. */
export const createCommunityMetadata = formMetadata(z.object({ channelId: z.string().max(40).optional() }));

export function createCommunitySubmission(services: Services, beforeAckClient: WebClient) {
  return onSubmit(services, {
    fallbackBlock: CREATE_BLOCK.name,
    closes: "all",
    async check({ body, view, context }, values) {
      const deadline = beforeAckDeadline();
      const draft = checkCommunityDraft({
        name: text(values, CREATE_BLOCK.name),
        service: text(values, CREATE_BLOCK.service),
        purpose: text(values, CREATE_BLOCK.purpose),
        problems: text(values, CREATE_BLOCK.problems),
        cadence: text(values, CREATE_BLOCK.cadence),
        contactMethods: list(values, CREATE_BLOCK.contactMethods),
        links: {
          mailing_list: text(values, CREATE_BLOCK.linkMailingList),
          regular_calls: text(values, CREATE_BLOCK.linkRegularCalls),
          trello: text(values, CREATE_BLOCK.linkTrello),
        },
        newChannelName: text(values, CREATE_BLOCK.channel),
        existingChannelId: text(values, CREATE_BLOCK.existingChannel),
        timezone: text(values, CREATE_BLOCK.timezone),
        organisation: text(values, PROFILE_BLOCK.organisation),
        organisationOther: text(values, PROFILE_BLOCK.organisationOther),
        profession: text(values, PROFILE_BLOCK.profession),
        professionOther: text(values, PROFILE_BLOCK.professionOther),
      });
      const result = await services.communities.create(workspaceOf(context), body.user.id, draft, view.id);
      // A double click: the first submission is doing (or did) the work.
      if (result.kind === "duplicate") return undefined;
      const community = result.community;
      try {
        const channelId = await provideChannel(beforeAckClient, draft, deadline);
        return { draft, community: await services.communities.attachChannel(community.id, channelId, body.user.id) };
      } catch (error) {
        // Undone so the name is free again.
        await services.communities.discard(community).catch(() => undefined);
        throw error;
      }
    },
    async after({ body, client }, { community, draft }) {
      await welcome(client, services, community, draft, body.user.id);
    },
  });
}

/** Creates the new channel, or joins the chosen one; Slack's refusals become field errors. */
async function provideChannel(client: WebClient, draft: CommunityDraft, deadline: number): Promise<string> {
  if (draft.channel.kind === "existing") {
    await joinExistingChannel(client, draft.channel.channelId, CREATE_BLOCK.existingChannel, deadline);
    return draft.channel.channelId;
  }
  const name = draft.channel.name;
  try {
    const created = await beforeAck(() => client.conversations.create({ name, is_private: false }), deadline);
    const id = created.channel?.id;
    if (!id) throw new AppError("slack_refused", { key: "slack.no_channel_returned" }, CREATE_BLOCK.channel);
    return id;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ValidationError(
      { [CREATE_BLOCK.channel]: busyProblem(error) ?? newChannelProblem(slackErrorCode(error), name, "community") },
      "slack_refused",
    );
  }
}

/** After the ack: invite the creator, set the topic, post the charter, confirm by DM. */
async function welcome(
  client: WebClient,
  services: Services,
  community: CommunityRecord,
  draft: CommunityDraft,
  userId: string,
): Promise<void> {
  const channel = community.slackChannelId!;
  const step = stepsAfterAck(services.logger.child({ communityId: community.id, channel }));
  const charter = await services.communities.charter(community.id);
  await step("invite the creator", () => client.conversations.invite({ channel, users: userId }), [
    "already_in_channel",
    "cant_invite_self",
  ]);
  const isNew = draft.channel.kind === "new";
  // A linked channel keeps its own topic and purpose unless it has none.
  const info = isNew ? null : await client.conversations.info({ channel }).catch(() => null);
  if (isNew || !info?.channel?.topic?.value)
    await step("set the topic", () => client.conversations.setTopic({ channel, topic: channelTopic(charter.community) }));
  if (isNew || !info?.channel?.purpose?.value)
    await step("set the purpose", () => client.conversations.setPurpose({ channel, purpose: channelPurpose(charter.community) }));
  await step("post the welcome", () => client.chat.postMessage({ channel, ...welcomeMessage(charter) }));
  await step("confirm to the creator", () =>
    client.chat.postMessage({
      channel: userId,
      text: md`:tada: *${esc(community.name)}* is ready in ${channelLink(channel)}, and you are its organiser.\nNext: invite people who work on the service from other organisations, and plan your first meeting. Type \`/community help\` to see everything you can do.`,
    }),
  );
}
