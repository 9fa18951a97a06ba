import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTION } from "../../views/ids";
import type { Mrkdwn } from "../../views/mrkdwn";
import { joinGroup } from "../support/groupMembership";
import { errorText, tellClicker } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** The Join button on a group (in /community groups and the new group's announcement): the value is the group id. */
export function registerJoinGroup(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.joinGroup, async ({ ack, body, action, client, context, respond }) => {
    await ack();
    let text: Mrkdwn;
    try {
      const found = await services.groups.byIdIn(workspaceOf(context), action.value ?? "");
      text = await joinGroup(client, services, found, body.user.id);
    } catch (error) {
      text = errorText(error, services.logger);
    }
    await tellClicker(body, respond, client, text);
  });
}
