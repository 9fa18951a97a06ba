import { reachOutMessage } from "../../views/invitations";
import { reachOutDraft } from "../support/drafts";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const reachOut: Subcommand = {
  name: "reach-out",
  topic: "people",
  aliases: ["reachout", "outreach"],
  usage: "/community reach-out [name]",
  summary: "Get a draft post about the community for cross-government channels, filled with its service and problems, ready to copy.",
  async reply({ args, command, context, client, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(reachOut.usage),
    );
    return reachOutMessage(community.name, await reachOutDraft(client, services, community, command.user_id));
  },
};
