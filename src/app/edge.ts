// The edge between Slack's requests and the listeners. Every request gets an
// answer inside Slack's 3 seconds, whatever its shape:
// - a body that is not one Slack sends is refused before Bolt sees it
//   (envelope.ts);
// - a well-formed request that no listener takes (a button, form, list or
//   shortcut renamed since its message was posted) goes to a fallback, which
//   acks and tells the person (see fallbacks.ts). The app records what each
//   listener was registered for, so a fallback answers exactly what Bolt's own
//   matching would leave unanswered.
import {
  type AnyMiddlewareArgs,
  App,
  type BlockAction,
  type Middleware,
  matchCommandName,
  matchConstraints,
  matchEventType,
  type ReceiverEvent,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackOptionsMiddlewareArgs,
  type SlackShortcutMiddlewareArgs,
  type SlackViewMiddlewareArgs,
} from "@slack/bolt";
// Bolt's context type, which its index does not export: use() keeps Bolt's own signature.
import type { StringIndexed } from "@slack/bolt/dist/types/utilities";
import { checkEnvelope, MalformedRequest } from "./envelope";

/** The listener kinds that have a fallback. */
export type ListenerKind = "action" | "view" | "options" | "shortcut" | "command";
/** Every kind the app routes: events too (Bolt acks them itself, so they need no fallback). */
type RoutedKind = ListenerKind | "event";

/**
 * What each kind's fallback is given. Actions are block_actions only: the
 * edge refuses the legacy kinds (attachments, dialogs, workflow steps).
 */
export interface FallbackArgs {
  action: SlackActionMiddlewareArgs<BlockAction>;
  view: SlackViewMiddlewareArgs;
  options: SlackOptionsMiddlewareArgs<"block_suggestion">;
  shortcut: SlackShortcutMiddlewareArgs;
  command: SlackCommandMiddlewareArgs;
}

type Matcher = Middleware<AnyMiddlewareArgs>;
type Constraint = string | RegExp | object;
/** What Bolt hands every middleware: the request's arguments, its context, client and logger, and next(). */
type Args = Parameters<Matcher>[0];

/** One registration: Bolt's own matching for its constraint, and the listener middleware to run when it matches. */
interface Route {
  /** Bolt's matching, or undefined when the id the route was found by is the whole of it (a plain id; see record()). */
  matcher: Matcher | undefined;
  listeners: Matcher[];
  /** Registration order: Bolt runs every matching listener, in this order. */
  order: number;
}

const KINDS: readonly RoutedKind[] = ["action", "view", "options", "shortcut", "command", "event"];

/**
 * Bolt's App, checking every request at the edge, recording what its listeners
 * take, and routing each request to them itself.
 *
 * Why route: Bolt runs every registered listener for every request, each with a
 * copy of the request's arguments and its own chain of matching middleware: with
 * the app's 40-odd listeners each `/community help` paid about 0.23 ms of CPU
 * just to be told "not mine" 40 times, and with one Bolt listener per kind still
 * about 18 KB of garbage a request. So Bolt has no listeners here: one global
 * middleware, registered after every other, tells the request's kind as Bolt's
 * own filters do (onlyCommands, onlyActions…), finds its candidates by id in a
 * map (and tries the few pattern-registered ones), confirms each with Bolt's own
 * matching where the id alone does not decide it, and runs every one that
 * matches, as Bolt would. What nothing takes goes to the kind's fallback.
 */
export class CommunitiesApp extends App {
  /** What each listener was registered for, as given: the fallbacks answer the rest, and tests enumerate the listeners from it. */
  readonly registered: Record<ListenerKind, Constraint[]> = { action: [], view: [], options: [], shortcut: [], command: [] };
  /** Routes registered with a plain id (or an object naming one), by that id. */
  private readonly byId = Object.fromEntries(KINDS.map((kind) => [kind, new Map<string, Route[]>()])) as Record<
    RoutedKind,
    Map<string, Route[]>
  >;
  /** Routes registered with a pattern: tried for every request of their kind (there are few). */
  private readonly patterned = Object.fromEntries(KINDS.map((kind) => [kind, [] as Route[]])) as Record<RoutedKind, Route[]>;
  private readonly fallbacks: Partial<Record<ListenerKind, Matcher>> = {};
  /** Set once the router is installed: global middleware added after it would never run before a listener. */
  private routing = false;
  private routes = 0;

