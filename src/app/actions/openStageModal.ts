import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { stageModal } from "../../views/stageModal";
import { saveStageMetadata } from "../submissions/saveStage";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Add a stage (organisers) or Suggest a stage (members): the stage form, empty. The value is the community id. */
export function openStageModalAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { community, organiser } = await services.journey.forAdding(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: stageModal({
        mode: organiser ? "add" : "suggest",
        community,
        privateMetadata: saveStageMetadata.write({ communityId: community.id, channelId: body.channel?.id, page: 0 }),
      }),
    });
  });
}
