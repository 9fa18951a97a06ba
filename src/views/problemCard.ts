import type { ProblemCard } from "../domain/problems/problems";
import { dates } from "../i18n";
import { findOrganisation } from "../reference/organisations";
import {
  type AnyBlock,
  actions,
  type BlockMessage,
  button,
  context,
  esc,
  joinMd,
  lines,
  link,
  type Message,
  type Mrkdwn,
  md,
  option,
  plural,
  section,
  truncate,
  userLink,
} from "./blocks";
import { ACTION, BLOCK } from "./ids";

const PROGRESS_LABEL: Record<string, string> = { open: "not started", in_progress: "in progress", done: "done" };

const STATUS_LABEL: Record<string, string> = {
  open: "Open",
  objective: ":dart: Objective",
  solved: ":white_check_mark: Solved",
  duplicate: "Closed as a duplicate",
};

function organisationName(id: string): string {
  const o = findOrganisation(id);
  return o ? (o.abbreviation ?? o.name) : id;
}

export type MenuChoice = "objective" | "solved" | "open" | "details" | "duplicate" | "objective_details";

const MENU: Record<string, Array<{ to: MenuChoice; label: string }>> = {
  open: [
    { to: "objective", label: "Promote to objective (organisers)" },
    { to: "solved", label: "Mark solved (organisers)" },
    { to: "duplicate", label: "Close as a duplicate (organisers)" },
  ],
  objective: [
    { to: "objective_details", label: "Set owner, date, progress (organisers)" },
    { to: "solved", label: "Mark solved (organisers)" },
    { to: "open", label: "Back to open, not an objective (organisers)" },
    { to: "duplicate", label: "Close as a duplicate (organisers)" },
  ],
  solved: [{ to: "open", label: "Reopen (organisers)" }],
  duplicate: [{ to: "open", label: "Reopen (organisers)" }],
};

/** The card's menu: details for everyone, decisions for organisers (the app checks who uses them). */
function statusMenu(problemId: string, status: string): object {
  return {
    type: "overflow",
    action_id: ACTION.problemStatus,
    options: [
      option("Details and history", JSON.stringify({ p: problemId, to: "details" })),
      ...(MENU[status] ?? []).map((c) => option(c.label, JSON.stringify({ p: problemId, to: c.to }))),
    ],
  };
}

/** The channel message that announces a problem; it is updated in place as votes come in. */
export function problemCardMessage(card: ProblemCard): BlockMessage {
  const { problem, tally } = card;
  const closed = problem.status === "solved" || problem.status === "duplicate";
  const blocks: AnyBlock[] = [];
  const parts = [md`:jigsaw: Problem: *${esc(problem.title)}*`];
  if (problem.description) parts.push(esc(truncate(problem.description, 1500)));
  const details: Mrkdwn[] = [];
  if (problem.affects.length)
    details.push(
      md`*Affects:* ${joinMd(
        problem.affects.map((id) => esc(organisationName(id))),
        md`, `,
      )}`,
    );
  if (problem.stage) details.push(md`*Where it bites:* ${esc(problem.stage)}`);
  if (problem.link) details.push(link(problem.link, md`More about it`));
  if (problem.messagePermalink) details.push(link(problem.messagePermalink, md`The message it came from`));
  if (details.length) parts.push(lines(details));
  blocks.push(section(joinMd(parts, md`\n\n`), statusMenu(problem.id, problem.status)));
  if (problem.objective) {
    const o = problem.objective;
    const about = [
      o.ownerId ? md`owner ${userLink(o.ownerId)}` : md`no owner yet`,
      o.targetDate ? md`by ${esc(dates.calendarDate(o.targetDate))}` : null,
      esc(PROGRESS_LABEL[o.status] ?? o.status),
    ];
    blocks.push(
      context(
        md`:dart: *Objective:* ${joinMd(
          about.filter((a): a is Mrkdwn => a !== null),
          md`  ·  `,
        )}`,
      ),
    );
  }
  if (problem.duplicateOf) blocks.push(context(md`Closed as a duplicate of *${esc(problem.duplicateOf.title)}*`));
  const votes = voteCount(tally.votes, tally.organisations, true);
  blocks.push(
    context(
      md`${esc(STATUS_LABEL[problem.status] ?? problem.status)}  ·  ${votes}  ·  Logged by ${userLink(problem.createdBy)} in ${esc(card.community.name)}`,
    ),
  );
  if (!closed) {
    blocks.push(actions(BLOCK.problemActions, button("This affects us too", ACTION.voteProblem, problem.id)));
  }
  return { text: md`Problem: ${esc(problem.title)} (${plural(tally.votes, "vote")})`, blocks };
}

/**
 * "3 votes from 2 organisations", or "No votes yet". Votes given before every
 * voter was asked their organisation may have none: they are counted, but a
 * count of "0 organisations" is never shown.
 */
export function voteCount(votes: number, organisations: number, bold = false): Mrkdwn {
  if (votes === 0) return md`No votes yet`;
  const count = bold ? md`*${plural(votes, "vote")}*` : plural(votes, "vote");
  return organisations === 0 ? count : md`${count} from ${plural(organisations, "organisation")}`;
}

/** The voter's own reply to a vote (or a vote taken back): what happened, and how to undo it. */
export function voteReply(card: ProblemCard, voted: boolean): Message {
  const title = esc(card.problem.title);
  return {
    text: voted
      ? md`You said *${title}* affects you too. It now has ${voteCount(card.tally.votes, card.tally.organisations)}. To take your vote back, select "This affects us too" again.`
      : md`You took back your vote for *${title}*. To vote again, select "This affects us too".`,
  };
}

/** Sent to each organiser, once, when a problem's voters reach the community's threshold. */
export function promotionSuggestion(card: ProblemCard): BlockMessage {
  const title = esc(card.problem.title);
  const text = md`:dart: *${title}* now affects ${plural(card.tally.organisations, "organisation")} (${plural(card.tally.votes, "vote")}) in *${esc(card.community.name)}*, reaching your threshold of ${card.community.problemThreshold}. Make it one of the community's objectives?`;
  return {
    text: md`${title} could be an objective`,
    blocks: [
      section(text),
      actions(BLOCK.promotionSuggestion, button("Promote to objective", ACTION.promoteProblem, card.problem.id, "primary")),
    ],
  };
}
