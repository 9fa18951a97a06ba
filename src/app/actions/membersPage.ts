import type { App, BlockButtonAction } from "@slack/bolt";
import { z } from "zod";
import { ACTION } from "../../views/ids";
import { membersMessage, organisationMembersMessage } from "../../views/members";
import { errorText } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

// A button's value comes back in a request anyone could forge: check its shape.
const page = z.number().int().min(0).max(100_000);
const pagerValue = z.object({
  c: z.string().min(1).max(40),
  p: page,
});
const organisationValue = pagerValue.extend({
  // "other:" and a folded typed name of at most 100 characters, with room for case folding that lengthens it.
  o: z.string().min(1).max(400),
  b: page,
});

/**
 * Previous / Next on /community members, and "Back to all organisations" from
 * one organisation's list: replaces the ephemeral list in place.
 */
export function registerMembersPage(app: App, services: Services): void {
  const pager = new RegExp(`^(${ACTION.membersPrevious}|${ACTION.membersNext}|${ACTION.membersBack})$`);
  app.action<BlockButtonAction>(pager, async ({ ack, action, context, respond }) => {
    await ack();
    try {
      const value = pagerValue.parse(JSON.parse(action.value ?? "{}"));
      const community = await services.communities.byIdIn(workspaceOf(context), value.c);
      await respond({ replace_original: true, ...membersMessage(await services.coverage.page(community, value.p)) });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });

  // "See all N" on an organisation cut short, and Previous / Next through its members.
  const organisation = new RegExp(`^(${ACTION.membersOrganisation}|${ACTION.membersOrganisationPrevious}|${ACTION.membersOrganisationNext})$`);
  app.action<BlockButtonAction>(organisation, async ({ ack, action, context, respond }) => {
    await ack();
    try {
      const value = organisationValue.parse(JSON.parse(action.value ?? "{}"));
      const community = await services.communities.byIdIn(workspaceOf(context), value.c);
      const members = await services.coverage.organisation(community, value.o, value.p, value.b);
      await respond({ replace_original: true, ...organisationMembersMessage(members) });
    } catch (error) {
      await respond({ response_type: "ephemeral", replace_original: false, text: errorText(error, services.logger) });
    }
  });
}
