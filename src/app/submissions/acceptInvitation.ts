import { z } from "zod";
import { afterInvitationAccepted } from "../../messaging/invitationAccepted";
import { welcomeNewMember } from "../../messaging/welcome";
import type { Services } from "../../services";
import { PROFILE_BLOCK } from "../../views/ids";
import { formMetadata, openedFor } from "../support/privateMetadata";
import { onSubmit } from "../support/submission";
import { text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/** The invitation an Accept form answers. */
export const acceptInvitationMetadata = formMetadata(z.object({ invitationId: z.string().max(40) }));

/** The Accept form: the invitee becomes a member, joins the channel, and the inviter is told. */
export function acceptInvitationSubmission(services: Services) {
  return onSubmit(services, {
    fallbackBlock: PROFILE_BLOCK.organisation,
    closes: "this",
    async check({ body, view, context }, values) {
      const invitationId = openedFor(
        acceptInvitationMetadata.read(view.private_metadata).invitationId,
        "invitation",
        PROFILE_BLOCK.organisation,
      );
      return services.invitations.accept(workspaceOf(context), invitationId, body.user.id, {
        organisation: text(values, PROFILE_BLOCK.organisation),
        organisationOther: text(values, PROFILE_BLOCK.organisationOther),
        profession: text(values, PROFILE_BLOCK.profession),
        professionOther: text(values, PROFILE_BLOCK.professionOther),
      });
    },
    async after({ client }, { invitation, community, membership, alreadyMember }) {
      if (!alreadyMember) await welcomeNewMember(client, services.logger, community, membership, invitation.inviterId);
      await afterInvitationAccepted(client, services, invitation, community, membership);
    },
  });
}
