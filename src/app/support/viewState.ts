// Reads the values of a submitted modal into plain strings, keyed by block_id.
// A submission arrives in a request anyone holding the signing secret could
// shape, so each element is checked against what Slack sends for its type: an
// answer of the wrong shape is an error beside its field, not a crash.
import type { ViewOutput } from "@slack/bolt";
import { z } from "zod";
import { AppError, ValidationError } from "../../domain/common/errors";
import type { FieldErrors, Reason } from "../../domain/common/reasons";

export type FieldValue = string | string[] | null;

/** Beside a field whose answer arrived in a shape Slack never sends. */
export const UNREADABLE_ANSWER = { key: "form.unreadable_answer" } as const satisfies Reason;

const typed = z.string().nullish();
const option = z.looseObject({ value: z.string() });
const options = z.array(option).nullish();

/** What to read from each element type, and how. */
const READERS: Record<string, z.ZodType<FieldValue>> = {
  plain_text_input: z.looseObject({ value: typed }).transform((e) => e.value ?? null),
  url_text_input: z.looseObject({ value: typed }).transform((e) => e.value ?? null),
  email_text_input: z.looseObject({ value: typed }).transform((e) => e.value ?? null),
  number_input: z.looseObject({ value: typed }).transform((e) => e.value ?? null),
  static_select: z.looseObject({ selected_option: option.nullish() }).transform((e) => e.selected_option?.value ?? null),
  external_select: z.looseObject({ selected_option: option.nullish() }).transform((e) => e.selected_option?.value ?? null),
  radio_buttons: z.looseObject({ selected_option: option.nullish() }).transform((e) => e.selected_option?.value ?? null),
  checkboxes: z.looseObject({ selected_options: options }).transform((e) => (e.selected_options ?? []).map((o) => o.value)),
  multi_static_select: z.looseObject({ selected_options: options }).transform((e) => (e.selected_options ?? []).map((o) => o.value)),
  multi_external_select: z.looseObject({ selected_options: options }).transform((e) => (e.selected_options ?? []).map((o) => o.value)),
  conversations_select: z.looseObject({ selected_conversation: typed }).transform((e) => e.selected_conversation ?? null),
  channels_select: z.looseObject({ selected_channel: typed }).transform((e) => e.selected_channel ?? null),
  users_select: z.looseObject({ selected_user: typed }).transform((e) => e.selected_user ?? null),
  multi_users_select: z.looseObject({ selected_users: z.array(z.string()).nullish() }).transform((e) => e.selected_users ?? []),
  datepicker: z.looseObject({ selected_date: typed }).transform((e) => e.selected_date ?? null),
  timepicker: z.looseObject({ selected_time: typed }).transform((e) => e.selected_time ?? null),
  datetimepicker: z
    .looseObject({ selected_date_time: z.number().nullish() })
    .transform((e) => (e.selected_date_time != null ? String(e.selected_date_time) : null)),
};
const OTHER = z.looseObject({ value: z.string().optional() }).transform((e) => e.value ?? null);

const STATE = z.record(z.string(), z.record(z.string(), z.looseObject({ type: z.string().optional() })));

/**
 * The form's answers by block id. Throws a ValidationError naming each block
 * whose answer has the wrong shape, so the person sees it beside the field.
 */
export function readViewState(view: ViewOutput): Record<string, FieldValue> {
  const state = STATE.safeParse(view.state?.values ?? {});
  if (!state.success) throw new AppError("invalid_input", { key: "form.unreadable" });
  const out: Record<string, FieldValue> = {};
  const unreadable: FieldErrors = {};
  for (const [blockId, actions] of Object.entries(state.data)) {
    for (const element of Object.values(actions)) {
      const read = (READERS[element.type ?? ""] ?? OTHER).safeParse(element);
      if (read.success) out[blockId] = read.data;
      else unreadable[blockId] = UNREADABLE_ANSWER;
    }
  }
  if (Object.keys(unreadable).length) throw new ValidationError(unreadable);
  return out;
}

export function text(values: Record<string, FieldValue>, key: string): string | null {
  const v = values[key];
  return typeof v === "string" ? v : null;
}

export function list(values: Record<string, FieldValue>, key: string): string[] {
  const v = values[key];
  return Array.isArray(v) ? v : [];
}
