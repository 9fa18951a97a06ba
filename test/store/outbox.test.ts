// The outbox store's claims and leases, on each database (SQLite here, PostgreSQL in
// that project), without the app: what the dispatcher, and several replicas sharing one
// database, rely on. test/scheduler/multiReplica.test.ts shows the same rules hold for
// three real processes; this shows each rule on its own.
import type { NewOutboxRow } from "../../src/domain/ports";
import { openStore, type StoreWorld } from "../support/store";

const MINUTE = 60_000;
const LEASE = 3 * MINUTE;
const ONE_EACH = { targets: 50, perTarget: 1 };
const ALL = { targets: 50, perTarget: 60 };

let w: StoreWorld;
beforeEach(async () => {
  w = await openStore();
});
afterEach(async () => {
  await w.close();
});

let keys = 0;
/** A row due `inMinutes` from now (negative: already due) for `target`. */
function row(target: string, inMinutes = -1, key = `k${++keys}`): NewOutboxRow {
  return { kind: "test", target, dueAt: new Date(w.clock.now().getTime() + inMinutes * MINUTE), dedupeKey: key };
}

const claim = (owner: string, limits = ALL) => w.store.outbox.claim(owner, w.clock.now(), LEASE, limits);
const keysOf = (rows: Array<{ dedupeKey: string }>) => rows.map((r) => r.dedupeKey).sort();
const stored = (dedupeKey: string) => w.store.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });

describe("planning", () => {
  it("plans each dedupe key once, and plans a skipped one again as given", async () => {
    expect(await w.store.outbox.plan([row("C1", 5, "a"), row("C1", 5, "b")], w.clock.now())).toBe(2);
    expect(await w.store.outbox.plan([row("C1", 5, "a"), row("C2", 9, "b")], w.clock.now())).toBe(0);
    expect((await stored("b")).target).toBe("C1");

    await w.store.outbox.skipRows([(await stored("a")).id], "moved", w.clock.now());
    expect(await w.store.outbox.plan([row("C3", 7, "a")], w.clock.now())).toBe(1);
    expect(await stored("a")).toMatchObject({ status: "pending", target: "C3", lastError: null, attempts: 0 });
  });

  it("plans many rows at once, and still each key once when some were planned before or come twice", async () => {
    const many = Array.from({ length: 1200 }, (_, i) => row(`U${i}`, 5, `many${i}`));
    expect(await w.store.outbox.plan(many.slice(0, 700), w.clock.now())).toBe(700);
    expect(await w.store.outbox.plan(many, w.clock.now())).toBe(500);
    expect(await w.store.db.outboxMessage.count({ where: { dedupeKey: { startsWith: "many" } } })).toBe(1200);
    // A key given twice in one call meets itself in the multi-row insert (as a key another replica
    // planned between the read and the insert would): that chunk goes again row by row.
    const twice = [row("U1", 5, "race1"), row("U2", 5, "race2"), row("U2", 5, "race2"), row("U3", 5, "race3")];
    expect(await w.store.outbox.plan(twice, w.clock.now())).toBe(3);
    expect(await w.store.db.outboxMessage.count({ where: { dedupeKey: { startsWith: "race" } } })).toBe(3);
  });
});

describe("claiming", () => {
  it("claims pending rows that are due, and nothing else", async () => {
    await w.store.outbox.plan(
      [row("C1", -1, "due"), row("C1", 0, "due now"), row("C2", 1, "later"), row("C3", -1, "sent"), row("C4", -1, "skipped")],
      w.clock.now(),
    );
    await w.store.db.outboxMessage.update({ where: { dedupeKey: "sent" }, data: { status: "sent" } });
    await w.store.db.outboxMessage.update({ where: { dedupeKey: "skipped" }, data: { status: "skipped" } });

    const claimed = await claim("A");
    expect(keysOf(claimed)).toEqual(["due", "due now"]);
    expect(claimed.every((r) => r.claimedBy === "A" && r.claimExpiresAt?.getTime() === w.clock.now().getTime() + LEASE)).toBe(true);
  });

  it("takes at most `targets` targets, the earliest due first, and `perTarget` rows of each, in due order", async () => {
    await w.store.outbox.plan(
      [row("C1", -3, "c1-a"), row("C1", -2, "c1-b"), row("C1", -1, "c1-c"), row("C2", -5, "c2-a"), row("C3", -1, "c3-a")],
      w.clock.now(),
    );
    const claimed = await claim("A", { targets: 2, perTarget: 2 });
    expect(claimed.map((r) => r.dedupeKey)).toEqual(["c2-a", "c1-a", "c1-b"]);
  });

  it("leases what it claims: another claimer gets none of it until the lease runs out, then takes it", async () => {
    await w.store.outbox.plan([row("C1")], w.clock.now());
    expect(await claim("A")).toHaveLength(1);
    expect(await claim("B")).toEqual([]);
    w.clock.advance(LEASE);
    expect(await claim("B")).toEqual([]); // the lease still holds at its last instant
    w.clock.advance(1);
    const taken = await claim("B");
    expect(taken).toHaveLength(1);
    expect(taken[0].claimedBy).toBe("B");
  });

  it("leaves a target with a live claim to its claimer, even its rows planned since, and serves other targets", async () => {
    await w.store.outbox.plan([row("C1", -1, "first"), row("C2", -1, "other")], w.clock.now());
    expect(keysOf(await claim("A", { targets: 1, perTarget: 1 }))).toEqual(["first"]);
    await w.store.outbox.plan([row("C1", -1, "second")], w.clock.now());
    // One claimer paces each channel: B takes C2 but not C1's new row.
    expect(keysOf(await claim("B"))).toEqual(["other"]);
    await w.store.outbox.markSent((await stored("first")).id, "A", w.clock.now());
    expect(keysOf(await claim("B"))).toEqual(["second"]);
  });

  it("hands rows back with release, at once, for anyone to claim", async () => {
    await w.store.outbox.plan([row("C1", -1, "a"), row("C1", -1, "b")], w.clock.now());
    const claimed = await claim("A");
    await w.store.outbox.release(
      claimed.map((r) => r.id),
      "A",
    );
    expect(keysOf(await claim("B"))).toEqual(["a", "b"]);
  });
});

