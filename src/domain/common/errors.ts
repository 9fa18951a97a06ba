// Coded errors: the domain throws them with a code (what happened, for
// programs) and a reason (what to tell the person, as a key and parameters);
// only the Slack edge turns the reason into words (src/i18n), as an ephemeral
// message or a per-field modal error.
import type { FieldErrors, Reason } from "./reasons";

/**
 * Every code an AppError may carry, and what it means. A listener, a metric
 * (errors_total{code}) or a test may act on the code; the words people read
 * are the message's business. Pick by what happened, not by where:
 */
export const ERROR_CODES = {
  /** What was typed or chosen cannot be used as it is; the person can correct it and try again. */
  invalid_input: "the input cannot be used as it is",
  /** The person may not do this (only organisers may, or only members, or only the person who logged it). */
  forbidden: "not allowed for this person",
  /** What the request names does not exist, or not in this workspace. */
  not_found: "no such thing here",
  /** Someone got there first: a change made at the same moment (a lost race), or a name already taken. */
  conflict: "someone else changed or took it first",
  /** It existed but is over: an invitation expired or answered, a meeting cancelled or past, a problem closed, a form that lost its context. */
  gone: "it is over, expired or closed",
  /** The person is not a member of the community, which this needs. */
  not_member: "not a member of the community",
  /** The community's last organiser cannot leave or step down. */
  last_organiser: "a community needs at least one organiser",
  /** Slack refused what the bot asked of it (a channel name taken, a channel it cannot use), or did not answer as it should. */
  slack_refused: "Slack refused the request",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The reason in one line for a log: its key and parameters (typed values included, so it is for logs only). */
function describe(reason: Reason): string {
  const { key, ...params } = reason;
  const shown = Object.keys(params).length ? ` ${JSON.stringify(params)}` : "";
  return `${key}${shown.length > 300 ? `${shown.slice(0, 299)}…` : shown}`;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** What to tell the person, as data: src/i18n words it in their language. */
    readonly reason: Reason,
    /** For modal submissions: which input (by field name) the reason belongs to. */
    readonly field?: string,
  ) {
    // The Error's own message is for logs: the code and the reason's key, never the user's sentence.
    super(`${code}: ${describe(reason)}`);
    this.name = "AppError";
  }
}

/** Several field errors at once, for a modal that shows each beside its input. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    code: ErrorCode = "invalid_input",
  ) {
    const [first = { key: "form.unreadable" } as const] = Object.values(fieldErrors);
    super(code, first);
    this.message = `${code}: ${Object.entries(fieldErrors)
      .map(([field, reason]) => `${field}=${describe(reason)}`)
      .join("; ")}`;
    this.name = "ValidationError";
  }
}
