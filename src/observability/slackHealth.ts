// Whether Slack has answered recently, for /readyz. Every Web API result the
// process sees is recorded here (the start-up check, the heartbeat, and the
// calls listeners and the dispatcher make), so a replica that has lost its
// route to Slack stops reporting ready within the window.
import type { Clock } from "../domain/common/clock";

/** How long one good answer from Slack counts for. */
export const SLACK_ANSWER_WINDOW_MS = 3 * 60_000;

export interface SlackHealthReport {
  ok: boolean;
  /** Seconds since Slack last answered; null if it never has. */
  lastAnswerSecondsAgo: number | null;
  /** What went wrong last, when the last attempt failed. */
  lastError?: string;
}

export class SlackHealth {
  private lastSuccessAt?: number;
  private lastFailure?: { at: number; error: string };

  constructor(
    private readonly clock: Clock,
    private readonly windowMs = SLACK_ANSWER_WINDOW_MS,
  ) {}

  /** Slack answered (an ok result, or an ok:false that still came from Slack). */
  recordSuccess(): void {
    this.lastSuccessAt = this.clock.now().getTime();
    this.lastFailure = undefined;
  }

  /** No answer: a network error, a time-out, a 5xx; or a token Slack refused. */
  recordFailure(error: string): void {
    this.lastFailure = { at: this.clock.now().getTime(), error };
  }

  /** How long since Slack last answered, so the heartbeat knows when to ask. */
  quietForMs(): number {
    return this.lastSuccessAt === undefined ? Number.POSITIVE_INFINITY : this.clock.now().getTime() - this.lastSuccessAt;
  }

  report(): SlackHealthReport {
    const now = this.clock.now().getTime();
    const fresh = this.lastSuccessAt !== undefined && now - this.lastSuccessAt <= this.windowMs;
    // A failure after the last success means the route is broken now, even inside the window.
    const failingNow = this.lastFailure !== undefined && (this.lastSuccessAt === undefined || this.lastFailure.at > this.lastSuccessAt);
    return {
      ok: fresh && !failingNow,
      lastAnswerSecondsAgo: this.lastSuccessAt === undefined ? null : Math.round((now - this.lastSuccessAt) / 1000),
      ...(this.lastFailure && failingNow ? { lastError: this.lastFailure.error } : {}),
    };
  }
}
