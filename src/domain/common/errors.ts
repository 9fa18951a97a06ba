// Coded errors: the domain throws them, and only the Slack listener turns them
// into an ephemeral message or a per-field modal error.

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

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Written for the person who will read it in Slack. */
    readonly userMessage: string,
    /** For modal submissions: which input (by field name) the message belongs to. */
    readonly field?: string,
  ) {
    super(userMessage);
    this.name = "AppError";
  }
}

/** Several field errors at once, for a modal that shows each beside its input. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    code: ErrorCode = "invalid_input",
  ) {
    super(code, Object.values(fieldErrors).join(" "));
    this.name = "ValidationError";
  }
}
