// Web API calls made before an ack, inside Slack's 3-second budget.
import { ErrorCode, type WebAPIRateLimitedError } from "@slack/web-api";

/** The longest Retry-After we wait out before an ack; anything longer is reported. */
const WAIT_BEFORE_ACK_MAX_SECONDS = 1;

function rateLimited(error: unknown): error is WebAPIRateLimitedError {
  return (error as { code?: unknown } | null)?.code === ErrorCode.RateLimitedError;
}

/**
 * Runs a call on the before-ack client (no automatic retries). A rate limit short
 * enough to fit the budget is honoured with one retry; a longer one is thrown for
 * the caller to report.
 */
export async function beforeAck<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!rateLimited(error) || error.retryAfter > WAIT_BEFORE_ACK_MAX_SECONDS) throw error;
    await new Promise((resolve) => setTimeout(resolve, error.retryAfter * 1000));
    return call();
  }
}

/** A sentence for a rate limit or a time-out, or null for other errors. */
export function busyProblem(error: unknown): string | null {
  if (rateLimited(error)) return `Slack is busy right now. Please try again in ${Math.max(1, Math.ceil(error.retryAfter))} seconds.`;
  const code = (error as { code?: unknown; original?: { code?: unknown; name?: unknown } } | null)?.code;
  if (code === ErrorCode.RequestError) return "Slack did not answer in time. Please try again.";
  return null;
}
