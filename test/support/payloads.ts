// Builders for the interaction payloads Slack sends, so tests read as the user's steps.
import { TEAM_ID } from "./harness";

let counter = 0;

export function user(id: string, team = TEAM_ID) {
  return { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: team };
}

export function blockAction(opts: {
  user: string;
  actionId: string;
  value?: string;
  channel?: string;
  responseUrl?: string;
  blockId?: string;
  team?: string;
}) {
  return {
    type: "block_actions",
    team: { id: opts.team ?? TEAM_ID, domain: "test" },
    user: user(opts.user, opts.team),
    api_app_id: "A0APP",
    token: "deprecated",
    trigger_id: `trigger-action-${++counter}`,
    ...(opts.channel
      ? { channel: { id: opts.channel, name: "somewhere" }, container: { type: "message", channel_id: opts.channel, is_ephemeral: true } }
      : { container: { type: "view" } }),
    ...(opts.responseUrl ? { response_url: opts.responseUrl } : {}),
    actions: [
      {
        type: "button",
        action_id: opts.actionId,
        block_id: opts.blockId ?? "b",
        value: opts.value,
        action_ts: `${Date.now() / 1000}`,
        text: { type: "plain_text", text: "button" },
      },
    ],
  };
}

/** A view_submission; `values` maps block_id to a state value such as { type: "plain_text_input", value }. */
export function viewSubmission(opts: {
  user: string;
  callbackId: string;
  values: Record<string, Record<string, unknown> | null>;
  privateMetadata?: string;
  viewId?: string;
  team?: string;
}) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [blockId, value] of Object.entries(opts.values)) {
    if (value) state[blockId] = { value: value };
  }
  return {
    type: "view_submission",
    team: { id: opts.team ?? TEAM_ID, domain: "test" },
    user: user(opts.user, opts.team),
    api_app_id: "A0APP",
    token: "deprecated",
    trigger_id: `trigger-view-${++counter}`,
    view: {
      id: opts.viewId ?? `V${Date.now()}${++counter}`,
      team_id: opts.team ?? TEAM_ID,
      type: "modal",
      callback_id: opts.callbackId,
      private_metadata: opts.privateMetadata ?? "{}",
      hash: "h",
      state: { values: state },
      blocks: [],
    },
    response_urls: [],
  };
}

export const input = {
  text: (value: string | null) => ({ type: "plain_text_input", value }),
  select: (value: string | null) => ({
    type: "static_select",
    selected_option: value === null ? null : { value, text: { type: "plain_text", text: value } },
  }),
  external: (value: string | null) => ({
    type: "external_select",
    selected_option: value === null ? null : { value, text: { type: "plain_text", text: value } },
  }),
  multiStatic: (values: string[]) => ({
    type: "multi_static_select",
    selected_options: values.map((value) => ({ value, text: { type: "plain_text", text: value } })),
  }),
  multiExternal: (values: string[]) => ({
    type: "multi_external_select",
    selected_options: values.map((value) => ({ value, text: { type: "plain_text", text: value } })),
  }),
  checkboxes: (values: string[]) => ({
    type: "checkboxes",
    selected_options: values.map((value) => ({ value, text: { type: "plain_text", text: value } })),
  }),
  datetime: (seconds: number | null) => ({ type: "datetimepicker", selected_date_time: seconds }),
  radio: (value: string | null) => ({
    type: "radio_buttons",
    selected_option: value === null ? null : { value, text: { type: "plain_text", text: value } },
  }),
  conversation: (id: string | null) => ({ type: "conversations_select", selected_conversation: id }),
};

export function optionsRequest(opts: { user: string; actionId: string; value: string }) {
  return {
    type: "block_suggestion",
    team: { id: TEAM_ID, domain: "test" },
    user: user(opts.user),
    api_app_id: "A0APP",
    token: "deprecated",
    action_id: opts.actionId,
    block_id: "b",
    value: opts.value,
    container: { type: "view", view_id: "V1" },
  };
}

/** A choice in an overflow menu, as Slack sends it. */
export function overflowAction(opts: {
  user: string;
  actionId: string;
  value: string;
  channel?: string;
  responseUrl?: string;
  messageTs?: string;
}) {
  const base = blockAction({ user: opts.user, actionId: opts.actionId, channel: opts.channel, responseUrl: opts.responseUrl });
  return {
    ...base,
    ...(opts.messageTs && opts.channel
      ? {
          message: { ts: opts.messageTs, type: "message" },
          container: { type: "message", channel_id: opts.channel, message_ts: opts.messageTs, is_ephemeral: false },
        }
      : {}),
    actions: [
      {
        type: "overflow",
        action_id: opts.actionId,
        block_id: "b",
        action_ts: "1.1",
        selected_option: { text: { type: "plain_text", text: "choice" }, value: opts.value },
      },
    ],
  };
}

/**
 * A click on an element inside an open form (a button, or a picker with
 * `selected`), as Slack sends it: with the form as it stands, its `state` holding
 * what was entered (block id to element value).
 */
export function viewAction(opts: {
  user: string;
  actionId: string;
  view: Record<string, unknown>;
  state?: Record<string, Record<string, unknown>>;
  value?: string;
  selected?: { type: string; blockId: string; value: string };
}) {
  const values = Object.fromEntries(Object.entries(opts.state ?? {}).map(([blockId, element]) => [blockId, { value: element }]));
  return {
    type: "block_actions",
    team: { id: TEAM_ID, domain: "test" },
    user: user(opts.user),
    api_app_id: "A0APP",
    token: "deprecated",
    trigger_id: `trigger-view-action-${++counter}`,
    container: { type: "view", view_id: opts.view.id },
    view: { hash: "h", ...opts.view, state: { values } },
    actions: [
      opts.selected
        ? {
            type: opts.selected.type,
            action_id: opts.actionId,
            block_id: opts.selected.blockId,
            selected_option: { value: opts.selected.value, text: { type: "plain_text", text: opts.selected.value } },
            action_ts: "1.1",
          }
        : { type: "button", action_id: opts.actionId, block_id: "b", value: opts.value, action_ts: "1.1" },
    ],
  };
}
