import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../../views/ids";
import { listPage } from "../commands/list";
import { errorText } from "../support/replies";
import type { Services } from "../../services";

/** Next / Previous on the community list: replaces the ephemeral message in place. */
export function registerListPage(app: App, services: Services): void {
  app.action<BlockButtonAction>(new RegExp(`^(${ACTION.listPrevious}|${ACTION.listNext})$`), async ({ ack, body, action, context, respond }) => {
    await ack();
    const page = Number.parseInt(action.value ?? "0", 10);
    try {
      const message = await listPage(services, context, body.user.id, Number.isFinite(page) ? page : 0);
      await respond({ replace_original: true, ...message });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
