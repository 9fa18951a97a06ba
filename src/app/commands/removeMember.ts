import { AppError } from "../../domain/common/errors";
import { removalLine, tellRemoved } from "../../messaging/roleMessages";
import { lines } from "../../views/mrkdwn";
import { ephemeral } from "../support/replies";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const removeMember: Subcommand = {
  name: "remove",
  topic: "people",
  usage: "/community remove @someone [name]",
  summary: "Organisers: remove a member from the community. They stay in its Slack channel until someone removes them there.",
  async handle({ args, mentionedUsers, command, context, client, respond, services }) {
    if (mentionedUsers.length === 0) {
      throw new AppError("invalid_input", { key: "command.say_who_to_remove" });
    }
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(removeMember.usage),
    );
    const outcomes = await services.roles.remove(community, command.user_id, mentionedUsers);
    await respond(ephemeral(lines(outcomes.map((o) => removalLine(community, o)))));
    const removed = outcomes.filter((o) => o.outcome === "removed").map((o) => o.userId);
    await tellRemoved(client, services, community, command.user_id, removed);
  },
};
