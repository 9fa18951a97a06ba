import type { View } from "@slack/types";
import { PROBLEM_LIMITS } from "../domain/problems/problemDraft";
import { type AnyBlock, context, esc, md, option, plain, textInput as sharedTextInput, type TextInputOptions } from "./blocks";
import { ACTION, CALLBACK, PROBLEM_BLOCK } from "./ids";
import { stageOption } from "./journey";

/** The stage picker's last choice: somewhere not in the journey, said in words in the next field. */
export const SOMEWHERE_ELSE = "elsewhere";

export interface ProblemModalInput {
  /** The community, when the command came from its channel. */
  community?: { id: string; name: string };
  /** The community chosen in the form's own picker: the form is redrawn with its journey's stages. */
  picked?: { id: string; name: string };
  /** The community's journey, when it is known and has stages: the problem is tied to one of them. */
  stages?: Array<{ id: string; title: string }>;
  title?: string;
  description?: string;
  /** What was already entered when the form is redrawn for the community picked. */
  affects?: Array<{ id: string; label: string }>;
  stageText?: string;
  link?: string;
  privateMetadata: string;
}

/**
 * Where it bites: a stage of the journey, or "Somewhere else" with the words
 * for it, as before a community had a journey (and when the form does not
 * know the community yet).
 */
function whereBlocks(stages: Array<{ id: string; title: string }>, typed?: string): AnyBlock[] {
  const words = (label: string, hint?: string) =>
    textInput(PROBLEM_BLOCK.stage, label, {
      initial: typed,
      optional: true,
      max: PROBLEM_LIMITS.stageMax,
      placeholder: "For example, registering for tax",
      hint,
    });
  if (!stages.length) return [words("Where in the user journey it bites")];
  return [
    {
      type: "input",
      block_id: PROBLEM_BLOCK.stageId,
      optional: true,
      label: plain("Where in the journey it bites"),
      hint: plain("The stage of the user's journey where it happens.", 150),
      element: {
        type: "static_select",
        action_id: ACTION.input,
        placeholder: plain("Choose a stage"),
        options: [...stages.map((s, i) => stageOption(s, i + 1)), option("Somewhere else (type it below)", SOMEWHERE_ELSE)],
      },
    } as AnyBlock,
    words("If somewhere else: where it bites", "Leave this empty if you chose a stage."),
  ];
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
      // Choosing one redraws the form with that community's journey to pick from.
      dispatch_action: true,
      label: plain("Community"),
      hint: plain("Your communities come first.", 150),
      element: {
        type: "external_select",
        action_id: ACTION.problemCommunity,
        min_query_length: 0,
        placeholder: plain("Search communities"),
        ...(input.picked ? { initial_option: option(input.picked.name, input.picked.id) } : {}),
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
        ...(input.affects?.length ? { initial_options: input.affects.map((o) => option(o.label, o.id)) } : {}),
      },
    } as AnyBlock,
    ...whereBlocks(input.stages ?? [], input.stageText),
    textInput(PROBLEM_BLOCK.link, "Link", {
      initial: input.link,
      optional: true,
      hint: "Research, a blog post or a ticket that shows the problem.",
    }),
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
