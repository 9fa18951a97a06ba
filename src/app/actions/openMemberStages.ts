import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { memberStagesModal } from "../../views/stageModal";
import { saveMemberStagesMetadata } from "../submissions/saveMemberStages";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** "Say which stages you work on" under the journey, for members: the journey's stages, theirs chosen. The value is the community id. */
export function openMemberStagesAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { community, stages, chosen } = await services.journey.forMemberStages(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: memberStagesModal({
        community,
        stages,
        chosen,
        privateMetadata: saveMemberStagesMetadata.write({ communityId: community.id, channelId: body.channel?.id }),
      }),
    });
  });
}
