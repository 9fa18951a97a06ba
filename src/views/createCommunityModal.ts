import type { View } from "@slack/types";
import { suggestChannelName } from "../domain/common/text";
import { CONTACT_METHODS, type ContactMethodKind, DEFAULT_MEETING_CADENCE, MEETING_CADENCES } from "../domain/common/vocabulary";
import { type CharterFields, LIMITS as DRAFT } from "../domain/communities/communityDraft";
import { dates, labels } from "../i18n";
import { type AnyBlock, context, md, option, plain, textInput as sharedTextInput, type TextInputOptions } from "./blocks";
import { ACTION, CALLBACK, CREATE_BLOCK } from "./ids";
import { profileBlocks } from "./profileFields";

export interface CreateModalInput {
  name?: string;
  timezone: string;
  now: Date;
  /** JSON, checked again on submission. */
  privateMetadata: string;
}

function textInput(blockId: string, label: string, opts: TextInputOptions): AnyBlock {
  return sharedTextInput(blockId, ACTION.input, label, opts);
}

/** The first problems: only the create form asks for them (later ones are logged one at a time). */
function problemsBlock(): AnyBlock {
  return textInput(CREATE_BLOCK.problems, "The first problems to tackle", {
    optional: true,
    multiline: true,
    hint: `One problem a line (up to ${DRAFT.problemsMax}). Members can vote on them and log more later.`,
    placeholder: "People register with HMRC and Companies House separately\nIt is unclear which licences a new business needs",
  });
}

/**
 * The charter's own fields, as the create form asks for them and the edit
 * charter form asks for them again, filled in with what `initial` says. `extra`
 * puts other inputs after the aims (the create form's first problems).
 */
export function charterFieldBlocks(initial: Partial<CharterFields>, extra: { problems?: AnyBlock[] } = {}): AnyBlock[] {
  const cadenceOptions = MEETING_CADENCES.map((value) => option(labels.cadences[value], value));
  const contactOptions = CONTACT_METHODS.map((value) => option(labels.contactMethods[value].label, value));
  const chosenMethods = initial.contactMethods?.map((m) => m.kind) ?? ["slack_channel"];
  const linkOf = (kind: ContactMethodKind) => initial.contactMethods?.find((m) => m.kind === kind)?.link ?? undefined;
  const ticked = contactOptions.filter((o) => chosenMethods.includes(o.value as ContactMethodKind));
  return [
    textInput(CREATE_BLOCK.name, "Community name", {
      initial: initial.name,
      placeholder: "For example, Starting a business community",
      max: DRAFT.nameMax,
    }),
    textInput(CREATE_BLOCK.service, "The service or user journey", {
      initial: initial.service,
      placeholder: "For example, Starting a business",
      hint: "The end-to-end service whose users the community serves, across organisations.",
      max: DRAFT.serviceMax,
    }),
    textInput(CREATE_BLOCK.purpose, "What the community wants to achieve", {
      optional: true,
      multiline: true,
      max: DRAFT.purposeMax,
      initial: initial.purpose,
      placeholder: "For example, make it simpler to start and register a business, whichever organisation people deal with first.",
    }),
    ...(extra.problems ?? []),
    {
      type: "input",
      block_id: CREATE_BLOCK.cadence,
      label: plain("How often will you meet?"),
      hint: plain("Most communities meet every one or two months.", 150),
      element: {
        type: "static_select",
        action_id: ACTION.input,
        options: cadenceOptions,
        initial_option: cadenceOptions.find((o) => o.value === (initial.cadence ?? DEFAULT_MEETING_CADENCE)),
      },
    },
    {
      type: "input",
      block_id: CREATE_BLOCK.contactMethods,
      optional: true,
      label: plain("How will members talk between meetings?"),
      element: {
        type: "checkboxes",
        action_id: ACTION.input,
        options: contactOptions,
        ...(ticked.length ? { initial_options: ticked } : {}),
      },
    },
    textInput(CREATE_BLOCK.linkMailingList, "Mailing list link or address", {
      optional: true,
      initial: linkOf("mailing_list"),
      hint: labels.contactMethods.mailing_list.linkHint,
    }),
    textInput(CREATE_BLOCK.linkRegularCalls, "Regular calls link", {
      optional: true,
      initial: linkOf("regular_calls"),
      hint: labels.contactMethods.regular_calls.linkHint,
    }),
    textInput(CREATE_BLOCK.linkTrello, "Trello board link", {
      optional: true,
      initial: linkOf("trello"),
      hint: labels.contactMethods.trello.linkHint,
    }),
  ];
}

/** The create modal. Every block_id is the domain field it fills. */
export function createCommunityModal(input: CreateModalInput): View {
  const blocks: AnyBlock[] = [
    context(
      md`A service community brings together people from different organisations who work on one end-to-end service. You will be its first organiser.`,
    ),
    ...charterFieldBlocks({ name: input.name }, { problems: [problemsBlock()] }),
    textInput(CREATE_BLOCK.channel, "New public channel for the community", {
      optional: true,
      initial: input.name ? suggestChannelName(input.name) : undefined,
      placeholder: "sc-starting-a-business",
      hint: "Lower case letters, numbers, hyphens and underscores. Leave it empty if you pick an existing channel below.",
      max: 80,
    }),
    {
      type: "input",
      block_id: CREATE_BLOCK.existingChannel,
      optional: true,
      label: plain("…or use an existing public channel"),
      hint: plain("If you pick one, no new channel is created.", 150),
      element: {
        type: "conversations_select",
        action_id: ACTION.input,
        filter: { include: ["public"], exclude_bot_users: true, exclude_external_shared_channels: false },
      },
    },
    {
      type: "input",
      block_id: CREATE_BLOCK.timezone,
      label: plain("Time zone for meetings"),
      hint: plain("Messages give meeting times and digests in this time zone, and say which it is, for example UK time.", 150),
      element: {
        type: "external_select",
        action_id: ACTION.timezone,
        min_query_length: 1,
        placeholder: plain("Type a city, for example London"),
        initial_option: option(dates.zoneChoice(input.timezone, input.now), input.timezone),
      },
    },
    ...profileBlocks("your"),
  ];
  return {
    type: "modal",
    callback_id: CALLBACK.createCommunity,
    title: plain("Create a community", 24),
    submit: plain("Create"),
    close: plain("Cancel"),
    // Slack keeps typed values if the modal errs; clear_on_close tidies up abandoned ones.
    clear_on_close: true,
    private_metadata: input.privateMetadata,
    blocks,
  } as View;
}
