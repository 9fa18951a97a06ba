// What Slack sends, checked before Bolt sees it. A body Bolt could not route,
// or would throw on (an `actions` that is not a list, a view that is not an
// object, a type it does not know) is refused with 400 (over Socket Mode,
// acked and dropped); left to Bolt, some of these throw (500) and others match
// no listener, so nothing acks and the receiver answers 404 after 3 s.
import {
  defaultProcessEventErrorHandler as defaultSocketModeErrorHandler,
  HTTPModuleFunctions,
  type ReceiverProcessEventErrorHandlerArgs,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
} from "@slack/bolt";
import { z } from "zod";

/** A request whose body is not one Slack sends: answered with 400 (or, over Socket Mode, acked) and not processed. */
export class MalformedRequest extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "MalformedRequest";
  }
}

// The fields Bolt and the listeners read, with the types Slack gives them. Objects
// stay loose: Slack adds fields, and those are not ours to refuse.
const id = z.string().min(1).max(255);
const user = z.looseObject({ id });
const team = z.looseObject({ id }).nullish();
const choice = z.looseObject({ value: z.string() });
const view = z.looseObject({
  id: z.string(),
  callback_id: z.string(),
  private_metadata: z.string().optional(),
  hash: z.string().optional(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({}))) }).optional(),
});
/** The form a click or a list belongs to: only what is read from it is required. */
const surroundingView = view.partial({ id: true, callback_id: true });
const element = z.looseObject({
  type: z.string(),
  action_id: z.string(),
  block_id: z.string().optional(),
  value: z.string().optional(),
  selected_option: choice.nullish(),
  selected_options: z.array(choice).optional(),
});
const interaction = { user, team, trigger_id: z.string().optional(), response_url: z.string().optional() };

const ENVELOPES: Record<string, z.ZodType> = {
  block_actions: z.looseObject({
    ...interaction,
    actions: z.array(element).min(1),
    container: z.looseObject({ type: z.string().optional() }).optional(),
    channel: z.looseObject({ id }).nullish(),
    message: z.looseObject({ ts: z.string() }).optional(),
    view: surroundingView.optional(),
  }),
  block_suggestion: z.looseObject({
    ...interaction,
    action_id: z.string(),
    block_id: z.string().optional(),
    value: z.string().optional(),
    view: surroundingView.optional(),
  }),
  view_submission: z.looseObject({ ...interaction, view }),
  view_closed: z.looseObject({ ...interaction, view }),
  shortcut: z.looseObject({ ...interaction, callback_id: z.string(), trigger_id: z.string() }),
  message_action: z.looseObject({
    ...interaction,
    callback_id: z.string(),
    trigger_id: z.string(),
    channel: z.looseObject({ id }),
    message: z.looseObject({ ts: z.string(), text: z.string().optional() }),
  }),
};
const COMMAND = z.looseObject({
  command: z.string().min(1).max(100),
  // Slack always sends text, empty when nothing was typed; a missing one is read as empty.
  text: z.string().optional(),
  user_id: id,
  team_id: id,
  channel_id: z.string().optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});
const EVENT = z.looseObject({ type: z.literal("event_callback"), event: z.looseObject({ type: z.string() }) });

/**
 * What to do with a request body before Bolt sees it. The checks follow the
 * order in which Bolt decides a request's kind (helpers.getTypeAndConversation).
 */
export function checkEnvelope(body: unknown): "process" | "ack" | { malformed: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { malformed: "the body is not an object" };
  const b = body as Record<string, unknown>;
  const check = (schema: z.ZodType, kind: string) => {
    const result = schema.safeParse(b);
    return result.success
      ? ("process" as const)
      : { malformed: `${kind}: ${z.prettifyError(result.error).replace(/\s+/g, " ").slice(0, 300)}` };
  };
  if (b.event !== undefined) return check(EVENT, "event");
  if (b.command !== undefined) return check(COMMAND, "command");
  // Slack tells an app it is sending events too fast; there is nothing to process.
  if (b.type === "app_rate_limited") return "ack";
  const type = typeof b.type === "string" ? b.type : "";
  const schema = Object.hasOwn(ENVELOPES, type) ? ENVELOPES[type] : undefined;
  // Legacy attachments, dialogs and workflow steps are not used by this app: Bolt would route them nowhere.
  if (!schema) return { malformed: `unknown request type ${JSON.stringify(type).slice(0, 60)}` };
  return check(schema, type);
}

/** HTTP: a malformed request gets 400 at once; anything else Bolt failed on is answered as Bolt would. */
export async function answerMalformedHttp(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof MalformedRequest)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  args.logger.warn(`Refused a malformed request: ${args.error.message}`);
  if (!args.response.headersSent) {
    args.response.writeHead(400);
    args.response.end();
  }
  // Answered: the receiver stops waiting for an ack.
  return true;
}

/** Socket Mode has no status codes: a malformed request is acked, so Slack does not send it again. */
export async function answerMalformedSocket(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof MalformedRequest)) return defaultSocketModeErrorHandler(args);
  args.logger.warn(`Refused a malformed request: ${args.error.message}`);
  return true;
}
