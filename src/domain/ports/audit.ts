// The audit trail: who did what, when.

export interface AuditEntry {
  workspaceId: string;
  communityId: string | null;
  actorId: string;
  action: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/** An event as read back: its detail is JSON text parsed, for the reader to check. */
export interface AuditRecord {
  actorId: string;
  action: string;
  detail: unknown;
  at: Date;
}

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** A community's events of these actions, newest first, and how many there are in all. */
  history(communityId: string, actions: string[], limit: number): Promise<{ items: AuditRecord[]; total: number }>;
}
