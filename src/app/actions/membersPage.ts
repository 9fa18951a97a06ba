import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../services";
import { membersMessage } from "../../views/members";
import { onAction } from "../support/action";
import { readValue } from "../support/readValue";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
export const pageNumber = z.number().int().min(0).max(100_000);
export const pagerValue = z.object({
  c: z.string().min(1).max(40),
  p: pageNumber,
});

/**
 * Previous / Next on /community members, and "Back to all organisations" from
 * one organisation's list: replaces the ephemeral list in place.
 */
export function membersPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ action, body, context, respond }) => {
    const value = readValue(pagerValue, action.value, { key: "member.list_unreadable" });
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    const [page, refusals] = await Promise.all([
      services.coverage.page(community, value.p),
      services.messageChoices.refusalCount(community, body.user.id),
    ]);
    await respond({ replace_original: true, ...membersMessage(page, refusals) });
  });
}
