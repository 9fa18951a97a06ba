// The outbox dispatcher: claims due rows, builds each message from current
// data, sends it and marks the row, one channel at a time per channel and many
// channels at once.
//
// Delivery is at least once with one small window: a process that dies after
// Slack accepted a message but before the row is marked sent leaves the row
// claimed, and it is sent again after the lease. The window is one UPDATE long,
// because each row is marked the moment its send returns (never in a batch).
//
// Two instances run: one over the Slack rows and one over the email rows (the
// outbox's `channel`), each with its own sender, failure rules and pacing (see
// compose.ts for why). The claims, leases, retries and marking are this one code.
import type { Logger } from "pino";
import type { Clock } from "../domain/common/clock";
import type { NewOutboxRow, OutboxChannel, OutboxRow, OutboxStore } from "../domain/ports";
import { classifySlackFailure } from "../messaging/slackErrors";
import type { Message } from "../views/blocks";

/** What a due row becomes when its builder reads the current data: M is a Slack message, or an email. */
export type Outcome<M = Message> =
  /**
   * `then`: rows planned once this one is done with, sent or failed for good. Not only once
   * it is sent: what it leads to is owed to others (someone who gets a question both in Slack
   * and by email still gets the email when Slack refuses the DM; members who get the digest
   * by DM or email still get it when the channel refuses the post).
   */
  | { kind: "send"; message: M; then?: NewOutboxRow[] }
  | { kind: "skip"; reason: string }
  /** A row that can never be built (its payload does not parse): failed at once, no retry would change it. */
  | { kind: "fail"; reason: string }
  /** A row that sends nothing itself but becomes others (a reminder becomes one DM a person). */
  | { kind: "expand"; rows: NewOutboxRow[] };

/** What a send that threw means (classifySlackFailure for Slack; the mail port's failures for email). */
export type SendFailure =
  | { type: "rate_limited"; retryAfterMs: number; code: string }
  /** No retry will mend it: the row fails at once and organisers are told. `recipient`: the address or person refuses it. */
  | { type: "permanent"; code: string; recipient?: boolean }
  | { type: "transient"; code: string };

/** Spaces the sends: Slack's is per target (pacer.ts), email's one rate for all (mailPacer.ts). */
export interface DispatchPacer {
  /** Waits until `target` may get its next message, and books that slot. */
  wait(target: string): Promise<void>;
  /** The send to `target` has been answered. */
  finished(target: string): void;
  /** The receiver asked us to slow down; a pacer that holds every target says so through pausedForMs. */
  rateLimited?(target: string, retryAfterMs: number): void;
  /** How long every send must still wait (a provider-wide rate limit), 0 when none. */
  pausedForMs?(): number;
}

export interface TickCounts {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
}

export interface DispatcherSettings {
  /** How long a claim holds before another replica may take the rows. */
  leaseMs: number;
  maxAttempts: number;
  /** The first retry's delay; each later one doubles it. */
  backoffMs: number;
  /** Channels sent to at once. */
  concurrency: number;
  /** Rows of one target a claim takes (at 1 a second, well inside the lease). */
  perTarget: number;
  /**
   * Claims again once this many targets are free (or none is running). 1 for Slack, whose
   * targets each take seconds; email's take milliseconds, and a claim for every one would
   * cost more than the sends.
   */
  claimWhenFree: number;
  /** A tick stops claiming after this long and hands back what it has not tried. */
  budgetMs: number;
}

export const DEFAULT_DISPATCHER_SETTINGS: DispatcherSettings = {
  leaseMs: 3 * 60_000,
  maxAttempts: 5,
  backoffMs: 30_000,
  concurrency: 50,
  perTarget: 60,
  claimWhenFree: 1,
  budgetMs: 50_000,
};

