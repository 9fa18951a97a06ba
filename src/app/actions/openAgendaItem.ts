import type { BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../services";
import { onAction } from "../support/action";
import { openAgendaFormFor } from "../support/agenda";
import { workspaceOf } from "../support/workspace";

/** "Add an item" under an agenda: the add form for that meeting, for its community's members only. */
export function openAgendaItemAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    await openAgendaFormFor(services, client, {
      triggerId: body.trigger_id,
      workspace: workspaceOf(context),
      userId: body.user.id,
      meetingId: action.value ?? "",
      channelId: body.channel?.id,
    });
  });
}
