import type { App } from "@slack/bolt";
import { AppError } from "../../domain/errors";
import { organisationLabel, professionLabel } from "../../domain/profiles";
import { esc } from "../../views/blocks";
import { CALLBACK, PROFILE_BLOCK } from "../../views/ids";
import { metadata } from "../metadata";
import { modalErrors, slackErrorCode } from "../replies";
import type { Services } from "../services";
import { readViewState, text } from "../viewState";
import { workspaceOf } from "../workspace";

export function registerJoinCommunitySubmission(app: App, services: Services): void {
  app.view(CALLBACK.joinCommunity, async ({ ack, body, view, client, context }) => {
    const userId = body.user.id;
    const values = readViewState(view);
    const meta = metadata.join.read(view.private_metadata);
    let outcome;
    try {
      const communityId = meta.communityId ?? text(values, PROFILE_BLOCK.community);
      if (!communityId) throw new AppError("invalid_input", "Choose the community you want to join.", PROFILE_BLOCK.community);
      const community = await services.communities.byId(communityId);
      if (community.workspaceId !== (await services.communities.workspaceId(workspaceOf(context)))) {
        throw new AppError("not_found", "That community is not in this workspace.", PROFILE_BLOCK.community);
      }
      const joined = await services.memberships.join(community, userId, {
        organisation: text(values, PROFILE_BLOCK.organisation),
        organisationOther: text(values, PROFILE_BLOCK.organisationOther),
        profession: text(values, PROFILE_BLOCK.profession),
        professionOther: text(values, PROFILE_BLOCK.professionOther),
      });
      outcome = { community, ...joined };
    } catch (error) {
      const fallback = meta.communityId ? PROFILE_BLOCK.organisation : PROFILE_BLOCK.community;
      await ack({ response_action: "errors", errors: modalErrors(error, fallback, services.logger) });
      return;
    }
    await ack();

    const { community, membership, alreadyMember } = outcome;
    const channel = community.slackChannelId;
    const who = `${esc(organisationLabel(membership))}, ${esc(professionLabel(membership))}`;
    if (alreadyMember) {
      await client.chat.postMessage({ channel: userId, text: `Your details in *${esc(community.name)}* are updated: ${who}.` });
      return;
    }
    if (channel) {
      try {
        await client.conversations.invite({ channel, users: userId });
      } catch (error) {
        const code = slackErrorCode(error);
        if (code !== "already_in_channel") services.logger.warn({ err: error, code, channel }, "could not invite a new member");
      }
      await client.chat.postMessage({ channel, text: `:wave: <@${userId}> joined the community (${who}).` });
    }
    await client.chat.postMessage({
      channel: userId,
      text: `Welcome to *${esc(community.name)}*!${channel ? ` The community talks in <#${channel}>.` : ""} Type \`/community info ${community.name}\` to read its charter.`,
    });
  });
}
