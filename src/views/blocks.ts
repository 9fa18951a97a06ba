// Small Block Kit builders and Slack's limits. Pure: no client, no database.
import type { Block, KnownBlock, PlainTextOption } from "@slack/types";

export type AnyBlock = KnownBlock | Block;

/**
 * What the bot sends as a message, wherever it goes (an ack, a response_url
 * reply, a post, a DM, an update, an outbox delivery): its top-level text (the
 * notification, preview and screen-reader text) and, unless the text is all
 * there is, its blocks. One type, so every sender takes every view's output as
 * it is.
 */
export interface Message {
  text: Mrkdwn;
  blocks?: AnyBlock[];
}

/** A message with blocks, as most views build them. */
export interface BlockMessage extends Message {
  blocks: AnyBlock[];
}

export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  modalTitle: 24,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  staticOptions: 100,
  actionValue: 2000,
} as const;

import { type Mrkdwn, truncateMd } from "./mrkdwn";

export type { ListWithMoreOptions } from "../domain/common/text";
// Text in blocks is mrkdwn built in mrkdwn.ts, or plain text (plain()): see there.
export {
  channelLink,
  concat,
  esc,
  joinMd,
  lines,
  link,
  listWithMore,
  type Mrkdwn,
  md,
  personLink,
  plural,
  truncateMd,
  userLink,
} from "./mrkdwn";

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function plain(text: string, max: number = LIMITS.buttonText) {
  return { type: "plain_text" as const, text: truncate(text, max), emoji: true };
}

/**
 * A mrkdwn text object. verbatim: Slack would otherwise link-ify bare URLs and
 * channel names and parse "certain mentions" in the text by itself; the bot's
 * own tokens (<@U…>, <#C…>, <url|label>) still work.
 */
export function mrkdwn(text: Mrkdwn) {
  return { type: "mrkdwn" as const, text: truncateMd(text, LIMITS.sectionText), verbatim: true };
}

/**
 * Freezes a message or blocks all the way down, for a message built once and
 * sent many times: whoever changed a shared block would change every copy, so
 * trying to throws instead.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function section(text: Mrkdwn, accessory?: object): KnownBlock {
  return { type: "section", text: mrkdwn(text), ...(accessory ? { accessory } : {}) } as KnownBlock;
}

export function header(text: string): KnownBlock {
  return { type: "header", text: plain(text, 150) };
}

export function context(...texts: Mrkdwn[]): KnownBlock {
  return { type: "context", elements: texts.map((t) => mrkdwn(t)) };
}

export function divider(): KnownBlock {
  return { type: "divider" };
}

export function button(text: string, actionId: string, value?: string, style?: "primary" | "danger") {
  return {
    type: "button" as const,
    text: plain(text),
    action_id: actionId,
    ...(value !== undefined ? { value } : {}),
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string | undefined, ...elements: object[]): KnownBlock {
  return { type: "actions", ...(blockId ? { block_id: blockId } : {}), elements } as KnownBlock;
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}

export interface TextInputOptions {
  initial?: string;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  optional?: boolean;
  max?: number;
}

/**
 * A plain-text input block for a modal. Prefilled text is cut to `max`, as Slack
 * rejects an initial value longer than the input accepts.
 */
export function textInput(blockId: string, actionId: string, label: string, opts: TextInputOptions = {}): AnyBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, 150) } : {}),
    element: {
      type: "plain_text_input",
      action_id: actionId,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.max ?? 3000) } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
      ...(opts.max ? { max_length: opts.max } : {}),
    },
  } as AnyBlock;
}

export interface ChoiceInputOptions {
  optional?: boolean;
  hint?: string;
}

/** A static select block for a modal; `initial` is preselected when it is one of the options. */
export function selectInput(
  blockId: string,
  actionId: string,
  label: string,
  options: Array<{ label: string; value: string }>,
  initial?: string,
  opts: ChoiceInputOptions = {},
): AnyBlock {
  const choices = options.map((o) => option(o.label, o.value));
  const chosen = choices.find((c) => c.value === initial);
  return {
    type: "input",
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint, 150) } : {}),
    element: { type: "static_select", action_id: actionId, options: choices, ...(chosen ? { initial_option: chosen } : {}) },
  } as AnyBlock;
}

/** A checkboxes block for a modal, with the options whose values are in `checked` ticked. */
export function checkboxesInput(
  blockId: string,
  actionId: string,
  label: string,
  options: Array<{ label: string; value: string }>,
  checked: string[],
  opts: ChoiceInputOptions = {},
): AnyBlock {
  const choices = options.map((o) => option(o.label, o.value));
  const ticked = choices.filter((c) => checked.includes(c.value ?? ""));
  return {
    type: "input",
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint, 150) } : {}),
    element: { type: "checkboxes", action_id: actionId, options: choices, ...(ticked.length ? { initial_options: ticked } : {}) },
  } as AnyBlock;
}
