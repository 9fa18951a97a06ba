import type { CommunitySummary } from "../domain/ports";
import { actions, button, channelLink, context, esc, md, plural, section, type AnyBlock, type BlockMessage } from "./blocks";
import { ACTION, BLOCK } from "./ids";

export interface CommunityListPage {
  items: CommunitySummary[];
  total: number;
  page: number;
  pageCount: number;
}

/** One page (at most 10 communities) so the message stays far below 50 blocks. */
export function communityListMessage(list: CommunityListPage): BlockMessage {
  if (list.total === 0) {
    return {
      text: md`There are no communities in this workspace yet.`,
      blocks: [
        section(md`There are no service communities in this workspace yet. Be the first to start one.`),
        actions(undefined, button("Create a community", ACTION.openCreateModal, "list", "primary")),
      ],
    };
  }
  const blocks: AnyBlock[] = [
    section(md`*Service communities in this workspace* (${list.total})`),
  ];
  for (const c of list.items) {
    const line = md`*${esc(c.name)}*  ·  ${plural(c.memberCount, "member")}  ·  ${channelLink(c.slackChannelId)}\n_${esc(c.service)}_`;
    // Members see a note instead of a Join button.
    blocks.push(section(line, c.viewerIsMember ? undefined : button("Join", ACTION.joinCommunity, c.id)));
    if (c.viewerIsMember) blocks.push(context(md`:white_check_mark: You are a member`));
  }
  if (list.pageCount > 1) {
    const pager: object[] = [];
    if (list.page > 0) pager.push(button("Previous", ACTION.listPrevious, String(list.page - 1)));
    if (list.page < list.pageCount - 1) pager.push(button("Next", ACTION.listNext, String(list.page + 1)));
    blocks.push(context(md`Page ${list.page + 1} of ${list.pageCount}`));
    blocks.push(actions(BLOCK.listPager, ...pager));
  }
  return { text: md`Service communities in this workspace (${list.total})`, blocks };
}
