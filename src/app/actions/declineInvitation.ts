import type { BlockButtonAction } from "@slack/bolt";
import { afterInvitationDeclined } from "../../messaging/invitationDeclined";
import type { Services } from "../../services";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Decline on an invitation DM: the DM says so, and the inviter is told, kindly. */
export function declineInvitationAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { invitation, community } = await services.invitations.decline(workspaceOf(context), action.value ?? "", body.user.id);
    await afterInvitationDeclined(client, services, invitation, community);
  });
}
