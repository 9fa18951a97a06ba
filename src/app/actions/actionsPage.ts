import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { actionsListMessage } from "../../views/actions";
import { onAction } from "../support/action";
import { actionsPageValue } from "../support/actionValues";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";

/** Previous / Next on /community actions: the list's page, in place. */
export function actionsPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const value = readValue(actionsPageValue, action.value, { key: "action.gone" });
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    const page = await services.actions.page(community, body.user.id, value.f, value.p);
    await respond({ replace_original: true, ...actionsListMessage(page, services.clock.now()) });
  });
}
