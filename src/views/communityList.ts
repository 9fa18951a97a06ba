import type { CommunitySummary } from "../domain/ports";
import { type AnyBlock, actions, type BlockMessage, button, channelLink, context, deepFreeze, esc, md, plural, section } from "./blocks";
import { ACTION, BLOCK } from "./ids";
import { serviceIsName } from "./serviceName";

export interface CommunityListPage {
  items: CommunitySummary[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * A community's line (and the note for members) is the same for everyone who
 * sees it until something on it changes, and /community list is the busiest
 * command: rows are kept by community, for members and for others, with what
 * they show, and a row is made again when any of that differs (a new name,
 * count or channel is a new row, never a stale one). Bounded: cleared when full.
 */
interface Row {
  shows: Pick<CommunitySummary, "name" | "service" | "slackChannelId" | "memberCount">;
  blocks: readonly AnyBlock[];
}
const rows = { member: new Map<string, Row>(), other: new Map<string, Row>() };
const ROWS_KEPT = 5000;

function communityRow(c: CommunitySummary): readonly AnyBlock[] {
  const kept = c.viewerIsMember ? rows.member : rows.other;
  const row = kept.get(c.id);
  if (
    row &&
    row.shows.name === c.name &&
    row.shows.service === c.service &&
    row.shows.slackChannelId === c.slackChannelId &&
    row.shows.memberCount === c.memberCount
  ) {
    return row.blocks;
  }
  const service = serviceIsName(c) ? md`` : md`\n_${esc(c.service)}_`;
  const line = md`*${esc(c.name)}*  ·  ${plural(c.memberCount, "member")}  ·  ${channelLink(c.slackChannelId)}${service}`;
  // Members see a note instead of a Join button.
  const blocks = deepFreeze(
    c.viewerIsMember
      ? [section(line), context(md`:white_check_mark: You are a member`)]
      : [section(line, button("Join", ACTION.joinCommunity, c.id))],
  );
  if (kept.size >= ROWS_KEPT) kept.clear();
  kept.set(c.id, { shows: { name: c.name, service: c.service, slackChannelId: c.slackChannelId, memberCount: c.memberCount }, blocks });
  return blocks;
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
  const blocks: AnyBlock[] = [section(md`*Service communities in this workspace* (${list.total})`)];
  for (const c of list.items) for (const block of communityRow(c)) blocks.push(block);
  if (list.pageCount > 1) {
    const pager: object[] = [];
    if (list.page > 0) pager.push(button("Previous", ACTION.listPrevious, String(list.page - 1)));
    if (list.page < list.pageCount - 1) pager.push(button("Next", ACTION.listNext, String(list.page + 1)));
    blocks.push(context(md`Page ${list.page + 1} of ${list.pageCount}`));
    blocks.push(actions(BLOCK.listPager, ...pager));
  }
  return { text: md`Service communities in this workspace (${list.total})`, blocks };
}
