// At most one message a second to each channel or person, as Slack asks of
// chat.postMessage; different targets go in parallel. Pacing is real time
// (Slack's limit is), not the injected clock.

export class Pacer {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1000,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Waits until `target` may get its next message, and books that slot. */
  async wait(target: string): Promise<void> {
    const previous = this.last.get(target);
    // Book before sleeping, so two callers for one target queue rather than both waking at once.
    const slot = previous === undefined ? this.now() : Math.max(this.now(), previous + this.intervalMs);
    this.last.set(target, slot);
    const delay = slot - this.now();
    if (delay > 0) await this.sleep(delay);
    if (this.last.size > 10_000) this.forgetIdle();
  }

  /**
   * Marks that `target`'s message has been answered: its next slot counts from
   * now, not from when this one started, so Slack sees the full gap between
   * two messages however long the first took to reach it.
   */
  finished(target: string): void {
    const slot = this.last.get(target);
    if (slot !== undefined) this.last.set(target, Math.max(slot, this.now()));
  }

  private forgetIdle(): void {
    const cutoff = this.now() - this.intervalMs;
    for (const [target, at] of this.last) if (at < cutoff) this.last.delete(target);
  }
}