export interface DispatcherDeps<M = Message> {
  outbox: OutboxStore;
  build(row: OutboxRow): Promise<Outcome<M>>;
  send(target: string, message: M, row: OutboxRow): Promise<void>;
  /** What a send that threw means; Slack's rules unless given. */
  classify?(error: unknown): SendFailure;
  /**
   * What follows a refusal for good: rows telling a community's organisers (deduped: once),
   * and for an email whose address refuses mail, the address marked so nothing more goes to it.
   */
  alertFor(row: OutboxRow, code: string, failure: SendFailure & { type: "permanent" }): Promise<NewOutboxRow[]>;
  /**
   * Asked before sending a row whose earlier claim ran out (its process died, perhaps after
   * sending): true marks it sent without sending again. Notify answers by its `reference`.
   */
  alreadySent?(row: OutboxRow): Promise<boolean>;
  /** The rows this instance claims ("slack" unless given). */
  channel?: OutboxChannel;
  /** See ClaimLimits.perMinute: a pace shared by every replica. */
  perMinute?: number;
  clock: Clock;
  pacer: DispatchPacer;
  logger: Logger;
  /** This process, as it appears in claimedBy. */
  owner: string;
  settings?: Partial<DispatcherSettings>;
  /** Real elapsed time for the tick's budget (the injected clock may stand still in tests). */
  elapsed?: () => number;
  /** Told each run's real duration and counts, including a run that failed part-way (metrics). */
  onRun?: (seconds: number, counts: TickCounts) => void;
}

export class Dispatcher<M = Message> {
  private readonly settings: DispatcherSettings;
  private readonly elapsed: () => number;

  constructor(private readonly deps: DispatcherDeps<M>) {
    this.settings = { ...DEFAULT_DISPATCHER_SETTINGS, ...deps.settings };
    const started = performance.now();
    this.elapsed = deps.elapsed ?? (() => performance.now() - started);
  }

  /** One tick's work: claim and deliver until nothing is due or the budget is spent. */
  async run(): Promise<TickCounts> {
    const counts: TickCounts = { claimed: 0, sent: 0, skipped: 0, failed: 0, retried: 0 };
    const startedAt = this.elapsed();
    try {
      return await this.claimAndDeliver(counts, startedAt);
    } finally {
      this.deps.onRun?.((this.elapsed() - startedAt) / 1000, counts);
    }
  }

  private async claimAndDeliver(counts: TickCounts, startedAt: number): Promise<TickCounts> {
    const { outbox, clock, owner } = this.deps;
    const overBudget = () => this.elapsed() - startedAt > this.settings.budgetMs;
    const running = new Set<Promise<void>>();
    // Workers plan rows too (a reminder's DMs, an organiser alert): one that finishes while a
    // claim is reading may have planned rows that claim missed, so it earns another look.
    let finished = 0;
    while (!overBudget()) {
      const free = this.settings.concurrency - running.size;
      let claimed: OutboxRow[] = [];
      const finishedBefore = finished;
      // While a provider-wide rate limit lasts, nothing new is claimed.
      if (free > 0 && (free >= this.settings.claimWhenFree || running.size === 0) && !this.paused()) {
        claimed = await outbox.claim(owner, clock.now(), this.settings.leaseMs, {
          targets: free,
          perTarget: this.settings.perTarget,
          channel: this.deps.channel,
          perMinute: this.deps.perMinute,
        });
        counts.claimed += claimed.length;
        for (const rows of groupByTarget(claimed)) {
          const work: Promise<void> = this.deliverTarget(rows, counts, overBudget).finally(() => {
            running.delete(work);
            finished++;
          });
          running.add(work);
        }
      }
      if (!claimed.length && running.size === 0 && finished === finishedBefore) break;
      // Wait for a channel to finish before claiming more (or, with nothing new, for all of them).
      if (running.size) await Promise.race(running);
    }
    await Promise.all(running);
    return counts;
  }

  private paused(): number {
    return this.deps.pacer.pausedForMs?.() ?? 0;
  }

  /** One target's rows in order, paced; a rate limit or the budget hands the rest back. */
  private async deliverTarget(rows: OutboxRow[], counts: TickCounts, overBudget: () => boolean): Promise<void> {
    const { outbox, owner, clock } = this.deps;
    for (let i = 0; i < rows.length; i++) {
      if (overBudget()) {
        await outbox.release(
          rows.slice(i).map((r) => r.id),
          owner,
        );
        return;
      }
      const pausedMs = this.paused();
      if (pausedMs > 0) {
        // The provider asked everyone to wait: these rows wait as long, with no attempt counted.
        const availableAt = new Date(clock.now().getTime() + pausedMs);
        for (const rest of rows.slice(i))
          await outbox.retryLater(rest.id, owner, availableAt, "waiting out a rate limit", false, clock.now());
        return;
      }
      const outcome = await this.handle(rows[i], counts);
      if (outcome === "pause") {
        // Slack asked this target to slow down: its other rows wait as long (handle moved availableAt on).
        for (const rest of rows.slice(i + 1)) {
          await outbox.retryLater(rest.id, owner, rows[i].availableAt, "waiting out a rate limit", false, this.deps.clock.now());
        }
        return;
      }
    }
  }

