// Organisers' modals for a problem: an objective's details, and closing as a duplicate.
import type { View } from "@slack/types";
import type { ProblemRecord } from "../domain/ports";
import { type AnyBlock, context, esc, md, option, plain } from "./blocks";
import { ACTION, CALLBACK, DUPLICATE_BLOCK, OBJECTIVE_BLOCK } from "./ids";

const PROGRESS = [option("Not started", "open"), option("In progress", "in_progress"), option("Done", "done")];

export function objectiveModal(problem: ProblemRecord, privateMetadata: string): View {
  const o = problem.objective ?? { ownerId: null, targetDate: null, status: "open" };
  const blocks: AnyBlock[] = [
    context(md`:dart: *${esc(problem.title)}*`),
    {
      type: "input",
      block_id: OBJECTIVE_BLOCK.owner,
      optional: true,
      label: plain("Owner"),
      hint: plain("A member of the community who keeps it moving.", 150),
      element: { type: "users_select", action_id: ACTION.input, ...(o.ownerId ? { initial_user: o.ownerId } : {}) },
    } as AnyBlock,
    {
      type: "input",
      block_id: OBJECTIVE_BLOCK.targetDate,
      optional: true,
      label: plain("Target date"),
      element: {
        type: "datepicker",
        action_id: ACTION.input,
        ...(o.targetDate ? { initial_date: o.targetDate.toISOString().slice(0, 10) } : {}),
      },
    } as AnyBlock,
    {
      type: "input",
      block_id: OBJECTIVE_BLOCK.progress,
      label: plain("Progress"),
      element: {
        type: "static_select",
        action_id: ACTION.input,
        options: PROGRESS,
        initial_option: PROGRESS.find((p) => p.value === o.status) ?? PROGRESS[0],
      },
    } as AnyBlock,
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.setObjective,
    title: plain("Objective", 24),
    submit: plain("Save"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks,
  } as View;
}

export function duplicateModal(problem: ProblemRecord, privateMetadata: string): View {
  return {
    type: "modal",
    callback_id: CALLBACK.closeAsDuplicate,
    title: plain("Close as duplicate", 24),
    submit: plain("Close it"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks: [
      context(md`Closing *${esc(problem.title)}*. Its votes stay with it. Choose the problem it repeats, so people can find that one.`),
      {
        type: "input",
        block_id: DUPLICATE_BLOCK.duplicateOf,
        label: plain("It repeats"),
        element: {
          type: "external_select",
          action_id: ACTION.problemPicker,
          min_query_length: 0,
          placeholder: plain("Search this community's problems"),
        },
      } as AnyBlock,
    ],
  } as View;
}
