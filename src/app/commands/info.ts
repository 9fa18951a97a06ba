import type { CommunityRecord } from "../../domain/ports";
import type { Services } from "../../services";
import type { Message } from "../../views/blocks";
import { charterMessage } from "../../views/charter";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const info: Subcommand = {
  name: "info",
  topic: "start",
  aliases: ["charter", "about"],
  usage: "/community info [name]",
  summary: "Read a community's charter: its service, problems and ways of working. In its channel, leave out the name.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(info.usage),
      {
        soleMembershipOf: command.user_id,
      },
    );
    return charterFor(services, community, command.user_id);
  },
};

/** The charter as `userId` sees it: with Join if they are not a member, and the organisers' buttons if they organise it. */
export async function charterFor(services: Services, community: CommunityRecord, userId: string): Promise<Message> {
  const [charter, membership] = await Promise.all([
    services.communities.charter(community.id),
    services.memberships.membership(community.id, userId),
  ]);
  const isMember = membership?.status === "active";
  return charterMessage(charter, { isMember, isOrganiser: isMember && membership?.role === "organiser" });
}
