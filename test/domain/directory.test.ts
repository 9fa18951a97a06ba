// The list's snapshot (src/domain/communities/directory.ts) on a real database: one read
// refreshes it however many requests come while it runs, but never one that
// began before a change this process made.
import { ManualClock } from "../../src/domain/common/clock";
import { CommunityDirectory, DIRECTORY_MAX_AGE_MS } from "../../src/domain/communities/directory";
import type { Store } from "../../src/domain/ports";
import { openStore, type StoreWorld } from "../support/store";

let world: StoreWorld;
let store: StoreWorld["store"];
let workspaceId: string;

/**
 * Counts the store's reads and lets them through to the real store. With
 * `holdFirst`, the first read of the communities keeps what it read until
 * `release()`: a read still running.
 */
function counted(holdFirst = false) {
  const reads = { communities: 0, memberships: 0 };
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let read: () => void = () => {};
  const firstRead = new Promise<void>((resolve) => (read = resolve));
  const communities = Object.create(store.communities) as Store["communities"];
  communities.directory = async (id) => {
    const first = ++reads.communities === 1;
    const value = await store.communities.directory(id);
    if (first && holdFirst) {
      read();
      await released;
    }
    return value;
  };
  const memberships = Object.create(store.memberships) as Store["memberships"];
  memberships.activeCommunityIds = (id, user) => {
    reads.memberships++;
    return store.memberships.activeCommunityIds(id, user);
  };
  return { store: { ...store, communities, memberships } as Store, reads, firstRead, release };
}

async function addCommunity(name: string, member?: string): Promise<string> {
  const community = await store.db.community.create({
    data: {
      workspaceId,
      name,
      nameKey: name.toLowerCase(),
      slug: name.toLowerCase().replace(/\W+/g, "-"),
      service: name,
      meetingCadence: "monthly",
      timezone: "Europe/London",
      createdBy: "U0SEED",
    },
  });
  if (member)
    await store.db.membership.create({
      data: {
        communityId: community.id,
        slackUserId: member,
        organisation: "hmrc",
        profession: "policy",
        role: "member",
        status: "active",
      },
    });
  return community.id;
}

beforeAll(async () => {
  world = await openStore();
  store = world.store;
  workspaceId = (await store.db.workspace.create({ data: { teamId: "T0DIRECTORY" } })).id;
  await addCommunity("Apprenticeships", "U0ANN");
  await addCommunity("Benefits");
});

afterAll(async () => {
  await world.close();
});

describe("the community directory", () => {
  it("reads once for the requests that come while a read runs", async () => {
    const { store: countingStore, reads } = counted();
    const clock = new ManualClock();
    const directory = new CommunityDirectory({ store: countingStore, clock });

    const pages = await Promise.all(Array.from({ length: 20 }, () => directory.page(workspaceId, "U0ANN", 0, 10)));
    expect(reads).toEqual({ communities: 1, memberships: 1 });
    for (const page of pages)
      expect(page.items.map((c) => [c.name, c.viewerIsMember])).toEqual([
        ["Apprenticeships", true],
        ["Benefits", false],
      ]);

    // Fresh: no read at all. Stale: one read again, for all of them.
    await directory.page(workspaceId, "U0ANN", 0, 10);
    expect(reads).toEqual({ communities: 1, memberships: 1 });
    clock.advance(DIRECTORY_MAX_AGE_MS);
    await Promise.all(Array.from({ length: 20 }, () => directory.page(workspaceId, "U0ANN", 0, 10)));
    expect(reads).toEqual({ communities: 2, memberships: 2 });
  });

  it("does not share a read that began before this process changed something", async () => {
    const { store: countingStore, reads, firstRead, release } = counted(true);
    const directory = new CommunityDirectory({ store: countingStore, clock: new ManualClock() });

    const before = directory.page(workspaceId, "U0ANN", 0, 10);
    await firstRead;
    // A change made while that read runs: whoever asks after it must see it.
    const added = await addCommunity("Childcare", "U0ANN");
    directory.invalidate(workspaceId, "U0ANN");
    const after = directory.page(workspaceId, "U0ANN", 0, 10);
    release();

    expect((await before).items.map((c) => c.id)).not.toContain(added);
    const seen = await after;
    expect(reads.communities).toBe(2);
    expect(seen.items.find((c) => c.id === added)?.viewerIsMember).toBe(true);
    // …and what the older read found is not kept: the next request reads nothing and still sees it.
    expect((await directory.page(workspaceId, "U0ANN", 0, 10)).items.map((c) => c.id)).toContain(added);
    expect(reads.communities).toBe(2);
  });
});
