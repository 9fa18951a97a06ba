import type { ClaimLimits, NewOutboxRow, OutboxRow, OutboxStatus, OutboxStore, RunStore } from "../domain/ports";
import { insertUnlessPresent, isUniqueViolation } from "./errors";
import { type Db, isPostgresDb } from "./prismaClient";

type Row = Awaited<ReturnType<Db["outboxMessage"]["findFirstOrThrow"]>>;

function toOutboxRow(row: Row): OutboxRow {
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    // a row written by hand; its builder will find what it needs missing and skip it
  }
  return { ...row, status: row.status as OutboxStatus, payload };
}

/**
 * Any numbers, as long as every replica uses the same ones: they name the claim locks, one
 * a channel, so the Slack and email dispatchers never wait for each other's claims.
 */
const CLAIM_LOCKS = { slack: 7_235_001, email: 7_235_002 } as const;
const MINUTE_MS = 60_000;

/** Rows a multi-row insert plans at once: well inside SQLite's 32,766 bound variables (13 a row). */
const PLAN_CHUNK = 500;

function newRowData(row: NewOutboxRow, now: Date) {
  return {
    kind: row.kind,
    channel: row.channel ?? "slack",
    target: row.target,
    communityId: row.communityId ?? null,
    subjectId: row.subjectId ?? null,
    payload: JSON.stringify(row.payload ?? {}),
    dueAt: row.dueAt,
    availableAt: row.dueAt,
    dedupeKey: row.dedupeKey,
    createdAt: now,
    updatedAt: now,
  };
}

export class PrismaOutboxStore implements OutboxStore {
  constructor(private readonly db: Db) {}

  async plan(rows: NewOutboxRow[], now: Date): Promise<number> {
    if (!rows.length) return 0;
    const existing = await this.db.outboxMessage.findMany({
      where: { dedupeKey: { in: rows.map((r) => r.dedupeKey) } },
      select: { dedupeKey: true, status: true },
    });
    const known = new Map(existing.map((e) => [e.dedupeKey, e.status]));
    let planned = 0;
    const fresh: NewOutboxRow[] = [];
    for (const row of rows) {
      const status = known.get(row.dedupeKey);
      if (status === "skipped") {
        const { count } = await this.db.outboxMessage.updateMany({
          where: { dedupeKey: row.dedupeKey, status: "skipped" },
          // As planned now: what it says and where it goes may have changed while it was skipped.
          data: {
            status: "pending",
            target: row.target,
            payload: JSON.stringify(row.payload ?? {}),
            dueAt: row.dueAt,
            availableAt: row.dueAt,
            attempts: 0,
            lastError: null,
            claimedBy: null,
            claimExpiresAt: null,
            updatedAt: now,
          },
        });
        planned += count;
        continue;
      }
      if (status) continue;
      fresh.push(row);
    }
    // New rows in a few multi-row inserts rather than one round trip each (a meeting's emails to a
    // thousand members are a thousand rows). A chunk that meets a key planned a moment ago (another
    // replica, or a key twice in one call) inserts nothing, so it goes again row by row.
    for (let i = 0; i < fresh.length; i += PLAN_CHUNK) {
      const chunk = fresh.slice(i, i + PLAN_CHUNK);
      try {
        planned += (await this.db.outboxMessage.createMany({ data: chunk.map((row) => newRowData(row, now)) })).count;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        for (const row of chunk) {
          // Null when another replica planned it a moment ago: the dedupe key did its job.
          if (await insertUnlessPresent(() => this.db.outboxMessage.create({ data: newRowData(row, now) }))) planned++;
        }
      }
    }
    return planned;
  }

