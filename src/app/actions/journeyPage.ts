import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { journeyMessage } from "../../views/journey";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";
import { pagerValue } from "./membersPage";

/** Previous / Next on /community journey, and Cancel on a question about it: the journey's page, in place. */
export function journeyPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, context, respond }) => {
    const value = pagerValue.parse(JSON.parse(action.value ?? "{}"));
    const page = await services.journey.journey(workspaceOf(context), value.c, body.user.id, value.p);
    await respond({ replace_original: true, ...journeyMessage(page) });
  });
}
