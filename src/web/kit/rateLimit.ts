// Per-client limits on the web forms: a token bucket per client address, in this
// process's memory. With several replicas each keeps its own buckets, so a
// client spread across N replicas by the load balancer gets up to N times the
// limit: enough to stop a script hammering a form, which is what it is for (see
// README, "Web pages"). Timed by the app's clock, so tests move time instead of waiting.
import type { Clock } from "../../domain/common/clock";

export interface RateDecision {
  allowed: boolean;
  /** When refused: whole seconds until one more request is allowed (for Retry-After). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept at most; the least recently used goes first beyond it, so a flood of addresses cannot grow memory without end. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /** `perMinute` requests a minute on average, in bursts of up to `perMinute`. */
  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {
    this.perMs = perMinute / 60_000;
  }

  take(client: string): RateDecision {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    // Re-inserted, so the Map's order is least recently used first.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }
}
