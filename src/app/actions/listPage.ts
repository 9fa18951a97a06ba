import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { listPage } from "../commands/list";
import { onAction } from "../support/action";

/** Next / Previous on the community list: replaces the ephemeral message in place. */
export function listPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const page = Number.parseInt(action.value ?? "0", 10);
    const message = await listPage(services, context, body.user.id, Number.isFinite(page) ? page : 0);
    await respond({ replace_original: true, ...message });
  });
}
