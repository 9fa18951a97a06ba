import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { journeyExportsMessage } from "../../views/journeyExports";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** The journey's Export button: links for members of the community, which the files are about. */
export function journeyExportsAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, respond, context }) => {
    const { community } = await services.journey.forAdding(workspaceOf(context), action.value ?? "", body.user.id);
    const now = services.clock.now();
    const links = {
      stepByStep: services.exportLinks.url(community.id, "step-by-step.json", now),
      landscape: services.exportLinks.url(community.id, "service-landscape.csv", now),
    };
    await respond({ response_type: "ephemeral", replace_original: false, ...journeyExportsMessage(community, links) });
  });
}
