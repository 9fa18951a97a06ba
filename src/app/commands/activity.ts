import { activitiesMessage } from "../../views/activities";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const activity: Subcommand = {
  name: "activity",
  topic: "meetings",
  aliases: ["activities"],
  usage: "/community activity [name]",
  summary:
    "See the activities a community can plan (map a user's whole problem, an experience map, sharing research, step by step), and plan one as a meeting.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(activity.usage),
      {
        soleMembershipOf: command.user_id,
      },
    );
    return activitiesMessage(community);
  },
};
