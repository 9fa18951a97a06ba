import { deleteCommunityModal } from "../../views/lifecycle";
import { deleteCommunityMetadata } from "../submissions/deleteCommunity";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

/** Opens the delete form, which asks for the community's name before anything goes. */
export const deleteCommunity: Subcommand = {
  name: "delete",
  topic: "settings",
  usage: "/community delete [name]",
  summary: "Organisers: delete a community and its records, after typing its name. The Slack channel stays.",
  async handle({ args, command, context, client, services }) {
    const workspace = workspaceOf(context);
    const found = await services.communities.resolve(
      workspace,
      communityQuery(args),
      command.channel_id,
      namingCommunity(deleteCommunity.usage),
    );
    const community = await services.lifecycle.forDeleting(workspace, found.id, command.user_id);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: deleteCommunityModal(community, deleteCommunityMetadata.write({ communityId: community.id })),
    });
  },
};
