import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../../views/ids";
import { openJoinModal } from "../support/joinModal";
import { errorText } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** A Join button: its value is the community id, or empty to choose in the modal. */
export function registerJoinCommunity(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.joinCommunity, async ({ ack, body, action, client, context, respond }) => {
    await ack();
    try {
      const community = action.value ? await services.communities.byIdIn(workspaceOf(context), action.value) : null;
      await openJoinModal({ client, services, triggerId: body.trigger_id, userId: body.user.id, community, channelId: body.channel?.id });
    } catch (error) {
      const text = errorText(error, services.logger);
      if (body.response_url) await respond({ response_type: "ephemeral", replace_original: false, text });
      else await client.chat.postMessage({ channel: body.user.id, text });
    }
  });
}
