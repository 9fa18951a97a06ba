import { z } from "zod";
import { AppError } from "../../domain/common/errors";
import { checkInvitationDraft } from "../../domain/invitations/invitationDraft";
import { deliverInvitations } from "../../messaging/invitationDelivery";
import type { Services } from "../../services";
import { INVITE_BLOCK } from "../../views/ids";
import { formMetadata } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { list, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The invitation form: the community, once chosen (the message is written for it). */
export const sendInvitationsMetadata = formMetadata(z.object({ communityId: z.string().max(40).optional() }));

/** The invitation form: checked field by field before the ack; sent after it. */
export function sendInvitationsSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: (view) =>
      sendInvitationsMetadata.read(view.private_metadata).communityId ? INVITE_BLOCK.people : INVITE_BLOCK.community,
    closes: "this",
    async check({ body, view, context }, values) {
      const { communityId } = sendInvitationsMetadata.read(view.private_metadata);
      // Until a community is chosen the form has no message; choosing one redraws it.
      if (!communityId) throw new AppError("invalid_input", { key: "form.choose_community", for: "invite" }, INVITE_BLOCK.community);
      const community = await services.communities.byIdIn(workspaceOf(context), communityId);
      await services.invitations.requireInviter(community, body.user.id);
      const draft = checkInvitationDraft({
        users: list(values, INVITE_BLOCK.people),
        emails: text(values, INVITE_BLOCK.emails),
        message: text(values, INVITE_BLOCK.message),
      });
      return { community, ...draft };
    },
    async after({ body, view, client }, prepared) {
      await deliverInvitations(client, services, { ...prepared, inviterId: body.user.id, requestId: view.id });
    },
  });
}
