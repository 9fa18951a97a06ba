// The workspace's list of communities, kept in memory between requests.
//
// /community list is the busiest read, and on SQLite every query runs on the
// event loop, holding up the acks of other requests (bench/ackLatency.ts). So
// the list is served from a snapshot: this process drops it whenever it changes
// a community or a membership, and every process refreshes it after
// DIRECTORY_MAX_AGE_MS, which bounds how stale a list can be on one replica
// after a change made on another.
import type { Clock } from "../common/clock";
import type { CommunitySummary, Store } from "../ports";

export const DIRECTORY_MAX_AGE_MS = 2000;

export type DirectoryEntry = Omit<CommunitySummary, "viewerIsMember">;

interface Timed<T> {
  at: number;
  value: T;
}

export class CommunityDirectory {
  private readonly communities = new Map<string, Timed<DirectoryEntry[]>>();
  /** workspaceId -> userId -> ids of communities the user is active in. */
  private readonly memberships = new Map<string, Map<string, Timed<Set<string>>>>();
  /**
   * Bumped by every invalidation: a read that began before a change and ends
   * after it must not store what it read.
   */
  private generation = 0;

  constructor(private readonly deps: { store: Store; clock: Clock; maxAgeMs?: number }) {}

  private fresh<T>(entry: Timed<T> | undefined): entry is Timed<T> {
    return entry !== undefined && this.deps.clock.now().getTime() - entry.at < (this.deps.maxAgeMs ?? DIRECTORY_MAX_AGE_MS);
  }

  /** One page, in name order, marked with the viewer's memberships. */
  async page(workspaceId: string, viewerId: string, offset: number, limit: number): Promise<{ items: CommunitySummary[]; total: number }> {
    const [all, mine] = await Promise.all([this.entries(workspaceId), this.membershipsOf(workspaceId, viewerId)]);
    return {
      total: all.length,
      items: all.slice(offset, offset + limit).map((c) => ({ ...c, viewerIsMember: mine.has(c.id) })),
    };
  }

  /** Forget what this process knows of a workspace (and of one user in it). */
  invalidate(workspaceId: string, userId?: string): void {
    this.generation++;
    this.communities.delete(workspaceId);
    if (userId) this.memberships.get(workspaceId)?.delete(userId);
  }

  private async entries(workspaceId: string): Promise<DirectoryEntry[]> {
    const cached = this.communities.get(workspaceId);
    if (this.fresh(cached)) return cached.value;
    const at = this.deps.clock.now().getTime();
    const generation = this.generation;
    const value = await this.deps.store.communities.directory(workspaceId);
    if (generation === this.generation) this.communities.set(workspaceId, { at, value });
    return value;
  }

  private async membershipsOf(workspaceId: string, userId: string): Promise<Set<string>> {
    let users = this.memberships.get(workspaceId);
    if (!users) {
      users = new Map();
      this.memberships.set(workspaceId, users);
    }
    const cached = users.get(userId);
    if (this.fresh(cached)) return cached.value;
    const at = this.deps.clock.now().getTime();
    const generation = this.generation;
    const value = new Set(await this.deps.store.memberships.activeCommunityIds(workspaceId, userId));
    if (generation === this.generation) users.set(userId, { at, value });
    // Bound the memory: people who stopped looking drop out after a while.
    if (users.size > 10_000) users.delete(users.keys().next().value!);
    return value;
  }
}
