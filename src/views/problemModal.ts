import type { View } from "@slack/types";
import { PROBLEM_LIMITS } from "../domain/problems/problemDraft";
import { type AnyBlock, context, esc, md, plain, textInput as sharedTextInput, type TextInputOptions } from "./blocks";
import { ACTION, CALLBACK, PROBLEM_BLOCK } from "./ids";

export interface ProblemModalInput {
  /** The community, when the command came from its channel. */
  community?: { id: string; name: string };
  title?: string;
  description?: string;
  privateMetadata: string;
}

function textInput(blockId: string, label: string, opts: TextInputOptions): AnyBlock {
  return sharedTextInput(blockId, ACTION.input, label, opts);
}

/** The modal for logging a problem (from /community problem or a message shortcut). */
export function problemModal(input: ProblemModalInput): View {
  const blocks: AnyBlock[] = [];
  if (input.community) {
    blocks.push(
      context(md`Logging a problem for *${esc(input.community.name)}*. Members can vote on it, and organisers can make it an objective.`),
    );
  } else {
    blocks.push({
      type: "input",
      block_id: PROBLEM_BLOCK.community,
      label: plain("Community"),
      hint: plain("Your communities come first.", 150),
      element: {
        type: "external_select",
        action_id: ACTION.problemCommunity,
        min_query_length: 0,
        placeholder: plain("Search communities"),
      },
    } as AnyBlock);
  }
  blocks.push(
    textInput(PROBLEM_BLOCK.title, "Title", {
      initial: input.title,
      max: PROBLEM_LIMITS.titleMax,
      placeholder: "For example, people register with HMRC and Companies House separately",
    }),
    textInput(PROBLEM_BLOCK.description, "Description", {
      initial: input.description,
      optional: true,
      multiline: true,
      max: PROBLEM_LIMITS.descriptionMax,
      hint: "What happens to users, and what it costs them and government.",
    }),
    {
      type: "input",
      block_id: PROBLEM_BLOCK.affects,
      optional: true,
      label: plain("Who it affects"),
      hint: plain("The organisations whose users or services it touches. Type a few letters, for example HMRC.", 150),
      element: {
        type: "multi_external_select",
        action_id: ACTION.organisations,
        min_query_length: 0,
        max_selected_items: PROBLEM_LIMITS.affectsMax,
        placeholder: plain("Search organisations"),
      },
    } as AnyBlock,
    textInput(PROBLEM_BLOCK.stage, "Where in the user journey it bites", {
      optional: true,
      max: PROBLEM_LIMITS.stageMax,
      placeholder: "For example, registering for tax",
    }),
    textInput(PROBLEM_BLOCK.link, "Link", { optional: true, hint: "Research, a blog post or a ticket that shows the problem." }),
  );
  return {
    type: "modal",
    callback_id: CALLBACK.logProblem,
    title: plain("Log a problem", 24),
    submit: plain("Log problem"),
    close: plain("Cancel"),
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}
