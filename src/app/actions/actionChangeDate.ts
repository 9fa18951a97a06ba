import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { changeDateModal } from "../../views/actions";
import { changeActionDateMetadata } from "../submissions/changeActionDate";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Change date on an action: the date form, for those who may change it (checked again on submission). */
export function actionChangeDateAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const item = await services.actions.forChanging(workspaceOf(context), action.value ?? "", body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: changeDateModal(item, changeActionDateMetadata.write({ actionId: item.action.id })),
    });
  });
}
