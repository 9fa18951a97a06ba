// GET /healthz, the cheap liveness check: 200 while the database answers, with how
// late the outbox dispatcher is, so an operator sees a stuck scheduler at a glance.
import type { CustomRoute } from "@slack/bolt";
import { type Clock, systemClock } from "../domain/common/clock";
import type { Store } from "../domain/ports";

/** How late the dispatcher is: the age of the oldest due row still pending (0 when none is). */
export async function dispatcherLateness(store: Store, clock: Clock): Promise<number> {
  const now = clock.now();
  const oldest = await store.outbox.oldestDuePending(now);
  return oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0;
}

export function healthRoute(store: Store, clock: Clock = systemClock): CustomRoute {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req, res) => {
      store.ping().then(
        async (ok) => {
          const lateSeconds = ok ? await dispatcherLateness(store, clock).catch(() => null) : null;
          res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              status: ok ? "ok" : "unavailable",
              database: ok ? "up" : "down",
              dispatcher: { oldestDuePendingSeconds: lateSeconds },
            }),
          );
        },
        () => {
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ status: "unavailable", database: "down" }));
        },
      );
    },
  };
}
