import type { AuditEntry, AuditRecord, AuditStore } from "../domain/ports";
import type { Db } from "./prismaClient";

/**
 * An audit event's columns, in the one shape every write of one uses: the
 * audit store's own, and those that record an event in the same write as the
 * change (a community's creation, its channel) or nested under it (where the
 * community id is implied).
 */
export function auditColumns(entry: Omit<AuditEntry, "communityId">) {
  return {
    workspaceId: entry.workspaceId,
    actorId: entry.actorId,
    action: entry.action,
    detail: JSON.stringify(entry.detail ?? {}),
    createdAt: entry.at,
  };
}

export class PrismaAuditStore implements AuditStore {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.auditEvent.create({ data: { communityId: entry.communityId, ...auditColumns(entry) } });
  }

  async history(communityId: string, actions: string[], limit: number): Promise<{ items: AuditRecord[]; total: number }> {
    const where = { communityId, action: { in: actions } };
    const [rows, total] = await Promise.all([
      // The id breaks ties between events recorded in the same millisecond, so the order is the same on every read.
      this.db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
      this.db.auditEvent.count({ where }),
    ]);
    return { items: rows.map((r) => ({ actorId: r.actorId, action: r.action, detail: parseDetail(r.detail), at: r.createdAt })), total };
  }
}

/** The detail as written; text that is not JSON (written by hand) reads as nothing, for the domain's check to leave out. */
function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
