// Joining and leaving a group, shared by /community group join|leave and the
// Join button: the domain decides, then the person is invited to the group's
// channel, and the answer says what happened.
import type { WebClient } from "@slack/web-api";
import type { GroupInCommunity } from "../../domain/groups/groups";
import { stepsAfterAck } from "../../messaging/afterAck";
import type { Services } from "../../services";
import { channelLink, esc, type Mrkdwn, md } from "../../views/mrkdwn";

/** Joins, invites to the group's channel, and returns the sentence for the person. */
export async function joinGroup(
  client: WebClient,
  services: Services,
  { community, group }: GroupInCommunity,
  userId: string,
): Promise<Mrkdwn> {
  const outcome = await services.groups.join(community, group, userId);
  const name = md`*${esc(group.name)}*`;
  const channel = group.slackChannelId;
  if (!channel) {
    const talk = community.slackChannelId
      ? md` It has no channel of its own, so it talks in ${channelLink(community.slackChannelId)}.`
      : md``;
    return outcome === "joined" ? md`You joined ${name} in *${esc(community.name)}*.${talk}` : md`You are already in ${name}.${talk}`;
  }
  const step = stepsAfterAck(services.logger.child({ groupId: group.id, channel }));
  const invited = await step("invite a group member to its channel", () => client.conversations.invite({ channel, users: userId }), [
    "already_in_channel",
  ]);
  const where = invited
    ? md` You are in its channel, ${channelLink(channel)}.`
    : md` Join its channel, ${channelLink(channel)}, to talk with the group.`;
  return outcome === "joined" ? md`You joined ${name} in *${esc(community.name)}*.${where}` : md`You are already in ${name}.${where}`;
}

/** Leaves and returns the sentence for the person; their channel membership is theirs to change. */
export async function leaveGroup(services: Services, { community, group }: GroupInCommunity, userId: string): Promise<Mrkdwn> {
  const outcome = await services.groups.leave(community, group, userId);
  const name = md`*${esc(group.name)}*`;
  if (outcome === "not_in") {
    return md`You are not in ${name}, so there is nothing to leave. \`/community groups ${esc(community.name)}\` shows who is in each group.`;
  }
  const channel = group.slackChannelId
    ? md` You are still in ${channelLink(group.slackChannelId)}. Type \`/leave\` there if you want to leave the channel too.`
    : md``;
  return md`You have left ${name}.${channel}`;
}
