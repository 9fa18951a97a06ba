import { digestMessage } from "../../views/digest";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const digest: Subcommand = {
  name: "digest",
  topic: "settings",
  usage: "/community digest [name]",
  summary: "See a community's digest as it would be now, and choose to get it by DM.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(digest.usage),
    );
    const [built, viewerGetsDm] = await Promise.all([
      services.digests.build(community, services.digests.sinceNow(community)),
      services.digests.wantsDm(community, command.user_id),
    ]);
    return digestMessage(built, { preview: true, viewerGetsDm });
  },
};
