import type { View } from "@slack/types";
import type { ProblemRecord } from "../domain/ports";
import { PROBLEM_LIMITS } from "../domain/problems/problemDraft";
import type { ProblemDetails } from "../domain/problems/problems";
import { dates } from "../i18n";
import {
  type AnyBlock,
  actions,
  button,
  concat,
  context,
  divider,
  esc,
  lines,
  md,
  plain,
  plural,
  section,
  textInput,
  userLink,
} from "./blocks";
import { ACTION, BLOCK, CALLBACK, PROBLEM_BLOCK } from "./ids";
import { problemCardMessage } from "./problemCard";

const STATUS_WORD: Record<string, string> = { open: "open", objective: "objective", solved: "solved", duplicate: "duplicate" };

/** Shown at most, newest last; older changes are summarised. */
export const HISTORY_SHOWN = 30;

/** A problem in full: its card, its status history, and the viewer's actions. */
export function problemDetailsModal(details: ProblemDetails): View {
  const { card, history } = details;
  const blocks: AnyBlock[] = problemCardMessage(card).blocks.filter((b) => b.type !== "actions");
  blocks.push(divider());
  const shown = history.slice(-HISTORY_SHOWN);
  // The community's zone, said once in the heading rather than on every line.
  const zone = card.community.timezone;
  const when = (at: Date) => esc(`${dates.longDate(at, zone)} at ${dates.clockTime(at, zone)}`);
  const changes = shown.map(
    (c) => md`• ${when(c.at)}: ${userLink(c.actorId)} moved it from ${esc(STATUS_WORD[c.from])} to *${esc(STATUS_WORD[c.to])}*`,
  );
  const older = history.length - shown.length;
  blocks.push(
    section(
      concat(
        md`*History*, in ${esc(dates.zoneName(zone))}\n• ${when(card.problem.createdAt)}: ${userLink(card.problem.createdBy)} logged it`,
        older > 0 ? md`\n• ${plural(older, "earlier change")}, not shown here` : md``,
        changes.length ? md`\n${lines(changes)}` : md``,
      ),
    ),
  );
  if (details.viewerIsAuthor) {
    blocks.push(actions(BLOCK.problemDetailsActions, button("Edit title and description", ACTION.editProblem, card.problem.id)));
  } else {
    blocks.push(context(md`Only the person who logged it can edit its title and description. Organisers decide its status.`));
  }
  return {
    type: "modal",
    callback_id: CALLBACK.problemDetails,
    title: plain("Problem", 24),
    close: plain("Close"),
    blocks,
  } as View;
}

/** The author's edit of a problem's title and description. */
export function editProblemModal(problem: ProblemRecord, privateMetadata: string): View {
  return {
    type: "modal",
    callback_id: CALLBACK.editProblem,
    title: plain("Edit problem", 24),
    submit: plain("Save"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks: [
      textInput(PROBLEM_BLOCK.title, ACTION.input, "Title", { initial: problem.title, max: PROBLEM_LIMITS.titleMax }),
      textInput(PROBLEM_BLOCK.description, ACTION.input, "Description", {
        initial: problem.description,
        optional: true,
        multiline: true,
        max: PROBLEM_LIMITS.descriptionMax,
      }),
      context(md`Its votes and status stay as they are.`),
    ],
  } as View;
}