  private async handle(row: OutboxRow, counts: TickCounts): Promise<"ok" | "pause"> {
    const { outbox, owner, clock, logger } = this.deps;
    let outcome: Outcome<M>;
    try {
      outcome = await this.deps.build(row);
    } catch (error) {
      // A builder that throws is a bug or a database hiccup: retry like any transient failure.
      logger.error({ err: error, rowId: row.id, kind: row.kind }, "could not build an outbox message");
      await this.retryOrFail(row, `build: ${(error as Error).message ?? String(error)}`, counts);
      return "ok";
    }
    if (outcome.kind === "fail") {
      logger.error({ rowId: row.id, kind: row.kind, reason: outcome.reason }, "an outbox row cannot be built");
      await outbox.markFailed(row.id, owner, outcome.reason, clock.now());
      counts.failed++;
      return "ok";
    }
    if (outcome.kind === "skip") {
      await outbox.markSkipped(row.id, owner, outcome.reason, clock.now());
      counts.skipped++;
      return "ok";
    }
    if (outcome.kind === "expand") {
      await outbox.plan(outcome.rows, clock.now());
      await outbox.markSent(row.id, owner, clock.now());
      counts.sent++;
      return "ok";
    }
    try {
      if (row.reclaimed && (await this.deps.alreadySent?.(row))) {
        // The process that held it sent it and died before marking it: the provider knows it by its reference.
        logger.info({ rowId: row.id, kind: row.kind }, "a reclaimed row had already been sent: marked sent, not sent again");
        await this.markSent(row, outcome.then, counts);
        return "ok";
      }
    } catch (error) {
      await this.retryOrFail(
        row,
        `could not ask whether it was sent: ${(this.deps.classify ?? classifySlackFailure)(error).code}`,
        counts,
        outcome.then,
      );
      return "ok";
    }
    await this.deps.pacer.wait(row.target);
    try {
      await this.deps.send(row.target, outcome.message, row);
      this.deps.pacer.finished(row.target);
    } catch (error) {
      this.deps.pacer.finished(row.target);
      const failure = (this.deps.classify ?? classifySlackFailure)(error);
      if (failure.type === "rate_limited") {
        this.deps.pacer.rateLimited?.(row.target, failure.retryAfterMs);
        const availableAt = new Date(clock.now().getTime() + failure.retryAfterMs);
        await outbox.retryLater(
          row.id,
          owner,
          availableAt,
          `rate limited: retry after ${failure.retryAfterMs / 1000} s`,
          false,
          clock.now(),
        );
        counts.retried++;
        row.availableAt = availableAt;
        return "pause";
      }
      if (failure.type === "permanent") {
        await outbox.markFailed(row.id, owner, failure.code, clock.now());
        counts.failed++;
        await outbox.plan([...(await this.deps.alertFor(row, failure.code, failure)), ...(outcome.then ?? [])], clock.now());
        return "ok";
      }
      await this.retryOrFail(row, failure.code, counts, outcome.then);
      return "ok";
    }
    await this.markSent(row, outcome.then, counts);
    return "ok";
  }

  private async markSent(row: OutboxRow, then: NewOutboxRow[] | undefined, counts: TickCounts): Promise<void> {
    const { outbox, owner, clock } = this.deps;
    // Marked at once, row by row: the duplicate window is this one statement.
    await outbox.markSent(row.id, owner, clock.now());
    counts.sent++;
    if (then?.length) await outbox.plan(then, clock.now());
  }

  /** `then`: the rows the send leads to, planned if this was its last attempt (see Outcome). */
  private async retryOrFail(row: OutboxRow, error: string, counts: TickCounts, then?: NewOutboxRow[]): Promise<void> {
    const { outbox, owner, clock } = this.deps;
    const attempts = row.attempts + 1;
    if (attempts >= this.settings.maxAttempts) {
      await outbox.markFailed(row.id, owner, error, clock.now());
      counts.failed++;
      if (then?.length) await outbox.plan(then, clock.now());
      return;
    }
    const delay = this.settings.backoffMs * 2 ** (attempts - 1);
    await outbox.retryLater(row.id, owner, new Date(clock.now().getTime() + delay), error, true, clock.now());
    counts.retried++;
  }
}

function groupByTarget(rows: OutboxRow[]): OutboxRow[][] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const group = groups.get(row.target);
    if (group) group.push(row);
    else groups.set(row.target, [row]);
  }
  return [...groups.values()];
}
