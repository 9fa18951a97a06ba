// An outbox kind as the domain sees it: its name, the payload its rows carry
// (a zod schema) and what the rows are about. Producers plan rows with the
// kind's `row`, which checks the payload against the schema as it is written;
// the dispatcher parses it with the same schema when the row falls due, so the
// payload written is the payload read.
//
// Why each kind is two files of the same name: what a due row becomes is Slack
// messages, built with src/views, which the domain may not import; the planners
// that write rows are in the domain. So the half the planners need lives here
// (src/domain/outbox/), and the half that builds messages lives beside the
// dispatcher (src/scheduler/kinds/), importing this one.
import type { z } from "zod";
import type { NewOutboxRow, OutboxChannel } from "../ports";

export type Payload = Record<string, unknown>;

/**
 * What a kind's rows name in subjectId (for example the meeting a reminder is for). "round":
 * the meeting whose live-projects round a question belongs to; apart from "meeting" so that
 * editing the meeting, which replans its reminders, leaves questions already planned alone.
 */
export type OutboxSubject = "meeting" | "community" | "invitation" | "action" | "round";

export interface OutboxKind<N extends string = string, P extends Payload = Payload> {
  readonly name: N;
  readonly payload: z.ZodType<P>;
  readonly about: OutboxSubject;
  /** Which dispatcher sends its rows: Slack's, or the email dispatcher (src/scheduler/mail/). */
  readonly channel: OutboxChannel;
  /** The row to plan, with its payload checked against the schema (a bug throws here, not when the row falls due). */
  row(fields: Omit<NewOutboxRow, "kind" | "payload" | "channel"> & { payload: P }): NewOutboxRow;
}

export function outboxKind<const N extends string, P extends Payload>(definition: {
  name: N;
  about: OutboxSubject;
  payload: z.ZodType<P>;
  /** "slack" unless given. */
  channel?: OutboxChannel;
}): OutboxKind<N, P> {
  const channel = definition.channel ?? "slack";
  return {
    ...definition,
    channel,
    row: (fields) => ({ ...fields, kind: definition.name, channel, payload: definition.payload.parse(fields.payload) }),
  };
}
