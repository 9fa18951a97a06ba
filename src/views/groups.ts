// Sub-groups in messages: the /community groups list, the announcement of a
// new group, and the note in a group's own channel. Pure: no client, no database.
import type { GroupsOverview } from "../domain/groups/groups";
import type { CommunityRecord, GroupRecord } from "../domain/ports";
import {
  type AnyBlock,
  type BlockMessage,
  button,
  channelLink,
  concat,
  context,
  esc,
  LIMITS,
  lines,
  listWithMore,
  type Mrkdwn,
  md,
  plural,
  section,
  userLink,
} from "./blocks";
import { ACTION } from "./ids";

/** Groups listed in one message; one block each keeps it well inside 50 blocks. */
export const GROUPS_SHOWN = 40;

/** "<group>" in a usage line, escaped: mrkdwn reads a bare "<…>" as a link. */
const ANY_GROUP = esc("<group>");

function joinCommand(group: GroupRecord, community: CommunityRecord): Mrkdwn {
  return md`\`/community group join ${esc(group.name)} ${esc(community.name)}\``;
}

function groupSection(overview: GroupsOverview, group: GroupRecord, memberIds: string[]): AnyBlock {
  const { viewerId, viewerIsMember } = overview;
  const inGroup = memberIds.includes(viewerId);
  const where = group.slackChannelId ? channelLink(group.slackChannelId) : md`no channel of its own`;
  const head = lines([
    md`*${esc(group.name)}*  ·  ${plural(memberIds.length, "member")}  ·  ${where}`,
    md`_${esc(group.focus)}_`,
    ...(inGroup ? [md`:white_check_mark: You are in this group`] : []),
  ]);
  const lead = md`${head}\nMembers: `;
  // "<@U1>, <@U2> and 40 more": as many as fit in the section, then a count.
  const members = memberIds.length
    ? listWithMore(memberIds.map(userLink), { maxChars: LIMITS.sectionText - lead.length, lastJoiner: ", ", noun: { one: "member" } })
    : md`none yet`;
  // Community members who are not in the group get a Join button; others are told how in the footer.
  const accessory = viewerIsMember && !inGroup ? button("Join", ACTION.joinGroup, group.id) : undefined;
  return section(concat(lead, members), accessory);
}

/** `/community groups`: each group's name, focus, channel and members, and how to join. */
export function groupsListMessage(overview: GroupsOverview): BlockMessage {
  const { community, groups, viewerIsMember, viewerIsOrganiser } = overview;
  const name = esc(community.name);
  const createHint = md`\`/community group create ${name}\``;
  if (groups.length === 0) {
    const about = md`Groups let members focus on one area, for example user research, meet more often and feed back to the whole community.`;
    const next = viewerIsOrganiser ? md`Start one with ${createHint}.` : md`Its organisers can start one.`;
    return { text: md`${name} has no groups yet.`, blocks: [section(md`*${name}* has no groups yet. ${about} ${next}`)] };
  }
  const blocks: AnyBlock[] = [section(md`*Groups in ${name}* (${groups.length})`)];
  for (const { group, memberIds } of groups.slice(0, GROUPS_SHOWN)) blocks.push(groupSection(overview, group, memberIds));
  if (groups.length > GROUPS_SHOWN) {
    blocks.push(
      context(
        md`…and ${groups.length - GROUPS_SHOWN} more groups. Join any of them by name with \`/community group join ${ANY_GROUP} ${name}\`.`,
      ),
    );
  }
  const how = viewerIsMember
    ? md`Join with the button or \`/community group join ${ANY_GROUP} ${name}\`. Leave with \`/community group leave ${ANY_GROUP} ${name}\`.`
    : md`Groups are for members of the community: type \`/community join ${name}\` first, then join a group.`;
  blocks.push(context(viewerIsOrganiser ? md`${how} Start another group with ${createHint}.` : how));
  return { text: md`Groups in ${name} (${groups.length})`, blocks };
}

/** Posted in the community's channel when an organiser creates a group. */
export function groupCreatedMessage(community: CommunityRecord, group: GroupRecord): BlockMessage {
  const where = group.slackChannelId ? md` It talks in ${channelLink(group.slackChannelId)}.` : md``;
  const text = concat(
    md`:seedling: ${userLink(group.createdBy)} started a group in *${esc(community.name)}*: *${esc(group.name)}*, focused on _${esc(group.focus)}_.${where} `,
    md`Members of the community can join with the button or ${joinCommand(group, community)}.`,
  );
  return { text, blocks: [section(text, button("Join", ACTION.joinGroup, group.id))] };
}

/** The first message in a group's own channel. */
export function groupChannelIntro(community: CommunityRecord, group: GroupRecord): Mrkdwn {
  return concat(
    md`:wave: This is the channel of *${esc(group.name)}*, a group of *${esc(community.name)}* focused on _${esc(group.focus)}_. `,
    md`Members of the community join the group with ${joinCommand(group, community)}; \`/community groups ${esc(community.name)}\` shows who is in it.`,
  );
}

/** The creator's confirmation, by DM. */
export function groupReadyText(community: CommunityRecord, group: GroupRecord): Mrkdwn {
  const where = group.slackChannelId ? md` It talks in ${channelLink(group.slackChannelId)}.` : md``;
  return md`:tada: The group *${esc(group.name)}* of *${esc(community.name)}* is ready, and you are its first member.${where} Members join it with ${joinCommand(group, community)}.`;
}

/** "User research group", without doubling the word when the group's name already ends in it. */
export function groupTitle(name: string): string {
  return /\bgroup$/i.test(name.trim()) ? name.trim() : `${name.trim()} group`;
}
