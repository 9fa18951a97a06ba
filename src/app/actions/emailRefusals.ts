import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { emailRefusalsModal } from "../../views/emailRefusals";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** "Check email addresses" (/community members, the organisers' alert): organisers only; the value is the community id. */
export function emailRefusalsAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const community = await services.communities.byIdIn(workspaceOf(context), action.value ?? "");
    const refused = await services.messageChoices.refusals(community, body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: emailRefusalsModal(community, refused) });
  });
}
