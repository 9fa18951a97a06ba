// Archiving, unarchiving and deleting a community, as organisers and members
// see it: the buttons' confirmations, the notices in the channel, the delete
// form and what it says was removed.
import type { View } from "@slack/types";
import { plural as pluralWords } from "../domain/common/text";
import type { Deletion } from "../domain/communities/lifecycle";
import type { CommunityRecord, RemovedCounts } from "../domain/ports";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  channelLink,
  context,
  esc,
  type Mrkdwn,
  md,
  mrkdwn,
  plain,
  plural,
  section,
  textInput,
  userLink,
} from "./blocks";
import { ACTION, CALLBACK, DELETE_BLOCK } from "./ids";
import { serviceIsName } from "./serviceName";

/** Slack's own confirmation dialog on the Archive button: one stray click must not archive a community. */
export function archiveConfirmation(community: CommunityRecord) {
  return {
    title: plain("Archive this community?", 100),
    text: mrkdwn(
      md`*${esc(community.name)}* will leave \`/community list\`, and its digests and meeting reminders will stop. Its records are kept, and an organiser can unarchive it.`,
    ),
    confirm: plain("Archive"),
    deny: plain("Keep it"),
    style: "danger",
  };
}

/** The organisers' buttons under a charter. */
export function organiserCharterButtons(community: CommunityRecord): object[] {
  return [
    button("Edit charter", ACTION.editCharter, community.id, "primary"),
    button("Charter history", ACTION.charterHistory, community.id),
    { ...button("Archive", ACTION.archiveCommunity, community.id), confirm: archiveConfirmation(community) },
    button("Delete", ACTION.deleteCommunity, community.id, "danger"),
  ];
}

/** Told once, in the channel, when an organiser archives the community. */
export function archivedNotice(community: CommunityRecord, actorId: string): BlockMessage {
  const text = md`${userLink(actorId)} archived *${esc(community.name)}*. It no longer appears in \`/community list\`, and its digests and meeting reminders have stopped. Its records are kept: an organiser can bring it back with \`/community unarchive ${esc(community.name)}\`.`;
  return { text, blocks: [section(text)] };
}

export function unarchivedNotice(community: CommunityRecord, actorId: string): BlockMessage {
  const text = md`${userLink(actorId)} unarchived *${esc(community.name)}*. It is back in \`/community list\`, and its digests and meeting reminders start again.`;
  return { text, blocks: [section(text)] };
}

/** The organiser's own answer after archiving, with the way back one click away. */
export function archivedReply(community: CommunityRecord): BlockMessage {
  const text = md`You archived *${esc(community.name)}* and told its members in ${channelLink(community.slackChannelId)}. Its records are kept.`;
  return { text, blocks: [section(text), actions(undefined, button("Unarchive", ACTION.unarchiveCommunity, community.id))] };
}

export function unarchivedReply(community: CommunityRecord): BlockMessage {
  const text = md`You unarchived *${esc(community.name)}*. It is back in \`/community list\`, and members in ${channelLink(community.slackChannelId)} have been told.`;
  return { text, blocks: [section(text)] };
}

/** `/community unarchive` with no name: the archived communities this organiser can bring back. */
export function archivedListMessage(communities: CommunityRecord[]): BlockMessage {
  const blocks: AnyBlock[] = [section(md`*Archived communities you organise*`)];
  for (const community of communities.slice(0, 40)) {
    blocks.push(
      section(
        serviceIsName(community) ? md`*${esc(community.name)}*` : md`*${esc(community.name)}*\n${esc(community.service)}`,
        button("Unarchive", ACTION.unarchiveCommunity, community.id),
      ),
    );
  }
  if (communities.length > 40)
    blocks.push(context(md`Showing 40 of ${communities.length}. Type \`/community unarchive name\` for another.`));
  return { text: md`Archived communities you organise: ${communities.length}`, blocks };
}

export function deleteCommunityModal(community: CommunityRecord, privateMetadata: string): View {
  return {
    type: "modal",
    callback_id: CALLBACK.deleteCommunity,
    title: plain("Delete community", 24),
    submit: plain("Delete community"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks: [
      section(
        md`Deleting *${esc(community.name)}* removes its members, problems, objectives, meetings, groups and invitations from this app. You cannot undo it. The Slack channel ${channelLink(community.slackChannelId)} stays.`,
      ),
      section(md`If the community might start again, archive it instead: that keeps its records.`),
      textInput(DELETE_BLOCK.confirm, ACTION.input, "Type the community's name to confirm", { placeholder: community.name, max: 200 }),
    ],
  } as View;
}

/** "12 members, 8 problems, 3 meetings, 1 group and 2 invitations" (what there was, never "0 groups"). */
export function removedText(removed: RemovedCounts): string {
  const counts: Array<[number, string]> = [
    [removed.members, "member"],
    [removed.problems, "problem"],
    [removed.meetings, "meeting"],
    [removed.groups, "group"],
    [removed.invitations, "invitation"],
  ];
  const parts = counts.filter(([count]) => count > 0).map(([count, noun]) => pluralWords(count, noun));
  if (!parts.length) return "records";
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
}

/** What the delete form turns into once it has deleted. */
export function deletedView({ community, removed }: Deletion): View {
  const waiting = removed.pendingMessages ? md` ${plural(removed.pendingMessages, "message")} waiting to be sent will not go.` : md``;
  return {
    type: "modal",
    title: plain("Community deleted", 24),
    close: plain("Done"),
    blocks: [
      section(md`*${esc(community.name)}* has been deleted, with its ${esc(removedText(removed))}.${waiting}`),
      section(
        md`The Slack channel ${channelLink(community.slackChannelId)} is still there. Archive or rename it in Slack if nobody needs it now.`,
      ),
    ],
  } as View;
}

/** The channel's last message from the app about this community. */
export function deletedNotice({ community }: Deletion, actorId: string): BlockMessage {
  const text: Mrkdwn = md`${userLink(actorId)} deleted the community *${esc(community.name)}*. Its records have been removed from this app. This channel stays for as long as you want it.`;
  return { text, blocks: [section(text)] };
}