  /**
   * `decides`: the route's id is the whole of Bolt's matching for it, so finding
   * it by that id is the match (Bolt's matcher would compare the same field).
   */
  private record(
    kind: RoutedKind,
    constraint: Constraint,
    matcher: Matcher,
    listeners: Matcher[],
    id: string | undefined,
    decides: boolean,
  ): void {
    if (kind !== "event") this.registered[kind].push(constraint);
    const route: Route = { matcher: id !== undefined && decides ? undefined : matcher, listeners, order: this.routes++ };
    if (id === undefined) this.patterned[kind].push(route);
    else {
      const list = this.byId[kind].get(id) ?? [];
      list.push(route);
      this.byId[kind].set(id, list);
    }
    this.installRouter();
  }

  // Each records what it was given, with Bolt's own matching for it (normalised
  // exactly as App normalises it). Callers still see App's typed overloads: the
  // registries take an App.
  override action(constraint: Constraint, ...listeners: never[]): void {
    const normalised = isId(constraint) ? { action_id: constraint } : constraint;
    // A plain action_id: Bolt compares the click's action_id, which is the id it was found by.
    this.record(
      "action",
      constraint,
      matchConstraints(normalised) as Matcher,
      listeners,
      plainId(normalised, "action_id"),
      typeof constraint === "string",
    );
  }

  override view(constraint: Constraint, ...listeners: never[]): void {
    const normalised = isId(constraint) ? { callback_id: constraint, type: "view_submission" } : constraint;
    this.record("view", constraint, matchConstraints(normalised) as Matcher, listeners, plainId(normalised, "callback_id"), false);
  }

  override options(constraint: Constraint, ...listeners: never[]): void {
    const normalised = isId(constraint) ? { action_id: constraint } : constraint;
    this.record(
      "options",
      constraint,
      matchConstraints(normalised) as Matcher,
      listeners,
      plainId(normalised, "action_id"),
      typeof constraint === "string",
    );
  }

  override shortcut(constraint: Constraint, ...listeners: never[]): void {
    const normalised = isId(constraint) ? { callback_id: constraint } : constraint;
    this.record("shortcut", constraint, matchConstraints(normalised) as Matcher, listeners, plainId(normalised, "callback_id"), false);
  }

  override command(name: string | RegExp, ...listeners: never[]): void {
    this.record("command", name, matchCommandName(name) as Matcher, listeners, typeof name === "string" ? name : undefined, true);
  }

  override event(name: string | RegExp, ...listeners: never[]): void {
    // Bolt refuses "message.channels" and the like (not event types) with its own error: let it.
    if (typeof name === "string" ? name.startsWith("message.") : name.source.startsWith("message\\."))
      super.event(name as string, ...listeners);
    this.record("event", name, matchEventType(name) as Matcher, listeners, typeof name === "string" ? name : undefined, true);
  }

  /**
   * Answers every request of its kind that no recorded listener takes. The
   * router calls it only for requests of its kind (kindOf), so each overload
   * promises its kind's arguments, as App's own action(), view()… do.
   */
  otherwise(kind: "action", listener: Middleware<FallbackArgs["action"]>): void;
  otherwise(kind: "view", listener: Middleware<FallbackArgs["view"]>): void;
  otherwise(kind: "options", listener: Middleware<FallbackArgs["options"]>): void;
  otherwise(kind: "shortcut", listener: Middleware<FallbackArgs["shortcut"]>): void;
  otherwise(kind: "command", listener: Middleware<FallbackArgs["command"]>): void;
  otherwise(kind: ListenerKind, listener: Middleware<never>): void {
    this.fallbacks[kind] = listener as Matcher;
    this.installRouter();
  }

