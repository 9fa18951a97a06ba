import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../services";
import { emailRefusalsModal } from "../../views/emailRefusals";
import { onAction } from "../support/action";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const liftValue = z.object({ c: z.string().min(1).max(40), m: z.string().min(1).max(100) });

/** "Email them again" on the organisers' list: lifts the member's refusal (audited) and redraws the list. */
export function liftEmailRefusalAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const value = readValue(liftValue, action.value, { key: "member.list_unreadable" });
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    const lifted = await services.messageChoices.liftRefusal(community, body.user.id, value.m);
    const refused = await services.messageChoices.refusals(community, body.user.id);
    const view = emailRefusalsModal(community, refused, lifted);
    if (body.view?.id) await client.views.update({ view_id: body.view.id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
