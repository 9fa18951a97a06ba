// Email's pacing: one rate for every recipient (Notify's 3,000 a minute is per
// service, an SMTP server's limit per account), spread evenly rather than in
// bursts, and a stop for everyone when the provider says "too many" (a 429 is
// about the whole service, not the one recipient). Real time, as the providers'
// limits are. Across replicas the outbox's claims share the minute's allowance
// (ClaimLimits.perMinute); this spaces one process's sends inside it.
import type { DispatchPacer } from "../dispatcher";

export class MailPacer implements DispatchPacer {
  private next = 0;
  private pausedUntil = 0;
  private readonly intervalMs: number;

  constructor(
    perMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.intervalMs = perMinute > 0 ? 60_000 / perMinute : 0;
  }

  async wait(): Promise<void> {
    if (this.intervalMs === 0) return;
    // Book before sleeping, so concurrent senders queue one interval apart.
    const slot = Math.max(this.now(), this.next);
    this.next = slot + this.intervalMs;
    const delay = slot - this.now();
    if (delay > 0) await this.sleep(delay);
  }

  finished(): void {}

  rateLimited(_target: string, retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfterMs);
  }

  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }
}
