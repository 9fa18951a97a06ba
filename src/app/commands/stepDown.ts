import { AppError } from "../../domain/common/errors";
import { announceSteppedDown, people } from "../../messaging/roleMessages";
import { esc, md } from "../../views/mrkdwn";
import { ephemeral } from "../support/replies";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const stepDown: Subcommand = {
  name: "step-down",
  topic: "people",
  aliases: ["stepdown"],
  usage: "/community step-down [name]",
  summary: "Organisers: stop being an organiser and stay a member. The last organiser cannot step down until someone else organises.",
  async handle({ args, mentionedUsers, command, context, client, respond, services }) {
    if (mentionedUsers.length > 0) {
      // Nobody steps down on someone else's behalf; mentioning a person is a mistake, not a wish to step down.
      throw new AppError("invalid_input", { key: "command.step_down_takes_no_mention" });
    }
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(stepDown.usage),
    );
    const { organisers } = await services.roles.stepDown(community, command.user_id);
    await respond(
      ephemeral(
        md`You are no longer an organiser of *${esc(community.name)}*. You are still a member. Its organisers now: ${people(organisers)}.`,
      ),
    );
    await announceSteppedDown(client, services, community, command.user_id, organisers);
  },
};
