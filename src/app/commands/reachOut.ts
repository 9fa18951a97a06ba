import { prose } from "../../i18n";
import { reachOutMessage } from "../../views/invitations";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const reachOut: Subcommand = {
  name: "reach-out",
  aliases: ["reachout", "outreach"],
  usage: "/community reach-out [name]",
  summary: "Get a draft post about the community for cross-government channels, filled with its service and problems, ready to copy.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(reachOut.usage),
    );
    const missing = await services.coverage.missing(community);
    const post = prose.reachOutPost(
      community,
      await services.invitations.topProblems(community),
      missing.map((m) => m.shortLabel),
    );
    return reachOutMessage(community.name, post);
  },
};
