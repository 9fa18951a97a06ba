import { AppError } from "../../domain/common/errors";
import { inviteModal } from "../../views/invitations";
import { sendInvitationsMetadata } from "../submissions/sendInvitations";
import { invitationDraft } from "../support/drafts";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const invite: Subcommand = {
  name: "invite",
  topic: "people",
  usage: "/community invite [@someone …] [name]",
  summary:
    "Invite people by Slack or email address, with a message written from the community's problems. They answer with Accept or Decline.",
  async handle({ args, mentionedUsers, command, context, client, services }) {
    const workspace = workspaceOf(context);
    // Named, or the community whose channel this is; otherwise the form asks which of the inviter's communities.
    let community = args
      ? await services.communities.resolve(workspace, communityQuery(args), undefined, namingCommunity(invite.usage))
      : await services.communities.inChannel(workspace, command.channel_id);
    let choices: Array<{ id: string; name: string }> = [];
    if (!community) {
      const mine = await services.invitations.invitable(workspace, command.user_id);
      if (mine.length === 0) {
        throw new AppError("forbidden", { key: "invitation.not_member_anywhere" });
      }
      if (mine.length === 1) community = mine[0];
      else choices = mine.map((c) => ({ id: c.id, name: c.name }));
    }
    // Refuse now rather than after someone has filled in the whole form.
    if (community) await services.invitations.requireInviter(community, command.user_id);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: inviteModal({
        community: community ? { id: community.id, name: community.name } : undefined,
        choices,
        initialUsers: mentionedUsers,
        message: community ? await invitationDraft(client, services, community, command.user_id) : undefined,
        privateMetadata: sendInvitationsMetadata.write({ communityId: community?.id }),
      }),
    });
  },
};
