// Coded errors: the domain throws them, and only the Slack listener turns them
// into an ephemeral message or a per-field modal error.

export type ErrorCode =
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "name_taken"
  | "not_member"
  | "last_organiser"
  | "slack_error";

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
  constructor(readonly fieldErrors: Record<string, string>) {
    super("invalid_input", Object.values(fieldErrors).join(" "));
    this.name = "ValidationError";
  }
}

