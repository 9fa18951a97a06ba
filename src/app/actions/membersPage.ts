import type { App, BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { ACTION } from "../../views/ids";
import { membersMessage } from "../../views/members";
import { errorText } from "../replies";
import type { Services } from "../services";
import { workspaceOf } from "../workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const pagerValue = z.object({
  c: z.string().min(1).max(40),
  p: z.number().int().min(0).max(100_000),
});

/** Previous / Next on /community members: replaces the ephemeral list in place. */
export function registerMembersPage(app: App, services: Services): void {
  app.action<BlockButtonAction>(new RegExp(`^(${ACTION.membersPrevious}|${ACTION.membersNext})$`), async ({ ack, action, context, respond }) => {
    await ack();
    try {
      const value = pagerValue.parse(JSON.parse(action.value ?? "{}"));
      const community = await services.communities.byIdIn(workspaceOf(context), value.c);
      await respond({ replace_original: true, ...membersMessage(await services.coverage.page(community, value.p)) });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
