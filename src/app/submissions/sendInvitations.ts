import type { App } from "@slack/bolt";
import { AppError } from "../../domain/common/errors";
import { checkInvitationDraft } from "../../domain/invitations/invitationDraft";
import { CALLBACK, INVITE_BLOCK } from "../../views/ids";
import { deliverInvitations } from "../../messaging/invitationDelivery";
import { metadata } from "../metadata";
import { modalErrors } from "../support/replies";
import type { Services } from "../../services";
import { list, readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The invitation form: checked field by field before the ack; sent after it. */
export function registerSendInvitationsSubmission(app: App, services: Services): void {
  app.view(CALLBACK.sendInvitations, async ({ ack, body, view, client, context }) => {
    const inviterId = body.user.id;
    const { communityId } = metadata.invite.read(view.private_metadata);
    let prepared;
    try {
      const values = readViewState(view);
      // Until a community is chosen the form has no message; choosing one redraws it.
      if (!communityId) throw new AppError("invalid_input", { key: "form.choose_community", for: "invite" }, INVITE_BLOCK.community);
      const community = await services.communities.byIdIn(workspaceOf(context), communityId);
      await services.invitations.requireInviter(community, inviterId);
      const draft = checkInvitationDraft({
        users: list(values, INVITE_BLOCK.people),
        emails: text(values, INVITE_BLOCK.emails),
        message: text(values, INVITE_BLOCK.message),
      });
      prepared = { community, ...draft };
    } catch (error) {
      const fallback = communityId ? INVITE_BLOCK.people : INVITE_BLOCK.community;
      await ack({ response_action: "errors", errors: modalErrors(error, fallback, services.logger) });
      return;
    }
    await ack();
    await deliverInvitations(client, services, { ...prepared, inviterId, requestId: view.id });
  });
}
