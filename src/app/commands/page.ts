import { webPageMessage } from "../../views/webPage";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

/** Anyone in the workspace may have the address: they can see all it shows in Slack already. */
export const page: Subcommand = {
  name: "page",
  topic: "settings",
  aliases: ["web", "website"],
  usage: "/community page [name]",
  summary: "The address of a community's web page, to share with people outside Slack, and who can see it.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(page.usage),
      {
        soleMembershipOf: command.user_id,
      },
    );
    return webPageMessage(community, services.communityPageLinks.url(community));
  },
};
