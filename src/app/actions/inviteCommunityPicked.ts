import type { App, BlockStaticSelectAction } from "@slack/bolt";
import { prose } from "../../i18n";
import { ACTION, INVITE_BLOCK } from "../../views/ids";
import { inviteModal } from "../../views/invitations";
import { sendInvitationsMetadata } from "../submissions/sendInvitations";
import { errorText } from "../support/replies";
import type { Services } from "../../services";
import { list, readViewState, text } from "../support/viewState";
import { workspaceOf } from "../support/workspace";

/**
 * The invitation form's community picker: once a community is chosen, the form
 * is redrawn for it with the message written from its service and problems.
 * The people and addresses already entered are carried across.
 */
export function registerInviteCommunityPicked(app: App, services: Services): void {
  app.action<BlockStaticSelectAction>(ACTION.inviteCommunity, async ({ ack, body, action, client, context }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    try {
      const community = await services.communities.byIdIn(workspaceOf(context), action.selected_option.value);
      await services.invitations.requireInviter(community, body.user.id);
      const values = readViewState(view);
      const next = inviteModal({
        community: { id: community.id, name: community.name },
        initialUsers: list(values, INVITE_BLOCK.people),
        emails: text(values, INVITE_BLOCK.emails) ?? undefined,
        message: prose.invitationMessage(community, await services.invitations.topProblems(community)),
        privateMetadata: sendInvitationsMetadata.write({ communityId: community.id }),
      });
      // The hash makes Slack refuse the update if the form changed meanwhile, rather than overwrite it.
      await client.views.update({ view_id: view.id, hash: view.hash, view: next });
    } catch (error) {
      await client.chat.postMessage({ channel: body.user.id, text: errorText(error, services.logger) });
    }
  });
}
