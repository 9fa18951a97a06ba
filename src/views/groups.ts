// Sub-groups in messages: the /community groups list, the announcement of a
// new group, and the note in a group's own channel. Pure: no client, no database.
import type { GroupsOverview } from "../domain/groups";
import type { CommunityRecord, GroupRecord } from "../domain/ports";
import { button, context, esc, LIMITS, listWithMore, plural, section, userLink, type AnyBlock } from "./blocks";
import { ACTION } from "./ids";

/** Groups listed in one message; one block each keeps it well inside 50 blocks. */
export const GROUPS_SHOWN = 40;

/** "<group>" in a usage line, escaped: mrkdwn reads a bare "<…>" as a link. */
const ANY_GROUP = esc("<group>");

function joinCommand(group: GroupRecord, community: CommunityRecord): string {
  return `\`/community group join ${esc(group.name)} ${esc(community.name)}\``;
}

function groupSection(overview: GroupsOverview, group: GroupRecord, memberIds: string[]): AnyBlock {
  const { viewerId, viewerIsMember } = overview;
  const inGroup = memberIds.includes(viewerId);
  const where = group.slackChannelId ? `<#${group.slackChannelId}>` : "no channel of its own";
  const head = [
    `*${esc(group.name)}*  ·  ${plural(memberIds.length, "member")}  ·  ${where}`,
    `_${esc(group.focus)}_`,
    ...(inGroup ? [":white_check_mark: You are in this group"] : []),
  ].join("\n");
  const lead = `${head}\nMembers: `;
  // "<@U1>, <@U2> and 40 more": as many as fit in the section, then a count.
  const members = memberIds.length
    ? listWithMore(memberIds.map(userLink), { maxChars: LIMITS.sectionText - lead.length, lastJoiner: ", ", noun: { one: "member" } })
    : "none yet";
  // Community members who are not in the group get a Join button; others are told how in the footer.
  const accessory = viewerIsMember && !inGroup ? button("Join", ACTION.joinGroup, group.id) : undefined;
  return section(`${lead}${members}`, accessory);
}

/** `/community groups`: each group's name, focus, channel and members, and how to join. */
export function groupsListMessage(overview: GroupsOverview): { text: string; blocks: AnyBlock[] } {
  const { community, groups, viewerIsMember, viewerIsOrganiser } = overview;
  const name = esc(community.name);
  const createHint = `\`/community group create ${name}\``;
  if (groups.length === 0) {
    const about = "Groups let members focus on one area, for example user research, meet more often and feed back to the whole community.";
    const next = viewerIsOrganiser ? `Start one with ${createHint}.` : "Its organisers can start one.";
    return { text: `${community.name} has no groups yet.`, blocks: [section(`*${name}* has no groups yet. ${about} ${next}`)] };
  }
  const blocks: AnyBlock[] = [section(`*Groups in ${name}* (${groups.length})`)];
  for (const { group, memberIds } of groups.slice(0, GROUPS_SHOWN)) blocks.push(groupSection(overview, group, memberIds));
  if (groups.length > GROUPS_SHOWN) {
    blocks.push(context(`…and ${groups.length - GROUPS_SHOWN} more groups. Join any of them by name with \`/community group join ${ANY_GROUP} ${name}\`.`));
  }
  const how = viewerIsMember
    ? `Join with the button or \`/community group join ${ANY_GROUP} ${name}\`; leave with \`/community group leave ${ANY_GROUP} ${name}\`.`
    : `Groups are for members of the community: type \`/community join ${name}\` first, then join a group.`;
  blocks.push(context(viewerIsOrganiser ? `${how} Start another group with ${createHint}.` : how));
  return { text: `Groups in ${community.name} (${groups.length})`, blocks };
}

/** Posted in the community's channel when an organiser creates a group. */
export function groupCreatedMessage(community: CommunityRecord, group: GroupRecord): { text: string; blocks: AnyBlock[] } {
  const where = group.slackChannelId ? ` It talks in <#${group.slackChannelId}>.` : "";
  const text =
    `:seedling: ${userLink(group.createdBy)} started a group in *${esc(community.name)}*: *${esc(group.name)}*, focused on _${esc(group.focus)}_.${where} ` +
    `Members of the community can join with the button or ${joinCommand(group, community)}.`;
  return { text, blocks: [section(text, button("Join", ACTION.joinGroup, group.id))] };
}

/** The first message in a group's own channel. */
export function groupChannelIntro(community: CommunityRecord, group: GroupRecord): string {
  return (
    `:wave: This is the channel of *${esc(group.name)}*, a group of *${esc(community.name)}* focused on _${esc(group.focus)}_. ` +
    `Members of the community join the group with ${joinCommand(group, community)}; \`/community groups ${esc(community.name)}\` shows who is in it.`
  );
}

/** The creator's confirmation, by DM. */
export function groupReadyText(community: CommunityRecord, group: GroupRecord): string {
  const where = group.slackChannelId ? ` It talks in <#${group.slackChannelId}>.` : "";
  return `:tada: The group *${esc(group.name)}* of *${esc(community.name)}* is ready, and you are its first member.${where} Members join it with ${joinCommand(group, community)}.`;
}
