import type { BlockStaticSelectAction } from "@slack/bolt";
import type { Services } from "../../services";
import { INVITE_BLOCK } from "../../views/ids";
import { inviteModal } from "../../views/invitations";
import { sendInvitationsMetadata } from "../submissions/sendInvitations";
import { onAction } from "../support/action";
import { invitationDraft } from "../support/drafts";
import { list, readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/**
 * The invitation form's community picker: once a community is chosen, the form
 * is redrawn for it with the message written from its service and problems.
 * The people and addresses already entered are carried across.
 */
export function inviteCommunityPickedAction(services: Services) {
  return onAction<BlockStaticSelectAction>(services, async ({ body, action, client, context }) => {
    const view = body.view;
    if (!view) return;
    const community = await services.communities.byIdIn(workspaceOf(context), action.selected_option.value);
    await services.invitations.requireInviter(community, body.user.id);
    const values = readViewState(view);
    const next = inviteModal({
      community: { id: community.id, name: community.name },
      initialUsers: list(values, INVITE_BLOCK.people),
      emails: text(values, INVITE_BLOCK.emails) ?? undefined,
      message: await invitationDraft(client, services, community, body.user.id),
      privateMetadata: sendInvitationsMetadata.write({ communityId: community.id }),
    });
    // The hash makes Slack refuse the update if the form changed meanwhile, rather than overwrite it.
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  });
}
