import type { AuditEntry, AuditStore } from "../domain/ports";
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
}
