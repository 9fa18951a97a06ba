// Times each request Slack sends, from the moment Bolt receives it (verified
// and parsed) to its ack, by listener kind and id.
//
// The timer sits around App.processEvent, which every receiver (HTTP and
// Socket Mode) calls for each request: it is the one place that sees the ack
// function itself. Middleware cannot wrap ack, because Bolt hands each
// middleware a copy of the arguments and the listeners keep the original.
//
// Ids are folded to a known set (the app's own action and callback ids, the
// subcommands of /community, the events it listens to), so a typed word or an
// unexpected payload cannot add series: anything else is "other".
import type { App, ReceiverEvent } from "@slack/bolt";
import { subcommands } from "../app/commands/registry";
import { ACTION, CALLBACK, COMMAND } from "../views/ids";

export type ListenerKind = "command" | "action" | "view" | "options" | "shortcut" | "event" | "other";

export interface RequestObservation {
  kind: ListenerKind;
  id: string;
  /** Seconds to the ack; null when the listeners finished without acking (Slack then shows the user an error). */
  ackSeconds: number | null;
}

export type RequestObserver = (request: RequestObservation) => void;

/** customProperties for a request the process sends itself (the warm-up): processed as any other, and not counted. */
export const WARM_UP = Object.freeze({ warmUp: true });

const OTHER = "other";
const ACTION_IDS: ReadonlySet<string> = new Set(Object.values(ACTION));
const CALLBACK_IDS: ReadonlySet<string> = new Set(Object.values(CALLBACK));
/** The events registered in app/events (and subscribed in manifest.yml). */
const EVENT_TYPES: ReadonlySet<string> = new Set(["app_home_opened", "member_joined_channel"]);

let subcommandNames: Map<string, string> | undefined;
/** Every name and alias of a subcommand, to its name (built once: the router's lookup builds its list each call). */
function subcommandName(word: string): string | undefined {
  subcommandNames ??= new Map(subcommands().flatMap((s) => [s.name, ...(s.aliases ?? [])].map((w) => [w, s.name] as [string, string])));
  return subcommandNames.get(word.toLowerCase());
}

const known = (set: ReadonlySet<string>, id: unknown): string => (typeof id === "string" && set.has(id) ? id : OTHER);

/** The listener kind and bounded id of a request body, as the routers in app/ would see it. */
// biome-ignore lint/suspicious/noExplicitAny: a body is whatever JSON Slack sent; each field is checked with typeof or known() before use.
export function classifyRequest(body: Record<string, any>): { kind: ListenerKind; id: string } {
  if (typeof body.command === "string") {
    if (body.command !== COMMAND) return { kind: "command", id: OTHER };
    // As the router reads it: no text is help.
    const word =
      String(body.text ?? "")
        .trim()
        .split(/\s+/, 1)[0] || "help";
    return { kind: "command", id: subcommandName(word) ?? OTHER };
  }
  switch (body.type) {
    case "block_actions":
      return { kind: "action", id: known(ACTION_IDS, body.actions?.[0]?.action_id) };
    case "view_submission":
    case "view_closed":
      return { kind: "view", id: known(CALLBACK_IDS, body.view?.callback_id) };
    case "block_suggestion":
      return { kind: "options", id: known(ACTION_IDS, body.action_id) };
    case "shortcut":
    case "message_action":
      return { kind: "shortcut", id: known(CALLBACK_IDS, body.callback_id) };
    case "event_callback":
      return { kind: "event", id: known(EVENT_TYPES, body.event?.type) };
    default:
      return { kind: "other", id: OTHER };
  }
}

/** Reports every request `app` processes to `onRequest` (once: at its ack, or at its end when it was never acked). */
export function instrumentRequests(app: App, onRequest: RequestObserver): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    if (event.customProperties?.warmUp === true) return processEvent(event);
    const started = performance.now();
    const { kind, id } = classifyRequest(event.body);
    let acked = false;
    const ack = event.ack;
    event.ack = (response) => {
      if (!acked) {
        acked = true;
        onRequest({ kind, id, ackSeconds: (performance.now() - started) / 1000 });
      }
      return ack(response);
    };
    try {
      await processEvent(event);
    } finally {
      if (!acked) {
        // A late ack (none in this app: listeners ack first) must not count the request twice.
        acked = true;
        onRequest({ kind, id, ackSeconds: null });
      }
    }
  };
}
