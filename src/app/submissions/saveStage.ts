// The stage form's submission: an organiser's new stage or edit, or a member's
// suggestion. Checked field by field before the ack; the journey is shown
// again afterwards with what changed.
import { z } from "zod";
import { JOURNEY_PAGE_SIZE } from "../../domain/journey/journey";
import { checkStage } from "../../domain/journey/stageDraft";
import { showJourney } from "../../messaging/journey";
import type { Services } from "../../services";
import { STAGE_BLOCK } from "../../views/ids";
import { esc, md } from "../../views/mrkdwn";
import { pageNumber } from "../actions/membersPage";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community, the stage when editing one, and where the journey was shown (its channel and page), to show it there again. */
export const saveStageMetadata = formMetadata(
  z.object({
    communityId: z.string().max(40),
    stageId: z.string().max(40).optional(),
    channelId: z.string().max(40).optional(),
    page: pageNumber.optional(),
  }),
);

export function saveStageSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: STAGE_BLOCK.title,
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = saveStageMetadata.read(view.private_metadata);
      const communityId = openedFor(meta.communityId, "journey", STAGE_BLOCK.title);
      const fields = checkStage({
        title: text(values, STAGE_BLOCK.title),
        description: text(values, STAGE_BLOCK.description),
        owners: list(values, STAGE_BLOCK.owners),
        deliverers: list(values, STAGE_BLOCK.deliverers),
        otherOwners: text(values, STAGE_BLOCK.otherOwners),
        link: text(values, STAGE_BLOCK.link),
      });
      const workspace = workspaceOf(context);
      if (meta.stageId) {
        const stage = await services.journey.editStage(workspace, meta.stageId, body.user.id, fields);
        return { kind: "edited" as const, stage, meta };
      }
      return { ...(await services.journey.addStage(workspace, communityId, body.user.id, fields)), meta };
    },
    async after({ body, client, context }, { kind, stage, meta }) {
      const title = esc(stage.title);
      const shown = {
        added: { page: Math.floor(stage.position / JOURNEY_PAGE_SIZE), notice: md`Added *${title}* as stage ${stage.position + 1}.` },
        suggested: {
          page: 0,
          notice: md`Thank you. Your suggestion, *${title}*, is waiting for an organiser. You will be told whether they add it to the journey.`,
        },
        edited: { page: meta.page ?? 0, notice: md`Saved your changes to *${title}*.` },
      }[kind];
      await showJourney(client, services, {
        workspace: workspaceOf(context),
        communityId: stage.communityId,
        userId: body.user.id,
        channelId: meta.channelId,
        ...shown,
      });
    },
  });
}
