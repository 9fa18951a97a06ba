import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { createCommunityModal } from "../../views/createCommunityModal";
import { createCommunityMetadata } from "../submissions/createCommunity";
import { onAction } from "../support/action";

/** "Create a community" buttons (help, list, App Home) open the create modal. */
export function openCreateModalAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, client }) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: createCommunityModal({
        timezone: services.defaultTimezone,
        now: services.clock.now(),
        privateMetadata: createCommunityMetadata.write({ channelId: body.channel?.id }),
      }),
    });
  });
}
