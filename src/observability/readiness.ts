// GET /readyz, for load balancers and Kubernetes readiness probes: 200 only when
// this replica can do its job now: the database answers, its schema has every
// migration this build ships, Slack has answered recently and, in Socket Mode,
// the socket is connected. Otherwise 503, with a JSON body that says which part
// failed. GET /healthz stays the cheap liveness check (the process is alive).
import type { CustomRoute } from "@slack/bolt";
import type { Store } from "../domain/ports";
import type { SlackHealth } from "./slackHealth";

export interface ReadinessChecks {
  store: Store;
  slack: SlackHealth;
  /** Socket Mode only: whether the socket is connected now. */
  socketConnected?: () => boolean;
  /** Why the process is not ready for reasons of its own (starting, warming, stopping), or undefined. */
  lifecycle: () => string | undefined;
}

interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

/** A good migrations answer is kept this long: it only changes when someone deploys. */
const MIGRATIONS_CACHE_MS = 10_000;

export class Readiness {
  private migrationsOkUntil = 0;

  constructor(private readonly checks: ReadinessChecks) {}

  async report(): Promise<{ ready: boolean; body: Record<string, unknown> }> {
    const { store, slack, socketConnected, lifecycle } = this.checks;
    const database: CheckResult = { ok: await store.ping().catch(() => false) };
    let migrations: CheckResult;
    if (!database.ok) migrations = { ok: false, error: "the database does not answer" };
    else if (performance.now() < this.migrationsOkUntil) migrations = { ok: true, pending: [] };
    else {
      try {
        const pending = await store.pendingMigrations();
        migrations = pending.length ? { ok: false, pending, fix: "run `npm run db:deploy` with this release" } : { ok: true, pending: [] };
        if (migrations.ok) this.migrationsOkUntil = performance.now() + MIGRATIONS_CACHE_MS;
      } catch (error) {
        migrations = { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
      }
    }
    const slackReport = slack.report();
    const parts: Record<string, CheckResult> = { database, migrations, slack: { ...slackReport } };
    if (socketConnected) parts.socket = { ok: socketConnected() };
    const why = lifecycle();
    const ready = !why && Object.values(parts).every((part) => part.ok);
    return {
      ready,
      body: {
        status: ready ? "ready" : "not ready",
        ...(why ? { reason: why } : {}),
        failing: Object.keys(parts).filter((k) => !parts[k].ok),
        checks: parts,
      },
    };
  }

  route(): CustomRoute {
    return {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) => {
        this.report().then(
          ({ ready, body }) => {
            res.writeHead(ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
            res.end(JSON.stringify(body));
          },
          () => {
            res.writeHead(503, { "content-type": "application/json", "cache-control": "no-store" });
            res.end(JSON.stringify({ status: "not ready", failing: ["readiness"] }));
          },
        );
      },
    };
  }
}
