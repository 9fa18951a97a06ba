import type { ProblemPage } from "../domain/problems/problems";
import { type AnyBlock, actions, type BlockMessage, button, context, esc, md, section } from "./blocks";
import { ACTION, BLOCK } from "./ids";
import { voteCount } from "./problemCard";

const FILTER_LABEL = { open: "open", objectives: "objectives", solved: "solved", all: "all" } as const;
const STATUS_NOTE: Record<string, string> = {
  objective: "  ·  :dart: objective",
  solved: "  ·  :white_check_mark: solved",
  duplicate: "  ·  duplicate",
};

/** What the pager buttons carry, so the next page shows the same community and filter. */
export function pagerValue(page: ProblemPage, to: number): string {
  return JSON.stringify({ c: page.community.id, f: page.filter, p: to });
}

/** One page of problems (at most 10, so far below 50 blocks), each with its vote button. */
export function problemListMessage(page: ProblemPage): BlockMessage {
  const name = esc(page.community.name);
  const filter = esc(FILTER_LABEL[page.filter]);
  const title = md`Problems in ${name} (${filter}): ${page.total}`;
  if (page.total === 0) {
    return {
      text: title,
      blocks: [
        section(
          page.filter === "all"
            ? md`*${name}* has no problems logged yet. Log the first with \`/community problem\`.`
            : md`*${name}* has no ${filter} problems. \`/community problems ${name} all\` shows every one.`,
        ),
      ],
    };
  }
  const blocks: AnyBlock[] = [section(md`*Problems in ${name}* (${filter}): ${page.total}, most votes first`)];
  const closed = new Set(["solved", "duplicate"]);
  page.items.forEach((p, i) => {
    const rank = page.page * 10 + i + 1;
    const votes = md`${voteCount(p.votes, p.organisations)}${p.viewerVoted ? md` (including yours)` : md``}`;
    const line = md`*${rank}. ${esc(p.title)}*\n${votes}${esc(STATUS_NOTE[p.status] ?? "")}`;
    const accessory = closed.has(p.status)
      ? undefined
      : button(p.viewerVoted ? "Take my vote back" : "This affects us too", ACTION.voteProblem, p.id);
    blocks.push(section(line, accessory));
  });
  if (page.pageCount > 1) {
    const pager: object[] = [];
    if (page.page > 0) pager.push(button("Previous", ACTION.problemsPrevious, pagerValue(page, page.page - 1)));
    if (page.page < page.pageCount - 1) pager.push(button("Next", ACTION.problemsNext, pagerValue(page, page.page + 1)));
    blocks.push(context(md`Page ${page.page + 1} of ${page.pageCount}`));
    blocks.push(actions(BLOCK.problemsPager, ...pager));
  }
  return { text: title, blocks };
}
