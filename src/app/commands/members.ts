import { membersMessage } from "../../views/members";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const members: Subcommand = {
  name: "members",
  topic: "people",
  aliases: ["who", "coverage"],
  usage: "/community members [name]",
  summary: "See who is in a community, by organisation and profession, and which organisations named on its problems have no member yet.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(members.usage),
    );
    const [page, refusals] = await Promise.all([
      services.coverage.page(community, 0),
      services.messageChoices.refusalCount(community, command.user_id),
    ]);
    return membersMessage(page, refusals);
  },
};
