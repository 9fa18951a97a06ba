import { groupsListMessage } from "../../views/groups";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const groups: Subcommand = {
  name: "groups",
  topic: "groups",
  usage: "/community groups [community]",
  summary: "See a community's groups: what each focuses on, where it talks, who is in it, and how to join.",
  async reply({ args, command, context, services }) {
    const workspace = workspaceOf(context);
    // In a group's own channel, its community's groups.
    const here = args ? null : await services.groups.communityOfChannel(workspace, command.channel_id);
    const community =
      here ?? (await services.communities.resolve(workspace, communityQuery(args), command.channel_id, namingCommunity(groups.usage)));
    return groupsListMessage(await services.groups.overview(community, command.user_id));
  },
};
