// The journey's forms: a stage (added or edited by an organiser, suggested by a
// member), the first draft of a journey from its problems, and the stages a
// member works on.
import type { View } from "@slack/types";
import { plural } from "../domain/common/text";
import type { DraftStage } from "../domain/journey/draftFromText";
import { STAGE_LIMITS } from "../domain/journey/stageDraft";
import { organisationLabel } from "../domain/members/profiles";
import type { StageOwnerRecord, StageRecord, StageRole } from "../domain/ports";
import { OTHER_ORGANISATION_ID } from "../reference/organisations";
import { type AnyBlock, context, esc, md, plain, section, textInput } from "./blocks";
import { ACTION, CALLBACK, DRAFT_BLOCK_PREFIX, PROFILE_BLOCK, STAGE_BLOCK } from "./ids";
import { stageOption } from "./journey";

export type StageFormMode = "add" | "suggest" | "edit";

export interface StageModalInput {
  mode: StageFormMode;
  community: { name: string };
  /** The stage as it is, for editing; `number` is its place in the journey. */
  stage?: Pick<StageRecord, "title" | "description" | "link" | "owners">;
  number?: number;
  privateMetadata: string;
}

const FORM = {
  add: { title: "Add a stage", submit: "Add stage" },
  suggest: { title: "Suggest a stage", submit: "Suggest stage" },
  edit: { title: "Edit a stage", submit: "Save changes" },
} as const;

function lead(input: StageModalInput): AnyBlock {
  const name = esc(input.community.name);
  if (input.mode === "add")
    return context(md`A new stage of the journey of *${name}*. It goes at the end: move it from its menu on the journey.`);
  if (input.mode === "suggest")
    return context(
      md`Suggest a stage for the journey of *${name}*. Its organisers can add it to the journey or dismiss it, and you will be told which.`,
    );
  return context(md`Stage ${input.number ?? 0} of the journey of *${name}*.`);
}

/** Organisations from the list, with their type-ahead (the same options as a problem's "Who it affects"). */
function organisationsInput(blockId: string, label: string, hint: string, chosen: StageOwnerRecord[]): AnyBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    hint: plain(hint, 150),
    element: {
      type: "multi_external_select",
      action_id: ACTION.organisations,
      min_query_length: 0,
      max_selected_items: STAGE_LIMITS.ownersMax,
      placeholder: plain("Search organisations"),
      ...(chosen.length ? { initial_options: chosen.map((o) => ({ text: plain(organisationLabel(o)), value: o.organisation })) } : {}),
    },
  } as AnyBlock;
}

