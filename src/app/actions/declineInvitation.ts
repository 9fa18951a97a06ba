import type { BlockButtonAction } from "@slack/bolt";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { answeredInvitationDm } from "../../views/invitations";
import { esc, md, userLink } from "../../views/mrkdwn";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Decline on an invitation DM: the DM says so, and the inviter is told, kindly. */
export function declineInvitationAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { invitation, community } = await services.invitations.decline(workspaceOf(context), action.value ?? "", body.user.id);
    // The decline is recorded: what follows is best effort, and a failure is logged rather than told as "nothing was changed".
    const step = stepsAfterAck(services.logger.child({ communityId: community.id }));
    if (invitation.dmChannelId && invitation.dmTs) {
      const [channel, ts] = [invitation.dmChannelId, invitation.dmTs];
      await step("mark the invitation declined", async () =>
        client.chat.update({
          channel,
          ts,
          ...answeredInvitationDm(await services.invitations.card(invitation), "declined", services.clock.now()),
        }),
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
