import { channelLink, esc, md } from "../../views/mrkdwn";
import { workspaceOf } from "../support/workspace";
import { communityQuery } from "./commandText";
import { namingCommunity, type Subcommand } from "./subcommand";

export const leave: Subcommand = {
  name: "leave",
  topic: "start",
  usage: "/community leave [name]",
  summary: "Leave a community. Its last organiser cannot leave until someone else organises it.",
  async reply({ args, command, context, services }) {
    const community = await services.communities.resolve(
      workspaceOf(context),
      communityQuery(args),
      command.channel_id,
      namingCommunity(leave.usage),
      {
        soleMembershipOf: command.user_id,
      },
    );
    await services.memberships.leave(community, command.user_id);
    const channel = community.slackChannelId
      ? md` You are still in ${channelLink(community.slackChannelId)}. Type \`/leave\` there if you want to leave the channel too.`
      : md``;
    return { text: md`You have left *${esc(community.name)}*.${channel}` };
  },
};
