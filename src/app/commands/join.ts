import { openJoinModal } from "../support/joinModal";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const join: Subcommand = {
  name: "join",
  topic: "start",
  usage: "/community join [name]",
  summary: "Join a community and say which organisation and profession you are from.",
  async handle({ args, command, context, client, services }) {
    const workspace = workspaceOf(context);
    // Named, or the community whose channel this is; otherwise the modal asks which.
    const community = args
      ? await services.communities.resolve(workspace, communityQuery(args), undefined, namingCommunity(join.usage))
      : await services.communities.inChannel(workspace, command.channel_id);
    await openJoinModal({
      client,
      services,
      triggerId: command.trigger_id,
      userId: command.user_id,
      community,
      channelId: command.channel_id,
    });
  },
};
