// Once an invitation is declined (from its DM, or on its web page): its DM
// loses its buttons and says so, and the inviter is told, kindly.
import type { WebClient } from "@slack/web-api";
import { isEmailPerson } from "../domain/members/people";
import type { CommunityRecord, InvitationRecord } from "../domain/ports";
import type { Services } from "../services";
import { answeredInvitationDm } from "../views/invitations";
import { esc, md, userLink } from "../views/mrkdwn";
import { stepsAfterAck } from "./afterAck";

export async function afterInvitationDeclined(
  client: WebClient,
  services: Services,
  invitation: InvitationRecord,
  community: CommunityRecord,
): Promise<void> {
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
  // Someone invited by email is named by the address the inviter typed: this DM is the inviter's alone.
  const who = isEmailPerson(invitation.inviteeId) && invitation.email ? esc(invitation.email) : userLink(invitation.inviteeId);
  const later = isEmailPerson(invitation.inviteeId)
    ? md`they can still join later if you invite them again`
    : md`they can still join later with \`/community join\``;
  await step("tell the inviter about a decline", () =>
    client.chat.postMessage({
      channel: invitation.inviterId,
      text: md`${who} has declined your invitation to join *${esc(community.name)}*. Thank you for reaching out: not everyone has the time right now, and ${later}.`,
    }),
  );
}
