import { journeyMessage } from "../../views/journey";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const journey: Subcommand = {
  name: "journey",
  topic: "journey",
  aliases: ["stages", "steps"],
  usage: "/community journey [name]",
  summary:
    "See the service journey stage by stage: who owns each stage, its problems, who works on it and its next meeting. Organisers change the stages here; members suggest them and say which they work on.",
  async reply({ args, command, context, services }) {
    const workspace = workspaceOf(context);
    const community = await services.communities.resolve(
      workspace,
      communityQuery(args),
      command.channel_id,
      namingCommunity(journey.usage),
    );
    return journeyMessage(await services.journey.journeyOf(community, command.user_id, 0));
  },
};
