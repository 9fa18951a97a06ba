// node-cron is the clock: it fires once a minute and hands over to the tick,
// which works out from the database what is due. The run coordinator lets one
// replica run each fire; a missed or slow fire loses nothing, because the next
// tick finds the same due work.
import cron, { type RunCoordinator, type ScheduledTask } from "node-cron";
import type { Logger } from "pino";

export function startMinuteClock(tick: () => Promise<unknown>, coordinator: RunCoordinator, logger: Logger): { stop(): Promise<void> } {
  const task: ScheduledTask = cron.schedule(
    "* * * * *",
    async () => {
      try {
        await tick();
      } catch (error) {
        logger.error({ err: error }, "scheduler tick failed; the next one will retry");
      }
    },
    // A slow tick (a long catch-up) must not overlap the next one on this replica.
    { name: "scheduler-tick", noOverlap: true, distributed: true, runCoordinator: coordinator, distributedLease: 5 * 60_000 },
  );
  return {
    async stop() {
      await task.stop();
    },
  };
}
