// The draft form's submission: the stages the organiser kept (a cleared input
// leaves its stage out), each title checked beside its input, made in order
// with their problems tied to them.
import { z } from "zod";
import { ValidationError } from "../../domain/common/errors";
import type { FieldErrors } from "../../domain/common/reasons";
import { checkStage } from "../../domain/journey/stageDraft";
import { showJourney } from "../../messaging/journey";
import type { Services } from "../../services";
import { md, plural } from "../../views/mrkdwn";
import { draftBlock } from "../../views/stageModal";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/**
 * The community, and each draft stage's key in the form's order (input i is
 * keys[i]): at most 20 keys of at most 60 characters, so the metadata stays
 * far inside Slack's 3,000 characters.
 */
export const journeyDraftMetadata = formMetadata(
  z.object({
    communityId: z.string().max(40),
    keys: z.array(z.string().max(60)).max(20),
    channelId: z.string().max(40).optional(),
  }),
);

export function acceptJourneyDraftSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: draftBlock(0),
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = journeyDraftMetadata.read(view.private_metadata);
      const communityId = openedFor(meta.communityId, "journey", draftBlock(0));
      const keys = meta.keys ?? [];
      const errors: FieldErrors = {};
      const kept: Array<{ key: string; title: string }> = [];
      keys.forEach((key, i) => {
        const typed = text(values, draftBlock(i))?.trim();
        if (!typed) return;
        try {
          kept.push({ key, title: checkStage({ title: typed }).title });
        } catch (error) {
          if (!(error instanceof ValidationError) || !error.fieldErrors.title) throw error;
          errors[draftBlock(i)] = error.fieldErrors.title;
        }
      });
      if (!kept.length && !Object.keys(errors).length) errors[draftBlock(0)] = { key: "journey.draft_empty" };
      if (Object.keys(errors).length) throw new ValidationError(errors);
      const made = await services.journey.acceptDraft(workspaceOf(context), communityId, body.user.id, kept);
      return { communityId, made: made.length, channelId: meta.channelId };
    },
    async after({ body, client, context }, done) {
      await showJourney(client, services, {
        workspace: workspaceOf(context),
        communityId: done.communityId,
        userId: body.user.id,
        channelId: done.channelId,
        page: 0,
        notice: md`Added ${plural(done.made, "stage")} to the journey. Each problem is tied to the stage its words made. Put the stages in order from their menus.`,
      });
    },
  });
}
