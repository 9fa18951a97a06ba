// The workspace's list of communities, kept in memory between requests.
//
// /community list is the busiest read, and on SQLite every query runs on the
// event loop, holding up the acks of other requests (bench/ackLatency.ts). So
// the list is served from a snapshot: this process drops it whenever it changes
// a community or a membership, and every process refreshes it after
// DIRECTORY_MAX_AGE_MS, which bounds how stale a list can be on one replica
// after a change made on another. One read refreshes it: requests that come
// while it runs wait for it (at 200 lists a second, a 3 ms read used to be
// started again by every request that arrived during it).
import type { Clock } from "../common/clock";
import type { CommunitySummary, Store } from "../ports";

export const DIRECTORY_MAX_AGE_MS = 2000;

export type DirectoryEntry = Omit<CommunitySummary, "viewerIsMember">;

interface Timed<T> {
  at: number;
  value: T;
}

/** A read in flight, and the generation it began in. */
interface Reading<T> {
  generation: number;
  value: Promise<T>;
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
  /** Reads in flight, by workspace, and by workspace and user. */
  private readonly readingCommunities = new Map<string, Reading<DirectoryEntry[]>>();
  private readonly readingMemberships = new Map<string, Reading<Set<string>>>();

  constructor(private readonly deps: { store: Store; clock: Clock; maxAgeMs?: number }) {}

  private fresh<T>(entry: Timed<T> | undefined): entry is Timed<T> {
    return entry !== undefined && this.deps.clock.now().getTime() - entry.at < (this.deps.maxAgeMs ?? DIRECTORY_MAX_AGE_MS);
  }

  /** One page, in name order, marked with the viewer's memberships. */
  async page(workspaceId: string, viewerId: string, offset: number, limit: number): Promise<{ items: CommunitySummary[]; total: number }> {
    // Both are in memory nearly always: then nothing waits.
    const entries = this.entries(workspaceId);
    const memberships = this.membershipsOf(workspaceId, viewerId);
    const [all, mine] =
      entries instanceof Promise || memberships instanceof Promise ? await Promise.all([entries, memberships]) : [entries, memberships];
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

  private entries(workspaceId: string): DirectoryEntry[] | Promise<DirectoryEntry[]> {
    const cached = this.communities.get(workspaceId);
    if (this.fresh(cached)) return cached.value;
    return this.once(this.readingCommunities, workspaceId, async (generation, at) => {
      const value = await this.deps.store.communities.directory(workspaceId);
      if (generation === this.generation) this.communities.set(workspaceId, { at, value });
      return value;
    });
  }

  private membershipsOf(workspaceId: string, userId: string): Set<string> | Promise<Set<string>> {
    let users = this.memberships.get(workspaceId);
    if (!users) {
      users = new Map();
      this.memberships.set(workspaceId, users);
    }
    const cached = users.get(userId);
    if (this.fresh(cached)) return cached.value;
    return this.once(this.readingMemberships, `${workspaceId}\u0000${userId}`, async (generation, at) => {
      const value = new Set(await this.deps.store.memberships.activeCommunityIds(workspaceId, userId));
      if (generation === this.generation) users.set(userId, { at, value });
      // Bound the memory: people who stopped looking drop out after a while.
      if (users.size > 10_000) users.delete(users.keys().next().value!);
      return value;
    });
  }

  /**
   * Runs `read` unless a read for `key` is already running, in which case its
   * result is shared. Not across a change: a request that comes after an
   * invalidation must see the change, so it starts a read of its own.
   */
  private once<T>(reading: Map<string, Reading<T>>, key: string, read: (generation: number, at: number) => Promise<T>): Promise<T> {
    const running = reading.get(key);
    if (running && running.generation === this.generation) return running.value;
    const generation = this.generation;
    const value = read(generation, this.deps.clock.now().getTime()).finally(() => {
      if (reading.get(key)?.value === value) reading.delete(key);
    });
    reading.set(key, { generation, value });
    return value;
  }
}
