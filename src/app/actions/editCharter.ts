import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { editCharterModal } from "../../views/charterEdits";
import { editCharterMetadata } from "../submissions/editCharter";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** The organisers' Edit charter button under /community info: the form, filled in with the charter as it is. */
export function editCharterAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const community = await services.charter.forEditing(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: editCharterModal(community, editCharterMetadata.write({ communityId: community.id })),
    });
  });
}
