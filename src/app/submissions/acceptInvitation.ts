import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { CALLBACK, PROFILE_BLOCK } from "../../views/ids";
import { afterInvitationAccepted } from "../../messaging/invitationAccepted";
import { metadata } from "../metadata";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { readViewState, text } from "../support/viewState";
import { welcomeNewMember } from "../../messaging/welcome";
import { workspaceOf } from "../support/workspace";

/** The Accept form: the invitee becomes a member, joins the channel, and the inviter is told. */
export function registerAcceptInvitationSubmission(app: App, services: Services): void {
  app.view(CALLBACK.acceptInvitation, async ({ ack, body, view, client, context }) => {
    let accepted;
    try {
      const values = readViewState(view);
      const { invitationId } = metadata.invitationRef.read(view.private_metadata);
      if (!invitationId) throw new AppError("gone", { key: "form.expired", reopen: "invitation" }, PROFILE_BLOCK.organisation);
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
    if (!alreadyMember) await welcomeNewMember(client, services.logger, community, membership, invitation.inviterId);
    await afterInvitationAccepted(client, services, invitation, community, membership);
  });
}
