import type { BlockButtonAction } from "@slack/bolt";
import { organisationLabel } from "../../domain/members/profiles";
import { OTHER_ORGANISATION_ID } from "../../reference/organisations";
import type { Services } from "../../services";
import { acceptInvitationModal } from "../../views/invitations";
import { OTHER_ORGANISATION_LABEL } from "../../views/profileFields";
import { acceptInvitationMetadata } from "../submissions/acceptInvitation";
import { onAction } from "../support/action";
import { workspaceOf } from "../support/workspace";

/** Accept on an invitation DM: asks for organisation and profession (prefilled if they were a member before). */
export function acceptInvitationAction(services: Services) {
  return onAction<BlockButtonAction>(services, async ({ body, action, client, context }) => {
    const { invitation, community } = await services.invitations.toAnswer(workspaceOf(context), action.value ?? "", body.user.id);
    const earlier = await services.memberships.membership(community.id, body.user.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: acceptInvitationModal({
        communityName: community.name,
        defaults: earlier
          ? {
              organisation: {
                id: earlier.organisation,
                label: earlier.organisation === OTHER_ORGANISATION_ID ? OTHER_ORGANISATION_LABEL : organisationLabel(earlier),
              },
              organisationOther: earlier.organisationOther,
              profession: earlier.profession,
              professionOther: earlier.professionOther,
            }
          : undefined,
        privateMetadata: acceptInvitationMetadata.write({ invitationId: invitation.id }),
      }),
    });
  });
}
