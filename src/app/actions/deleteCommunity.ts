import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { deleteCommunityModal } from "../../views/lifecycle";
import { deleteCommunityMetadata } from "../submissions/deleteCommunity";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** The Delete button: the form that asks for the community's name before anything goes. */
export function deleteCommunityAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const community = await services.lifecycle.forDeleting(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: deleteCommunityModal(community, deleteCommunityMetadata.write({ communityId: community.id })),
    });
  });
}
