import { findingsListMessage } from "../../views/findings";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

/** "Starting a business 3" is the community and stage 3; "3" alone is stage 3 of the channel's community. */
function splitStage(args: string): { name: string; stage: number | null } {
  const match = /^(.*?)\s*\b(\d{1,3})$/.exec(args.trim());
  return match ? { name: match[1], stage: Number(match[2]) } : { name: args.trim(), stage: null };
}

export const findings: Subcommand = {
  name: "findings",
  topic: "problems",
  aliases: ["finding", "research"],
  usage: "/community findings [name] [stage]",
  summary:
    "See the findings and outputs members shared (research, experience maps, reports), newest first, for one stage of the journey if you give its number. Share one from there.",
  async reply({ args, command, context, services }) {
    const { name, stage } = splitStage(args);
    const workspace = workspaceOf(context);
    const community = await services.communities.resolve(
      workspace,
      communityQuery(name),
      command.channel_id,
      namingCommunity(findings.usage),
      {
        soleMembershipOf: command.user_id,
      },
    );
    return findingsListMessage(await services.findings.page(workspace, community.id, 0, stage));
  },
};