/** The stage form: title, what the user does there, who owns it, a link. Block ids are checkStage's field names. */
export function stageModal(input: StageModalInput): View {
  const stage = input.stage;
  const listed = (role: StageRole) => (stage?.owners ?? []).filter((o) => o.organisation !== OTHER_ORGANISATION_ID && o.role === role);
  const typed = (stage?.owners ?? []).filter((o) => o.organisation === OTHER_ORGANISATION_ID).map((o) => o.organisationOther ?? "");
  const blocks: AnyBlock[] = [
    lead(input),
    textInput(STAGE_BLOCK.title, ACTION.input, "Title", {
      initial: stage?.title,
      max: STAGE_LIMITS.titleMax,
      hint: "What the user does at this stage, in a few words.",
      placeholder: "For example, Register for tax",
    }),
    textInput(STAGE_BLOCK.description, ACTION.input, "What the user is trying to do", {
      initial: stage?.description,
      optional: true,
      multiline: true,
      max: STAGE_LIMITS.descriptionMax,
      hint: "One or two sentences, for example: Tell HMRC the company exists and which taxes it pays.",
    }),
    organisationsInput(
      STAGE_BLOCK.owners,
      "Organisations that own it",
      "Responsible for this stage. Type a few letters or an abbreviation, for example HMRC.",
      listed("owns"),
    ),
    organisationsInput(
      STAGE_BLOCK.deliverers,
      "Organisations that deliver part of it",
      "For example, one that runs a service users need at this stage.",
      listed("delivers"),
    ),
    textInput(STAGE_BLOCK.otherOwners, ACTION.input, "Other organisations that own it", {
      initial: typed.join("\n"),
      optional: true,
      multiline: true,
      hint: "Not in the list? Type each organisation on its own line, for example a local council.",
    }),
    textInput(STAGE_BLOCK.link, ACTION.input, "Link", {
      initial: stage?.link ?? undefined,
      optional: true,
      hint: "The GOV.UK page or service for this stage, if there is one.",
    }),
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.stage,
    title: plain(FORM[input.mode].title, 24),
    submit: plain(FORM[input.mode].submit, 24),
    close: plain("Cancel", 24),
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}

/** The block id of the draft form's input for the stage at `index`. */
export function draftBlock(index: number): string {
  return `${DRAFT_BLOCK_PREFIX}${index}`;
}

/**
 * The first draft of a journey: one input a stage, prefilled with the words
 * most of its problems used. Up to 20 stages (DRAFT_STAGES_MAX), so 22 blocks.
 */
export function journeyDraftModal(input: { community: { name: string }; draft: DraftStage[]; privateMetadata: string }): View {
  const blocks: AnyBlock[] = [
    section(
      md`A first draft of the journey of *${esc(input.community.name)}*, made from where its problems say they happen. Change any title, or clear it to leave that stage out. Put the stages in order from their menus afterwards.`,
    ),
    context(md`Each problem is tied to the stage its words made. Problems whose words made no stage keep them as they are.`),
    ...input.draft.map((stage, i) =>
      textInput(draftBlock(i), ACTION.input, `Stage ${i + 1}`, {
        initial: stage.title,
        optional: true,
        max: STAGE_LIMITS.titleMax,
        hint: `From ${plural(stage.problemIds.length, "problem")}.`,
      }),
    ),
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.journeyDraft,
    title: plain("Draft the journey", 24),
    submit: plain("Add these stages", 24),
    close: plain("Cancel", 24),
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}

/**
 * "Which stages do you work on?": a multi-select of the journey's stages, with
 * the member's own chosen. The meeting form asks which stages a meeting covers
 * with it too, in its own block and words.
 */
export function stagePickerBlock(
  stages: Array<Pick<StageRecord, "id" | "title">>,
  chosen: string[],
  label: string,
  opts: { blockId?: string; hint?: string } = {},
): AnyBlock {
  const options = stages.map((s, i) => stageOption(s, i + 1));
  const initial = options.filter((o) => chosen.includes(o.value ?? ""));
  return {
    type: "input",
    block_id: opts.blockId ?? PROFILE_BLOCK.stages,
    optional: true,
    label: plain(label),
    hint: plain(opts.hint ?? "Choose any you work on, or none. You can change this later from the journey.", 150),
    element: {
      type: "multi_static_select",
      action_id: ACTION.input,
      placeholder: plain("Choose stages"),
      options,
      ...(initial.length ? { initial_options: initial } : {}),
    },
  } as AnyBlock;
}

/** "Say which stages you work on", from the journey. */
export function memberStagesModal(input: {
  community: { name: string };
  stages: Array<Pick<StageRecord, "id" | "title">>;
  chosen: string[];
  privateMetadata: string;
}): View {
  return {
    type: "modal",
    callback_id: CALLBACK.memberStages,
    title: plain("Stages you work on", 24),
    submit: plain("Save", 24),
    close: plain("Cancel", 24),
    private_metadata: input.privateMetadata,
    blocks: [
      section(
        md`Which stages of the journey of *${esc(input.community.name)}* do you work on? Other members see who works on each stage, and organisers see the stages nobody works on.`,
      ),
      stagePickerBlock(input.stages, input.chosen, "Stages you work on"),
    ],
  } as View;
}
