import { charterMessage } from "../../views/charter";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const info: Subcommand = {
  name: "info",
  aliases: ["charter", "about"],
  usage: "/community info [name]",
  summary: "Read a community's charter: its service, problems and ways of working. In its channel, leave out the name.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(info.usage),
    );
    const [charter, membership] = await Promise.all([
      services.communities.charter(community.id),
      services.memberships.membership(community.id, command.user_id),
    ]);
    const isMember = membership?.status === "active";
    return charterMessage(charter, { isMember, isOrganiser: isMember && membership?.role === "organiser" });
  },
};
