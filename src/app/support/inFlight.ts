// Counts listener work still running after its ack, so shutdown can wait for it
// (and tests can wait for it instead of sleeping).
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private waiters: Array<() => void> = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
      if (this.running.size === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running. */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
