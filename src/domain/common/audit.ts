import type { AuditStore, CommunityRecord } from "../ports";

/**
 * Records who did what to a community, and when. Every audited action in the
 * domain is about one community, so its workspace and id come from the record
 * rather than being spelt out at each call.
 */
export function recordAudit(
  store: { audit: AuditStore },
  community: Pick<CommunityRecord, "id" | "workspaceId">,
  actorId: string,
  action: string,
  at: Date,
  detail?: Record<string, unknown>,
): Promise<void> {
  return store.audit.record({ workspaceId: community.workspaceId, communityId: community.id, actorId, action, detail, at });
}
