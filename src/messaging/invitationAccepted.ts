// Once an invitation is accepted (with Accept, or by joining some other way):
// its DM loses its buttons and says so, and the inviter is told.
import type { WebClient } from "@slack/web-api";
import type { CommunityRecord, InvitationRecord, MembershipRecord } from "../domain/ports";
import type { Services } from "../services";
import { answeredInvitationDm } from "../views/invitations";
import { esc, md, personLink } from "../views/mrkdwn";
import { stepsAfterAck } from "./afterAck";
import { memberDescription } from "./welcome";

export async function afterInvitationAccepted(
  client: WebClient,
  services: Services,
  invitation: InvitationRecord,
  community: CommunityRecord,
  membership: MembershipRecord,
): Promise<void> {
  const step = stepsAfterAck(services.logger.child({ communityId: community.id }));
  if (invitation.dmChannelId && invitation.dmTs) {
    const card = await services.invitations.card(invitation);
    await step("mark the invitation accepted", () =>
      client.chat.update({
        channel: invitation.dmChannelId!,
        ts: invitation.dmTs!,
        ...answeredInvitationDm(card, "accepted", services.clock.now()),
      }),
    );
  }
  await step("tell the inviter about an acceptance", () =>
    client.chat.postMessage({
      channel: invitation.inviterId,
      text: md`:tada: ${personLink(membership)} accepted your invitation and joined *${esc(community.name)}*: ${memberDescription(membership)}.`,
    }),
  );
}
