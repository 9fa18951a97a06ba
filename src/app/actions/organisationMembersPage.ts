import type { BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../../services";
import { organisationMembersMessage } from "../../views/members";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";
import { pageNumber, pagerValue } from "./membersPage";

// A button's value comes back in a request anyone could forge: check its shape.
const organisationValue = pagerValue.extend({
  // "other:" and a folded typed name of at most 100 characters, with room for case folding that lengthens it.
  o: z.string().min(1).max(400),
  /** The page of all organisations to go back to. */
  b: pageNumber,
});

/** "See all N" on an organisation cut short, and Previous / Next through its members: replaces the ephemeral list in place. */
export function organisationMembersPageAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ action, context, respond }) => {
    const value = organisationValue.parse(JSON.parse(action.value ?? "{}"));
    const community = await services.communities.byIdIn(workspaceOf(context), value.c);
    const members = await services.coverage.organisation(community, value.o, value.p, value.b);
    await respond({ replace_original: true, ...organisationMembersMessage(members) });
  });
}
