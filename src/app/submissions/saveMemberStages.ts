import { z } from "zod";
import { STAGE_LIMITS } from "../../domain/journey/stageDraft";
import { showJourney } from "../../messaging/journey";
import type { Services } from "../../services";
import { PROFILE_BLOCK } from "../../views/ids";
import { md, plural } from "../../views/mrkdwn";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The community, and where the journey was shown, to show it there again. */
export const saveMemberStagesMetadata = formMetadata(
  z.object({ communityId: z.string().max(40), channelId: z.string().max(40).optional() }),
);

/** "Say which stages you work on": replaces the member's stages (an id that is no stage of this journey names nothing). */
export function saveMemberStagesSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: PROFILE_BLOCK.stages,
    closes: "all",
    async check({ body, view, context }, values) {
      const meta = saveMemberStagesMetadata.read(view.private_metadata);
      const communityId = openedFor(meta.communityId, "journey", PROFILE_BLOCK.stages);
      // At most every stage a journey can have: a forged list of thousands is not read.
      const chosen = list(values, PROFILE_BLOCK.stages).slice(0, STAGE_LIMITS.stagesMax);
      await services.journey.setMemberStages(workspaceOf(context), communityId, body.user.id, chosen);
      return { communityId, channelId: meta.channelId };
    },
    async after({ body, client, context }, done) {
      const workspace = workspaceOf(context);
      const count = (await services.journey.memberStages(done.communityId, body.user.id)).length;
      await showJourney(client, services, {
        workspace,
        communityId: done.communityId,
        userId: body.user.id,
        channelId: done.channelId,
        page: 0,
        notice: count
          ? md`Saved: you work on ${plural(count, "stage")} of this journey.`
          : md`Saved: you have not said you work on any stage of this journey.`,
      });
    },
  });
}
