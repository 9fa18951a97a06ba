// The problem modal's submission: check, store, then announce the problem in
// the community's channel with its vote button.
import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import type { FieldErrors } from "../../domain/common/reasons";
import { checkProblemDraft } from "../../domain/problems/problemDraft";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { PROBLEM_BLOCK } from "../../views/ids";
import { channelLink, esc, md } from "../../views/mrkdwn";
import { problemCardMessage } from "../../views/problemCard";
import { SOMEWHERE_ELSE } from "../../views/problemModal";
import { formMetadata } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The problem form: the community when it was opened in one's channel, and the message a shortcut logged it from. */
export const logProblemMetadata = formMetadata(
  z.object({
    communityId: z.string().max(40).optional(),
    /** The message a shortcut logged the problem from. */
    permalink: z.url().max(500).optional(),
  }),
);

function whereItBites(picked: string | null, typed: string | null): { stageId: string | null; stage: string | null } {
  return picked && picked !== SOMEWHERE_ELSE ? { stageId: picked, stage: null } : { stageId: null, stage: typed };
}

export function logProblemSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: PROBLEM_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = logProblemMetadata.read(view.private_metadata);
      const errors: FieldErrors = {};
      // From the channel the command came from (metadata), or picked in the modal.
      const communityId = meta.communityId ?? text(values, PROBLEM_BLOCK.community);
      const communityBlock = meta.communityId ? PROBLEM_BLOCK.title : PROBLEM_BLOCK.community;
      let community = null;
      if (!communityId) errors[communityBlock] = { key: "form.choose_community", for: "problem" };
      else {
        try {
          community = await services.communities.byIdIn(workspaceOf(context), communityId);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors[communityBlock] = error.reason;
        }
      }
      // Throws with every field's error, the community's included.
      const draft = checkProblemDraft(
        {
          title: text(values, PROBLEM_BLOCK.title),
          description: text(values, PROBLEM_BLOCK.description),
          affects: list(values, PROBLEM_BLOCK.affects),
          // A stage picked from the journey is where it bites; "somewhere else" (or nothing picked) keeps the words typed.
          ...whereItBites(text(values, PROBLEM_BLOCK.stageId), text(values, PROBLEM_BLOCK.stage)),
          link: text(values, PROBLEM_BLOCK.link),
        },
        errors,
      );
      if (!community) throw new AppError("not_found", errors[communityBlock], communityBlock);
      const result = await services.problems.log(
        community,
        body.user.id,
        draft,
        meta.permalink ? "message_shortcut" : "command",
        meta.permalink ?? null,
        view.id,
      );
      // A double click or a resubmit: the first submission announces and thanks.
      if (result.repeated) return undefined;
      return { problem: result.problem, community };
    },
    async after({ body, client }, logged) {
      const userId = body.user.id;
      const step = stepsAfterAck(services.logger.child({ problemId: logged.problem.id }));
      const card = problemCardMessage(await services.problems.card(logged.problem.id));
      const channel = logged.community.slackChannelId;
      const announced =
        channel !== null &&
        (await step("announce a problem", async () => {
          const posted = await client.chat.postMessage({ channel, ...card });
          if (posted.ts) await services.problems.recordAnnouncement(logged.problem.id, channel, posted.ts);
        }));
      await step("confirm a logged problem", () =>
        client.chat.postMessage({
          channel: userId,
          text: announced
            ? md`Thanks: *${esc(logged.problem.title)}* is logged in *${esc(logged.community.name)}* and announced in ${channelLink(channel)}, where people can say it affects them too.`
            : md`Thanks: *${esc(logged.problem.title)}* is logged in *${esc(logged.community.name)}*.`,
        }),
      );
    },
  });
}
