// Collapses bursts of work for one key. A request is always followed by a run
// that starts after it, but requests arriving while a run is still queued share
// that run: 200 people answering a meeting at once cost a handful of message
// updates, not 200 (chat.update is rate limited), and the last run always
// reads the latest state.
import { Serialised } from "./serialised";

export class Coalesced {
  private readonly queued = new Map<string, Promise<void>>();
  private readonly serial = new Serialised();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const run = this.serial.run(key, async () => {
      // From here on, new requests need a run of their own, after this one.
      this.queued.delete(key);
      await work();
    });
    this.queued.set(key, run);
    return run;
  }
}
