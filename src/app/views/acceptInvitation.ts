import type { App } from "@slack/bolt";
import { AppError } from "../../domain/errors";
import { esc } from "../../views/blocks";
import { CALLBACK, PROFILE_BLOCK } from "../../views/ids";
import { answeredInvitationDm } from "../../views/invitations";
import { stepsAfterAck } from "../afterAck";
import { metadata } from "../metadata";
import { modalErrors } from "../replies";
import type { Services } from "../services";
import { readViewState, text } from "../viewState";
import { memberDescription, welcomeNewMember } from "../welcome";
import { workspaceOf } from "../workspace";

/** The Accept form: the invitee becomes a member, joins the channel, and the inviter is told. */
export function registerAcceptInvitationSubmission(app: App, services: Services): void {
  app.view(CALLBACK.acceptInvitation, async ({ ack, body, view, client, context }) => {
    const values = readViewState(view);
    let accepted;
    try {
      const { invitationId } = metadata.invitationRef.read(view.private_metadata);
      if (!invitationId) throw new AppError("invalid_input", "This form has expired. Click Accept on the invitation again.", PROFILE_BLOCK.organisation);
      accepted = await services.invitations.accept(workspaceOf(context), invitationId, body.user.id, {
        organisation: text(values, PROFILE_BLOCK.organisation),
        organisationOther: text(values, PROFILE_BLOCK.organisationOther),
        profession: text(values, PROFILE_BLOCK.profession),
        professionOther: text(values, PROFILE_BLOCK.professionOther),
      });
    } catch (error) {
      await ack({ response_action: "errors", errors: modalErrors(error, PROFILE_BLOCK.organisation, services.logger) });
      return;
    }
    await ack();

    const { invitation, community, membership, alreadyMember } = accepted;
    const step = stepsAfterAck(services.logger.child({ communityId: community.id }));
    if (!alreadyMember) await welcomeNewMember(client, services.logger, community, membership, invitation.inviterId);
    if (invitation.dmChannelId && invitation.dmTs) {
      const card = await services.invitations.card(invitation);
      await step("mark the invitation accepted", () =>
        client.chat.update({ channel: invitation.dmChannelId!, ts: invitation.dmTs!, ...answeredInvitationDm(card, "accepted", services.clock.now()) } as never),
      );
    }
    await step("tell the inviter about an acceptance", () =>
      client.chat.postMessage({
        channel: invitation.inviterId,
        text: `:tada: <@${invitation.inviteeId}> accepted your invitation and joined *${esc(community.name)}* (${memberDescription(membership)}).`,
      }),
    );
  });
}
