import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import { STAGE_LIMITS } from "../../domain/journey/stageDraft";
import type { WorkspaceKey } from "../../domain/ports";
import { stepsAfterAck } from "../../messaging/afterAck";
import { afterInvitationAccepted } from "../../messaging/invitationAccepted";
import { afterVote } from "../../messaging/problemMessages";
import { memberDescription, welcomeNewMember } from "../../messaging/welcome";
import type { Services } from "../../services";
import { PROFILE_BLOCK } from "../../views/ids";
import { esc, md } from "../../views/mrkdwn";
import { voteReply } from "../../views/problemCard";
import { formMetadata } from "../support/privateMetadata";
import { errorText } from "../support/replies";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The join form: the community, when the form was opened for one, and what to do once they have joined. */
export const joinCommunityMetadata = formMetadata(
  z.object({
    communityId: z.string().max(40).optional(),
    channelId: z.string().max(40).optional(),
    /** The problem whose vote button opened the form: the vote is cast once they have joined. */
    voteProblemId: z.string().max(40).optional(),
  }),
);

export function joinCommunitySubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: (view) =>
      joinCommunityMetadata.read(view.private_metadata).communityId ? PROFILE_BLOCK.organisation : PROFILE_BLOCK.community,
    closes: "this",
    async check({ body, view, context }, values) {
      const meta = joinCommunityMetadata.read(view.private_metadata);
      const communityId = meta.communityId ?? text(values, PROFILE_BLOCK.community);
      if (!communityId) throw new AppError("invalid_input", { key: "form.choose_community", for: "join" }, PROFILE_BLOCK.community);
      const community = await services.communities.byIdIn(workspaceOf(context), communityId);
      const joined = await services.memberships.join(community, body.user.id, {
        organisation: text(values, PROFILE_BLOCK.organisation),
        organisationOther: text(values, PROFILE_BLOCK.organisationOther),
        profession: text(values, PROFILE_BLOCK.profession),
        professionOther: text(values, PROFILE_BLOCK.professionOther),
      });
      // The journey's stages they work on, when the form asked (a community with a journey).
      if (PROFILE_BLOCK.stages in values) {
        const stageIds = list(values, PROFILE_BLOCK.stages).slice(0, STAGE_LIMITS.stagesMax);
        await services.journey.setMemberStages(workspaceOf(context), community.id, body.user.id, stageIds);
      }
      return { community, meta, ...joined };
    },
    async after({ body, client, context }, outcome) {
      const userId = body.user.id;
      const { community, meta, membership, alreadyMember } = outcome;
      if (alreadyMember) {
        await stepsAfterAck(services.logger)("confirm the update", () =>
          client.chat.postMessage({
            channel: userId,
            text: md`Your details in *${esc(community.name)}* are updated: ${memberDescription(membership)}.`,
          }),
        );
      } else {
        await welcomeNewMember(client, services.logger, community, membership, outcome.invitation?.inviterId);
        // They had an invitation: it is answered by joining, and its inviter hears so.
        if (outcome.invitation) await afterInvitationAccepted(client, services, outcome.invitation, community, membership);
      }
      if (meta.voteProblemId) await castWaitingVote(client, services, workspaceOf(context), meta.voteProblemId, userId, meta.channelId);
    },
  });
}

/** The vote that opened the join form counts now that the voter has an organisation. */
async function castWaitingVote(
  client: WebClient,
  services: Services,
  workspace: WorkspaceKey,
  problemId: string,
  userId: string,
  channelId: string | undefined,
): Promise<void> {
  const step = stepsAfterAck(services.logger.child({ problemId }));
  let counted;
  try {
    counted = await services.problemVotes.castVote(workspace, problemId, userId);
  } catch (error) {
    // Closed or gone while they filled in the form: they are a member now, and hear why the vote did not count.
    await step("explain an uncounted vote", () => client.chat.postMessage({ channel: userId, text: errorText(error, services.logger) }));
    return;
  }
  await afterVote(client, counted.card, counted.suggestTo, undefined, services.logger);
  const reply = voteReply(counted.card, true);
  // Where they clicked, as the reply to any other vote; by DM when that is not known.
  await step("confirm a vote", () =>
    channelId
      ? client.chat.postEphemeral({ channel: channelId, user: userId, ...reply })
      : client.chat.postMessage({ channel: userId, ...reply }),
  );
}
