import { problemModal } from "../../views/problemModal";
import { logProblemMetadata } from "../submissions/logProblem";
import { workspaceOf } from "../support/workspace";
import type { Subcommand } from "./subcommand";

export const problem: Subcommand = {
  name: "problem",
  topic: "problems",
  aliases: ["log"],
  usage: "/community problem [title]",
  summary: "Log a problem the community shares, so others can say it affects them too.",
  async handle({ args, command, context, client, services }) {
    // In a community's channel (or for someone in only one community) the problem is for that community; otherwise the modal asks.
    const community = await services.communities.implied(workspaceOf(context), command.channel_id, command.user_id);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: problemModal({
        community: community ? { id: community.id, name: community.name } : undefined,
        stages: community ? await services.journey.stages(community.id) : [],
        title: args || undefined,
        privateMetadata: logProblemMetadata.write({ communityId: community?.id }),
      }),
    });
  },
};
