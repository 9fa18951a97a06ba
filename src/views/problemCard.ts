import type { ProblemCard } from "../domain/problems";
import { findOrganisation } from "../reference/organisations";
import { actions, button, context, esc, option, plural, section, slackDate, truncate, userLink, type AnyBlock } from "./blocks";
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
export function problemCardMessage(card: ProblemCard): { text: string; blocks: AnyBlock[] } {
  const { problem, tally } = card;
  const closed = problem.status === "solved" || problem.status === "duplicate";
  const blocks: AnyBlock[] = [];
  const lines = [`:jigsaw: *${esc(problem.title)}*`];
  if (problem.description) lines.push(esc(truncate(problem.description, 1500)));
  const details: string[] = [];
  if (problem.affects.length) details.push(`*Affects:* ${problem.affects.map((id) => esc(organisationName(id))).join(", ")}`);
  if (problem.stage) details.push(`*Where it bites:* ${esc(problem.stage)}`);
  if (problem.link) details.push(`<${problem.link}|More about it>`);
  if (problem.messagePermalink) details.push(`<${problem.messagePermalink}|The message it came from>`);
  if (details.length) lines.push(details.join("\n"));
  blocks.push(section(lines.join("\n\n"), statusMenu(problem.id, problem.status)));
  if (problem.objective) {
    const o = problem.objective;
    const parts = [o.ownerId ? `owner ${userLink(o.ownerId)}` : "no owner yet", o.targetDate ? `by ${slackDate(o.targetDate)}` : null, PROGRESS_LABEL[o.status] ?? o.status];
    blocks.push(context(`:dart: *Objective:* ${parts.filter(Boolean).join("  ·  ")}`));
  }
  if (problem.duplicateOf) blocks.push(context(`Closed as a duplicate of *${esc(problem.duplicateOf.title)}*`));
  const votes = `*${plural(tally.votes, "vote")}* from ${plural(tally.organisations, "organisation")}`;
  blocks.push(context(`${STATUS_LABEL[problem.status] ?? problem.status}  ·  ${votes}  ·  Logged by ${userLink(problem.createdBy)} in ${esc(card.community.name)}`));
  if (!closed) {
    blocks.push(actions(BLOCK.problemActions, button("This affects us too", ACTION.voteProblem, problem.id)));
  }
  return { text: `Problem: ${esc(problem.title)} (${plural(tally.votes, "vote")})`, blocks };
}

/** Sent to each organiser, once, when a problem's voters reach the community's threshold. */
export function promotionSuggestion(card: ProblemCard): { text: string; blocks: AnyBlock[] } {
  const title = esc(card.problem.title);
  const text =
    `:dart: *${title}* now affects ${plural(card.tally.organisations, "organisation")} (${plural(card.tally.votes, "vote")}) in ` +
    `*${esc(card.community.name)}*, reaching your threshold of ${card.community.problemThreshold}. Make it one of the community's objectives?`;
  return {
    text: `${card.problem.title} could be an objective`,
    blocks: [section(text), actions(BLOCK.promotionSuggestion, button("Promote to objective", ACTION.promoteProblem, card.problem.id, "primary"))],
  };
}
