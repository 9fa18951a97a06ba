// Reads the values of a submitted modal into plain strings, keyed by block_id.
import type { ViewOutput } from "@slack/bolt";

export type FieldValue = string | string[] | null;

export function readViewState(view: ViewOutput): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [blockId, actions] of Object.entries(view.state?.values ?? {})) {
    for (const element of Object.values(actions ?? {})) {
      const e = element as unknown as Record<string, unknown>;
      switch (e.type) {
        case "plain_text_input":
        case "url_text_input":
        case "email_text_input":
        case "number_input":
          out[blockId] = (e.value as string | null | undefined) ?? null;
          break;
        case "static_select":
        case "external_select":
        case "radio_buttons":
          out[blockId] = ((e.selected_option as { value?: string } | null | undefined)?.value as string | undefined) ?? null;
          break;
        case "checkboxes":
        case "multi_static_select":
        case "multi_external_select":
          out[blockId] = ((e.selected_options as Array<{ value: string }> | undefined) ?? []).map((o) => o.value);
          break;
        case "conversations_select":
        case "channels_select":
          out[blockId] = (e.selected_conversation as string | undefined) ?? (e.selected_channel as string | undefined) ?? null;
          break;
        case "users_select":
          out[blockId] = (e.selected_user as string | undefined) ?? null;
          break;
        case "multi_users_select":
          out[blockId] = (e.selected_users as string[] | undefined) ?? [];
          break;
        case "datepicker":
          out[blockId] = (e.selected_date as string | null | undefined) ?? null;
          break;
        case "timepicker":
          out[blockId] = (e.selected_time as string | null | undefined) ?? null;
          break;
        case "datetimepicker":
          out[blockId] = e.selected_date_time != null ? String(e.selected_date_time) : null;
          break;
        default:
          out[blockId] = (e.value as string | undefined) ?? null;
      }
    }
  }
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
