// Web API calls made before an ack, inside Slack's 3-second budget.
import { ErrorCode, type WebAPIRateLimitedError } from "@slack/web-api";
import type { Reason } from "../domain/common/reasons";

/** The longest Retry-After we wait out before an ack; anything longer is reported. */
const WAIT_BEFORE_ACK_MAX_SECONDS = 1;

/**
 * Slack waits 3 s for an ack. Work before it gets 2.5 s in all, measured from
 * when the request arrived (real time, not the domain clock), leaving room for
 * the ack itself.
 */
export const BEFORE_ACK_BUDGET_MS = 2500;

/** The before-ack client's timeout for one call (see outbound/slackClients.ts). */
export const BEFORE_ACK_CALL_TIMEOUT_MS = 1500;

/** When the before-ack budget of a request that arrived now runs out. */
export function beforeAckDeadline(): number {
  return performance.now() + BEFORE_ACK_BUDGET_MS;
}

function rateLimited(error: unknown): error is WebAPIRateLimitedError {
  return (error as { code?: unknown } | null)?.code === ErrorCode.RateLimitedError;
}

/**
 * Runs a call on the before-ack client (no automatic retries). A rate limit is
 * honoured with one retry only when the wait and a whole second call still fit
 * before `deadline`; otherwise it is thrown for the caller to report.
 */
export async function beforeAck<T>(call: () => Promise<T>, deadline: number): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!rateLimited(error) || error.retryAfter > WAIT_BEFORE_ACK_MAX_SECONDS) throw error;
    const waitMs = error.retryAfter * 1000;
    if (performance.now() + waitMs + BEFORE_ACK_CALL_TIMEOUT_MS > deadline) throw error;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    return call();
  }
}

/** The reason to give for a rate limit or a time-out, or null for other errors. */
export function busyProblem(error: unknown): Reason | null {
  if (rateLimited(error)) return { key: "slack.busy", seconds: Math.max(1, Math.ceil(error.retryAfter)) };
  const code = (error as { code?: unknown; original?: { code?: unknown; name?: unknown } } | null)?.code;
  if (code === ErrorCode.RequestError) return { key: "slack.no_answer" };
  return null;
}
