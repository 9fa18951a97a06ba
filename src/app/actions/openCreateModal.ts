import type { App } from "@slack/bolt";
import { createCommunityModal } from "../../views/createCommunityModal";
import { ACTION } from "../../views/ids";
import { createCommunityMetadata } from "../submissions/createCommunity";
import type { Services } from "../../services";

/** "Create a community" buttons (help, list, App Home) open the create modal. */
export function registerOpenCreateModal(app: App, services: Services): void {
  app.action(ACTION.openCreateModal, async ({ ack, body, client }) => {
    await ack();
    const trigger = (body as { trigger_id?: string }).trigger_id;
    if (!trigger) return;
    const channelId = (body as { channel?: { id?: string } }).channel?.id;
    await client.views.open({
      trigger_id: trigger,
      view: createCommunityModal({
        timezone: services.defaultTimezone,
        now: services.clock.now(),
        privateMetadata: createCommunityMetadata.write({ channelId }),
      }),
    });
  });
}
