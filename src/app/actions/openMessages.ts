import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { onAction } from "../support/action";
import { openMessagesModal } from "../support/messagesModal";
import { workspaceOf } from "../support/workspace";

/** "Choose how you get messages" (App Home, the organisers' settings form): the value is the community id. */
export function openMessagesAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const community = await services.communities.byIdIn(workspaceOf(context), action.value ?? "");
    // From inside a form (the settings), it goes on top of it, so Cancel comes back to the settings.
    await openMessagesModal({
      client,
      services,
      community,
      userId: body.user.id,
      triggerId: body.trigger_id,
      push: body.view?.type === "modal",
    });
  });
}
