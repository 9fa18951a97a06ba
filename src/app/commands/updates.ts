// /community updates [name] [organisation]: the delivery timeline. In a community's
// channel (or one of its groups') the words are an organisation; elsewhere the community's name comes first
// and whatever follows it is the organisation ("Starting a business HMRC").
import { AppError } from "../../domain/common/errors";
import type { CommunityRecord, WorkspaceKey } from "../../domain/ports";
import type { Services } from "../../services";
import { updatesMessage } from "../../views/updates";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

/** The community and the words left for the organisation: the channel's community, or the longest name the words start with. */
async function split(
  services: Services,
  workspace: WorkspaceKey,
  args: string,
  channelId: string,
  userId: string,
): Promise<{ community: CommunityRecord; rest: string }> {
  // A group's channel is its community's too: the group's round's post points there.
  const inChannel = await services.groups.communityOfChannel(workspace, channelId);
  if (inChannel) return { community: inChannel, rest: args };
  const words = args.split(/\s+/).filter(Boolean);
  let first: unknown;
  for (let take = words.length; take > 0; take--) {
    try {
      const community = await services.communities.resolve(workspace, communityQuery(words.slice(0, take).join(" ")), channelId, "", {});
      return { community, rest: words.slice(take).join(" ") };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "not_found") throw error;
      // What the whole of the words gave is the likeliest mistake to tell them about.
      first ??= error;
    }
  }
  if (first) throw first;
  // No words: the person's one community, or "which one?".
  const community = await services.communities.resolve(workspace, { name: "" }, channelId, namingCommunity(updates.usage), {
    soleMembershipOf: userId,
  });
  return { community, rest: "" };
}

export const updates: Subcommand = {
  name: "updates",
  topic: "meetings",
  aliases: ["update", "timeline"],
  usage: "/community updates [name] [organisation]",
  summary:
    "What each organisation has told the live-projects round over time, most recently changed first, with where each thing stood at each round. Add an organisation's name to see only its updates.",
  async reply({ args, command, context, services }) {
    const workspace = workspaceOf(context);
    const { community, rest } = await split(services, workspace, args, command.channel_id, command.user_id);
    const organisation = rest ? await services.timeline.organisation(community, rest) : null;
    return updatesMessage(await services.timeline.page(community, organisation, 0));
  },
};
