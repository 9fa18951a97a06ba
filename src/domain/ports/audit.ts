// The audit trail: who did what, when.

export interface AuditEntry {
  workspaceId: string;
  communityId: string | null;
  actorId: string;
  action: string;
  detail?: Record<string, unknown>;
  at: Date;
}

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
}