  async skipPending(subjectId: string, kinds: string[], reason: string, now: Date): Promise<number> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { subjectId, kind: { in: kinds }, status: "pending" },
      data: { status: "skipped", lastError: reason, claimedBy: null, claimExpiresAt: null, updatedAt: now },
    });
    return count;
  }

  async claim(owner: string, now: Date, leaseMs: number, limits: ClaimLimits): Promise<OutboxRow[]> {
    const postgres = isPostgresDb(this.db);
    const channel = limits.channel ?? "slack";
    return this.db.$transaction(async (tx) => {
      // One claimer a channel at a time across replicas (SQLite's single writer does this by itself), so
      // "no live claim holds this target" cannot change under us: two replicas never pace one channel.
      if (postgres) await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${CLAIM_LOCKS[channel]})) AS l`);
      let budget = limits.targets * limits.perTarget;
      if (limits.perMinute !== undefined) {
        // Under the lock, so two replicas cannot both spend the same minute's allowance.
        const [sent, held] = await Promise.all([
          tx.outboxMessage.count({ where: { channel, status: "sent", sentAt: { gt: new Date(now.getTime() - MINUTE_MS) } } }),
          tx.outboxMessage.count({ where: { channel, status: "pending", claimedBy: { not: null }, claimExpiresAt: { gte: now } } }),
        ]);
        budget = Math.min(budget, limits.perMinute - sent - held);
        if (budget <= 0) return [];
      }
      const due = {
        channel,
        status: "pending",
        availableAt: { lte: now },
        OR: [{ claimExpiresAt: null }, { claimExpiresAt: { lt: now } }],
      };
      const busy = await tx.outboxMessage.findMany({
        where: { channel, status: "pending", claimedBy: { not: null }, claimExpiresAt: { gte: now } },
        distinct: ["target"],
        select: { target: true },
      });
      // The earliest due rows, by the (status, availableAt) index: their targets are the ones to serve.
      // Reading a bounded window keeps a claim's cost flat however long the queue is.
      const window = await tx.outboxMessage.findMany({
        where: { ...due, target: { notIn: busy.map((b) => b.target) } },
        orderBy: [{ availableAt: "asc" }, { id: "asc" }],
        take: limits.targets * 4,
        select: { target: true },
      });
      const targets = [...new Set(window.map((w) => w.target))].slice(0, limits.targets);
      if (!targets.length) return [];
      const rows = await tx.outboxMessage.findMany({
        where: { ...due, target: { in: targets } },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: limits.targets * limits.perTarget,
      });
      const perTarget = new Map<string, number>();
      const chosen = rows
        .filter((r) => {
          const n = (perTarget.get(r.target) ?? 0) + 1;
          perTarget.set(r.target, n);
          return n <= limits.perTarget;
        })
        .slice(0, budget);
      const expires = new Date(now.getTime() + leaseMs);
      await tx.outboxMessage.updateMany({
        where: { id: { in: chosen.map((r) => r.id) } },
        data: { claimedBy: owner, claimExpiresAt: expires },
      });
      // A row still naming a claimer was held by a claim that ran out: its process died mid-send, perhaps after sending.
      return chosen.map((r) => ({ ...toOutboxRow({ ...r, claimedBy: owner, claimExpiresAt: expires }), reclaimed: r.claimedBy !== null }));
    });
  }

  private async finish(id: string, owner: string, data: Record<string, unknown>): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({ where: { id, claimedBy: owner, status: "pending" }, data });
    return count === 1;
  }

  markSent(id: string, owner: string, now: Date): Promise<boolean> {
    return this.finish(id, owner, { status: "sent", sentAt: now, attempts: { increment: 1 }, claimExpiresAt: null, updatedAt: now });
  }

  markSkipped(id: string, owner: string, reason: string, now: Date): Promise<boolean> {
    return this.finish(id, owner, { status: "skipped", lastError: reason, claimExpiresAt: null, updatedAt: now });
  }

  markFailed(id: string, owner: string, error: string, now: Date): Promise<boolean> {
    return this.finish(id, owner, { status: "failed", lastError: error, attempts: { increment: 1 }, claimExpiresAt: null, updatedAt: now });
  }

  retryLater(id: string, owner: string, availableAt: Date, error: string, countAttempt: boolean, now: Date): Promise<boolean> {
    return this.finish(id, owner, {
      availableAt,
      lastError: error,
      claimedBy: null,
      claimExpiresAt: null,
      updatedAt: now,
      ...(countAttempt ? { attempts: { increment: 1 } } : {}),
    });
  }

  async release(ids: string[], owner: string): Promise<void> {
    if (!ids.length) return;
    await this.db.outboxMessage.updateMany({
      where: { id: { in: ids }, claimedBy: owner, status: "pending" },
      data: { claimedBy: null, claimExpiresAt: null },
    });
  }

  async oldestDuePending(now: Date): Promise<Date | null> {
    const row = await this.db.outboxMessage.findFirst({
      where: { status: "pending", dueAt: { lte: now } },
      orderBy: { dueAt: "asc" },
      select: { dueAt: true },
    });
    return row?.dueAt ?? null;
  }

  async countByKindAndStatus(): Promise<Array<{ kind: string; status: string; count: number }>> {
    const groups = await this.db.outboxMessage.groupBy({ by: ["kind", "status"], _count: { _all: true } });
    return groups.map((g) => ({ kind: g.kind, status: g.status, count: g._count._all }));
  }

  async lastSent(kind: string, subjectId: string): Promise<OutboxRow | null> {
    const row = await this.db.outboxMessage.findFirst({ where: { kind, subjectId, status: "sent" }, orderBy: { dueAt: "desc" } });
    return row ? toOutboxRow(row) : null;
  }

  async pendingAfter(kind: string, after: Date): Promise<Array<{ id: string; subjectId: string | null; dedupeKey: string }>> {
    return this.db.outboxMessage.findMany({
      where: { kind, status: "pending", dueAt: { gt: after } },
      select: { id: true, subjectId: true, dedupeKey: true },
    });
  }

  async sentTargets(subjectId: string, kind: string, dedupePrefix: string): Promise<string[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { subjectId, kind, status: "sent", dedupeKey: { startsWith: dedupePrefix } },
      select: { target: true },
      distinct: ["target"],
    });
    return rows.map((r) => r.target);
  }

  async find(id: string): Promise<OutboxRow | null> {
    const row = await this.db.outboxMessage.findUnique({ where: { id } });
    return row ? toOutboxRow(row) : null;
  }

  async requeueSent(id: string, availableAt: Date, reason: string, maxAttempts: number, now: Date): Promise<boolean> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id, status: "sent", attempts: { lt: maxAttempts } },
      data: { status: "pending", availableAt, lastError: reason, sentAt: null, claimedBy: null, claimExpiresAt: null, updatedAt: now },
    });
    return count === 1;
  }

  async skipRows(ids: string[], reason: string, now: Date): Promise<number> {
    if (!ids.length) return 0;
    const { count } = await this.db.outboxMessage.updateMany({
      where: { id: { in: ids }, status: "pending" },
      data: { status: "skipped", lastError: reason, claimedBy: null, claimExpiresAt: null, updatedAt: now },
    });
    return count;
  }
}

export class PrismaRunStore implements RunStore {
  constructor(private readonly db: Db) {}

  async tryStart(fireKey: string, owner: string, now: Date): Promise<boolean> {
    // Null when another replica (or form submission) started it first.
    return (await insertUnlessPresent(() => this.db.schedulerRun.create({ data: { fireKey, owner, startedAt: now } }))) !== null;
  }

  async finish(fireKey: string, now: Date): Promise<void> {
    await this.db.schedulerRun.updateMany({ where: { fireKey }, data: { finishedAt: now } });
  }

  async prune(before: Date): Promise<void> {
    await this.db.schedulerRun.deleteMany({ where: { startedAt: { lt: before } } });
  }
}
