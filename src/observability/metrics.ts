// The app's Prometheus metrics, in a registry of their own: each app instance
// has one (tests start many apps in one process, and the global registry would
// mix them or refuse the second). The observers are plain functions, so the
// layers that feed them (requests, Web API, database, scheduler) never import
// prom-client.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DbQuery } from "./dbQueries";
import type { RequestObservation } from "./requests";
import type { WebApiCall } from "./webApiCalls";

const PREFIX = "service_communities_";

/** What the outbox gauges read on each scrape. */
export interface OutboxSource {
  countByKindAndStatus(): Promise<Array<{ kind: string; status: string; count: number }>>;
  /** Seconds since the oldest pending row fell due; 0 when none is due. */
  oldestDueSeconds(): Promise<number>;
}

export interface DispatcherRunCounts {
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
}

/**
 * Folds label values past the first `limit` distinct ones to "other". Ids and
 * codes are bounded by the code already; this is the backstop, so that nothing
 * (a new Slack error code a day, say) grows a series per value forever.
 */
class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(private readonly limit: number) {}

  fold(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return "other";
    this.seen.add(value);
    return value;
  }
}

export class AppMetrics {
  readonly registry = new Registry();

  private readonly ackSeconds = new Histogram({
    name: `${PREFIX}slack_ack_duration_seconds`,
    help: "Requests from Slack, by listener kind and id, and the time from receiving each (verified) to its ack. Slack gives up at 3 s.",
    labelNames: ["kind", "id"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5],
    registers: [this.registry],
  });
  private readonly unacked = new Counter({
    name: `${PREFIX}slack_requests_unacked_total`,
    help: "Requests whose listeners finished without acking: Slack showed the user an error.",
    labelNames: ["kind", "id"] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: `${PREFIX}errors_total`,
    help: "Errors listeners turned into a message, by the app's error code; unexpected: any other error (the person saw a generic apology); unhandled: an error that reached Bolt's error handler.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  private readonly apiCalls = new Counter({
    name: `${PREFIX}slack_api_calls_total`,
    help: "Slack Web API calls (each HTTP attempt), by method and result: ok, Slack's error code, rate_limited (HTTP 429), http_<status>, timeout or request_failed.",
    labelNames: ["method", "result"] as const,
    registers: [this.registry],
  });
  private readonly apiSeconds = new Histogram({
    name: `${PREFIX}slack_api_call_duration_seconds`,
    help: "Time for each Slack Web API call (each HTTP attempt), by method.",
    labelNames: ["method"] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly tickSeconds = new Histogram({
    name: `${PREFIX}dispatcher_tick_duration_seconds`,
    help: "Time of each outbox dispatcher run (one a scheduler tick, on the replica that won it).",
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: `${PREFIX}outbox_deliveries_total`,
    help: "Outbox rows the dispatcher handled, by outcome: sent, skipped, failed, retried.",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  private readonly runs = new Counter({
    name: `${PREFIX}scheduler_runs_total`,
    help: "Scheduler fires (one a minute), by whether this replica ran it (won) or another already had (skipped).",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  private readonly querySeconds = new Histogram({
    name: `${PREFIX}db_query_duration_seconds`,
    help: "Time of each database operation, by Prisma model (raw for SQL) and operation.",
    labelNames: ["model", "operation"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly methods = new BoundedLabel(200);
  private readonly results = new BoundedLabel(200);
  private readonly codes = new BoundedLabel(50);
  private readonly models = new BoundedLabel(50);
  private readonly operations = new BoundedLabel(50);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Counters that start at 0 rather than appearing at their first event, so a rate() sees the first one.
    this.runs.labels("won").inc(0);
    this.runs.labels("skipped").inc(0);
    this.errors.labels("unhandled").inc(0);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition format, reading the outbox gauges first. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  // The observers are arrow functions so they can be handed over unbound.

  readonly observeRequest = (request: RequestObservation): void => {
    if (request.ackSeconds === null) this.unacked.inc({ kind: request.kind, id: request.id });
    else this.ackSeconds.observe({ kind: request.kind, id: request.id }, request.ackSeconds);
  };

  readonly countError = (code: string): void => {
    this.errors.inc({ code: this.codes.fold(code) });
  };

  readonly observeWebApiCall = (call: WebApiCall): void => {
    const method = this.methods.fold(call.method);
    this.apiCalls.inc({ method, result: this.results.fold(call.result) });
    this.apiSeconds.observe({ method }, call.seconds);
  };

  readonly observeDbQuery = (query: DbQuery): void => {
    this.querySeconds.observe({ model: this.models.fold(query.model), operation: this.operations.fold(query.operation) }, query.seconds);
  };

  readonly observeDispatcherRun = (seconds: number, counts: DispatcherRunCounts): void => {
    this.tickSeconds.observe(seconds);
    for (const outcome of ["sent", "skipped", "failed", "retried"] as const) {
      if (counts[outcome]) this.deliveries.inc({ outcome }, counts[outcome]);
    }
  };

  readonly countSchedulerRun = (won: boolean): void => {
    this.runs.inc({ result: won ? "won" : "skipped" });
  };

  /**
   * Outbox rows by kind and status, and the oldest due row's age, read from the
   * database on each scrape (two small queries), so they are true across
   * replicas: every replica reports the same figures (aggregate with max, not sum).
   * A failed read leaves the series out for that scrape rather than failing it.
   */
  watchOutbox(source: OutboxSource, onError: (error: unknown) => void): void {
    new Gauge({
      name: `${PREFIX}outbox_rows`,
      help: "Outbox rows (messages the bot sends later), by kind and status: pending, sent, skipped, failed.",
      labelNames: ["kind", "status"] as const,
      registers: [this.registry],
      async collect() {
        try {
          const groups = await source.countByKindAndStatus();
          this.reset();
          for (const g of groups) this.set({ kind: g.kind, status: g.status }, g.count);
        } catch (error) {
          this.reset();
          onError(error);
        }
      },
    });
    new Gauge({
      name: `${PREFIX}outbox_oldest_due_seconds`,
      help: "How late the dispatcher is: seconds since the oldest pending row fell due (0 when none is due).",
      registers: [this.registry],
      async collect() {
        try {
          this.set(await source.oldestDueSeconds());
        } catch (error) {
          // Unknown, not 0 (which would say "on time").
          this.set(Number.NaN);
          onError(error);
        }
      },
    });
  }
}
