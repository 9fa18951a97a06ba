// node-cron's RunCoordinator, backed by the database: each fire of the minute
// task has a key (task name and minute); the first replica to insert it runs
// that fire and the others skip it.
import type { RunCoordinator } from "node-cron";
import type { Clock } from "../domain/common/clock";
import type { RunStore } from "../domain/ports";

/** Fire records older than this are deleted; a day is plenty to read what ran where. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export class DatabaseRunCoordinator implements RunCoordinator {
  constructor(
    private readonly runs: RunStore,
    private readonly owner: string,
    private readonly clock: Clock,
    /** Told whether this replica won each fire (metrics count runs won and skipped). */
    private readonly onDecision?: (won: boolean) => void,
  ) {}

  async shouldRun(key: string): Promise<boolean> {
    const now = this.clock.now();
    const won = await this.runs.tryStart(key, this.owner, now);
    // The winner tidies up; it costs one indexed delete a minute.
    if (won) await this.runs.prune(new Date(now.getTime() - KEEP_MS));
    this.onDecision?.(won);
    return won;
  }

  async onComplete(key: string): Promise<void> {
    await this.runs.finish(key, this.clock.now());
  }
}
