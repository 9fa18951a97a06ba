import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { onAction } from "../support/action";
import { openJoinModal } from "../support/joinModal";
import { workspaceOf } from "../support/workspace";

/** A Join button: its value is the community id, or empty to choose in the modal. */
export function joinCommunityAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const community = action.value ? await services.communities.byIdIn(workspaceOf(context), action.value) : null;
    await openJoinModal({ client, services, triggerId: body.trigger_id, userId: body.user.id, community, channelId: body.channel?.id });
  });
}