  /** Global middleware runs before the router only if it was added first. */
  override use<C extends StringIndexed = StringIndexed>(middleware: Middleware<AnyMiddlewareArgs, StringIndexed & C>): this {
    if (this.routing)
      throw new Error("CommunitiesApp.use: add global middleware before any listener, so that it runs before the listeners");
    return super.use(middleware);
  }

  /** The router: the last global middleware, registered with the first listener. */
  private installRouter(): void {
    if (this.routing) return;
    super.use((args) => this.dispatch(args));
    this.routing = true;
  }

  private async dispatch(args: Args): Promise<void> {
    const kind = kindOf(args);
    if (kind !== undefined) {
      const id = requestId(kind, args.body as Record<string, unknown>);
      const exact = id === undefined ? undefined : this.byId[kind].get(id);
      const patterned = this.patterned[kind];
      const candidates = !exact ? patterned : patterned.length === 0 ? exact : [...exact, ...patterned].sort((a, b) => a.order - b.order);
      const matched: Route[] = [];
      for (const route of candidates) {
        if (!route.matcher) {
          matched.push(route);
          continue;
        }
        let matches = false;
        // The request's own context: regex matches are recorded there for the listener, as in Bolt.
        await route.matcher({
          ...args,
          next: async () => {
            matches = true;
          },
        });
        if (matches) matched.push(route);
      }
      if (matched.length === 0) {
        const fallback = kind === "event" ? undefined : this.fallbacks[kind];
        if (fallback) await fallback(args);
      } else if (matched.length === 1) await runChain(matched[0]!.listeners, args);
      // Bolt runs the listeners that match side by side and reports each failure to app.error.
      else await Promise.all(matched.map((route) => runChain(route.listeners, args)));
    }
    // Bolt's own listener stage: empty, since every registration above is routed here.
    await args.next();
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const verdict = checkEnvelope(event.body);
    if (verdict === "ack") return event.ack();
    if (verdict !== "process") throw new MalformedRequest(verdict.malformed);
    return super.processEvent(event);
  }
}

function isId(constraint: unknown): constraint is string | RegExp {
  return typeof constraint === "string" || constraint instanceof RegExp;
}

/** The plain id a normalised constraint names, if it names one (a pattern does not). */
function plainId(constraint: object | string | RegExp, field: "action_id" | "callback_id"): string | undefined {
  const value = (constraint as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

/** The request's kind, told as Bolt's onlyActions, onlyCommands… filters tell it from the arguments Bolt built. */
function kindOf(args: Args): RoutedKind | undefined {
  if ("command" in args && args.command) return "command";
  if ("action" in args && args.action) return "action";
  if ("options" in args && args.options) return "options";
  if ("shortcut" in args && args.shortcut) return "shortcut";
  if ("view" in args) return "view";
  if ("event" in args && args.event !== undefined) return "event";
  return undefined;
}

/** The id Slack sent, as the constraints name it: a click's action_id, a form's callback_id, a command's name, an event's type. */
function requestId(kind: RoutedKind, body: Record<string, unknown>): string | undefined {
  const read = (value: unknown) => (typeof value === "string" ? value : undefined);
  if (kind === "action") return read((body.actions as Array<{ action_id?: unknown }> | undefined)?.[0]?.action_id);
  if (kind === "view") return read((body.view as { callback_id?: unknown } | undefined)?.callback_id);
  if (kind === "options") return read(body.action_id);
  if (kind === "shortcut") return read(body.callback_id);
  if (kind === "event") return read((body.event as { type?: unknown } | undefined)?.type);
  return read(body.command);
}

/** Runs listener middleware as Bolt chains it: each calls next() to go on to the one after. */
function runChain(listeners: readonly Matcher[], args: Args, at = 0): Promise<void> {
  const listener = listeners[at];
  if (!listener) return Promise.resolve();
  return Promise.resolve(listener({ ...args, next: () => runChain(listeners, args, at + 1) }));
}
