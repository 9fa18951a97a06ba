import type { App, BlockButtonAction } from "@slack/bolt";
import { esc, md, userLink } from "../../views/mrkdwn";
import { ACTION } from "../../views/ids";
import { answeredInvitationDm } from "../../views/invitations";
import { stepsAfterAck } from "../../messaging/afterAck";
import { errorText, tellClicker } from "../support/replies";
import type { Services } from "../../services";
import { workspaceOf } from "../support/workspace";

/** Decline on an invitation DM: the DM says so, and the inviter is told, kindly. */
export function registerDeclineInvitation(app: App, services: Services): void {
  app.action<BlockButtonAction>(ACTION.declineInvitation, async ({ ack, body, action, client, context, respond }) => {
    await ack();
    let declined;
    try {
      declined = await services.invitations.decline(workspaceOf(context), action.value ?? "", body.user.id);
    } catch (error) {
      await tellClicker(body, respond, client, errorText(error, services.logger));
      return;
    }
    const { invitation, community } = declined;
    const step = stepsAfterAck(services.logger.child({ communityId: community.id }));
    const card = await services.invitations.card(invitation);
    if (invitation.dmChannelId && invitation.dmTs) {
      await step("mark the invitation declined", () =>
        client.chat.update({ channel: invitation.dmChannelId!, ts: invitation.dmTs!, ...answeredInvitationDm(card, "declined", services.clock.now()) }),
      );
    }
    await step("tell the inviter about a decline", () =>
      client.chat.postMessage({
        channel: invitation.inviterId,
        text: md`${userLink(invitation.inviteeId)} has declined your invitation to join *${esc(community.name)}*. Thank you for reaching out: not everyone has the time right now, and they can still join later with \`/community join\`.`,
      }),
    );
  });
}