describe("finishing a claimed row", () => {
  it("lets only the row's current claimer mark it: a claimer whose lease ran out changes nothing", async () => {
    await w.store.outbox.plan([row("C1", -1, "a")], w.clock.now());
    const [mine] = await claim("A");
    w.clock.advance(LEASE + 1);
    const [theirs] = await claim("B");
    expect(theirs.id).toBe(mine.id);

    expect(await w.store.outbox.markSent(mine.id, "A", w.clock.now())).toBe(false);
    expect(await w.store.outbox.markFailed(mine.id, "A", "late", w.clock.now())).toBe(false);
    expect(await w.store.outbox.release([mine.id], "A")).toBeUndefined();
    expect(await stored("a")).toMatchObject({ status: "pending", claimedBy: "B" });

    expect(await w.store.outbox.markSent(theirs.id, "B", w.clock.now())).toBe(true);
    expect(await stored("a")).toMatchObject({ status: "sent", attempts: 1, sentAt: w.clock.now() });
    expect(await w.store.outbox.markSent(theirs.id, "B", w.clock.now())).toBe(false); // once
  });

  it("puts a row off with retryLater, counting an attempt only when told, and it is claimed again when it is available", async () => {
    await w.store.outbox.plan([row("C1", -1, "a")], w.clock.now());
    const [claimed] = await claim("A");
    const later = new Date(w.clock.now().getTime() + 30_000);
    expect(await w.store.outbox.retryLater(claimed.id, "A", later, "rate limited", false, w.clock.now())).toBe(true);
    expect(await stored("a")).toMatchObject({
      status: "pending",
      attempts: 0,
      lastError: "rate limited",
      claimedBy: null,
      availableAt: later,
    });
    expect(await claim("A")).toEqual([]);

    w.clock.set(later);
    const [again] = await claim("B");
    await w.store.outbox.retryLater(again.id, "B", new Date(later.getTime() + MINUTE), "timeout", true, w.clock.now());
    expect(await stored("a")).toMatchObject({ attempts: 1, lastError: "timeout" });
  });

  it("skips and fails rows with their reason, and neither is claimed again", async () => {
    await w.store.outbox.plan([row("C1", -1, "skip me"), row("C2", -1, "fail me")], w.clock.now());
    const claimed = await claim("A");
    const byKey = Object.fromEntries(claimed.map((r) => [r.dedupeKey, r]));
    await w.store.outbox.markSkipped(byKey["skip me"].id, "A", "no longer useful", w.clock.now());
    await w.store.outbox.markFailed(byKey["fail me"].id, "A", "channel_not_found", w.clock.now());
    expect(await stored("skip me")).toMatchObject({ status: "skipped", lastError: "no longer useful", attempts: 0 });
    expect(await stored("fail me")).toMatchObject({ status: "failed", lastError: "channel_not_found", attempts: 1 });
    w.clock.advance(LEASE + 1);
    expect(await claim("B")).toEqual([]);
  });
});

describe("what the outbox reports", () => {
  it("says how late delivery is and counts rows by kind and status", async () => {
    expect(await w.store.outbox.oldestDuePending(w.clock.now())).toBeNull();
    await w.store.outbox.plan([row("C1", -10, "old"), row("C1", -1, "new"), row("C2", 5, "future")], w.clock.now());
    expect(await w.store.outbox.oldestDuePending(w.clock.now())).toEqual(new Date(w.clock.now().getTime() - 10 * MINUTE));
    const [first] = await claim("A", ONE_EACH);
    await w.store.outbox.markSent(first.id, "A", w.clock.now());
    expect((await w.store.outbox.countByKindAndStatus()).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { kind: "test", status: "pending", count: 2 },
      { kind: "test", status: "sent", count: 1 },
    ]);
  });
});
