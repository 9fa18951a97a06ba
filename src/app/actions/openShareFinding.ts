import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { shareFindingModal } from "../../views/findings";
import { shareFindingMetadata } from "../submissions/shareFinding";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Share a finding: the form, with the journey's stages to choose from and the member's organisation as its default. */
export function openShareFindingAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { community, membership } = await services.findings.forSharing(workspaceOf(context), action.value ?? "", body.user.id);
    const stages = await services.journey.stages(community.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: shareFindingModal({
        community,
        stages,
        from: membership,
        privateMetadata: shareFindingMetadata.write({ communityId: community.id }),
      }),
    });
  });
}
