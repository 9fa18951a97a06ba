import { AppError } from "../../domain/common/errors";
import { promotionLine, tellPromoted } from "../../messaging/roleMessages";
import { lines } from "../../views/mrkdwn";
import { ephemeral } from "../support/replies";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const makeOrganiser: Subcommand = {
  name: "make-organiser",
  topic: "people",
  aliases: ["promote", "make-organizer"],
  usage: "/community make-organiser @someone [name]",
  summary: "Organisers: make another member an organiser too. Mention several people to promote each.",
  async handle({ args, mentionedUsers, command, context, client, respond, services }) {
    if (mentionedUsers.length === 0) {
      throw new AppError("invalid_input", { key: "command.say_who_to_promote" });
    }
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(makeOrganiser.usage),
    );
    const outcomes = await services.roles.makeOrganisers(community, command.user_id, mentionedUsers);
    await respond(ephemeral(lines(outcomes.map((o) => promotionLine(community, o)))));
    const promoted = outcomes.filter((o) => o.outcome === "promoted").map((o) => o.userId);
    await tellPromoted(client, services, community, command.user_id, promoted);
  },
};
