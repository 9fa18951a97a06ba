import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { onAction } from "../support/action";
import { joinGroup } from "../support/groupMembership";
import { tellClicker } from "../support/replies";
import { workspaceOf } from "../support/workspace";

/** The Join button on a group (in /community groups and the new group's announcement): the value is the group id. */
export function joinGroupAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context, respond }) => {
    const found = await services.groups.byIdIn(workspaceOf(context), action.value ?? "");
    await tellClicker(body, respond, client, await joinGroup(client, services, found, body.user.id));
  });
}
