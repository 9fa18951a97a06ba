// The outbox's email half in the store: each dispatcher claims only its own
// channel's rows, email's pace is shared through the claim (what was sent in the
// last minute and what live claims hold count against it), a row whose claim ran
// out comes back marked as reclaimed, and a sent row can be put back once Notify
// says it never went.

import { emailPersonId } from "../../src/domain/members/people";
import * as kinds from "../../src/domain/outbox";
import { openStore, type StoreWorld } from "../support/store";

let world: StoreWorld;
beforeEach(async () => {
  world = await openStore();
});
afterEach(async () => {
  await world.close();
});

function emailRow(i: number, dueAt: Date) {
  const to = `p${i}@example.org`;
  return kinds.email.row({
    target: emailPersonId(to),
    payload: { to, purpose: "notice", subject: "s", text: "t" },
    dueAt,
    dedupeKey: `email:${i}`,
  });
}

const LIMITS = { targets: 50, perTarget: 10 };

it("keeps Slack's and email's rows apart", async () => {
  const { store, clock } = world;
  const now = clock.now();
  await store.outbox.plan(
    [emailRow(1, now), kinds.organiserAlert.row({ target: "U1", payload: { text: "hi" }, dueAt: now, dedupeKey: "alert:1" })],
    now,
  );
  const slack = await store.outbox.claim("a", now, 60_000, LIMITS);
  const email = await store.outbox.claim("a", now, 60_000, { ...LIMITS, channel: "email" });
  expect(slack.map((r) => [r.kind, r.channel])).toEqual([["organiser_alert", "slack"]]);
  expect(email.map((r) => [r.kind, r.channel])).toEqual([["email", "email"]]);
});

it("claims no more email than the minute's allowance left, across claimers", async () => {
  const { store, clock } = world;
  const now = clock.now();
  await store.outbox.plan(
    Array.from({ length: 20 }, (_, i) => emailRow(i, now)),
    now,
  );
  const first = await store.outbox.claim("a", now, 60_000, { ...LIMITS, channel: "email", perMinute: 8 });
  expect(first).toHaveLength(8);
  // Another replica: the first one's live claims use the whole allowance.
  expect(await store.outbox.claim("b", now, 60_000, { ...LIMITS, channel: "email", perMinute: 8 })).toHaveLength(0);
  for (const row of first.slice(0, 5)) await store.outbox.markSent(row.id, "a", now);
  // Five sent this minute and three still held: nothing left.
  expect(await store.outbox.claim("b", now, 60_000, { ...LIMITS, channel: "email", perMinute: 8 })).toHaveLength(0);
  await store.outbox.release(
    first.slice(5).map((r) => r.id),
    "a",
  );
  expect(await store.outbox.claim("b", now, 60_000, { ...LIMITS, channel: "email", perMinute: 8 })).toHaveLength(3);
  // A minute on, the five sent are out of the window and those three claims have run out: a whole allowance again.
  clock.advance(61_000);
  expect(await store.outbox.claim("b", clock.now(), 60_000, { ...LIMITS, channel: "email", perMinute: 8 })).toHaveLength(8);
});

it("says which rows it takes over from a claim that ran out, and puts a sent row back once", async () => {
  const { store, clock } = world;
  const now = clock.now();
  await store.outbox.plan([emailRow(1, now), emailRow(2, now)], now);
  const [held] = await store.outbox.claim("dead", now, 60_000, { targets: 1, perTarget: 1, channel: "email" });
  clock.advance(61_000);
  const taken = await store.outbox.claim("alive", clock.now(), 60_000, { ...LIMITS, channel: "email" });
  expect(taken.map((r) => [r.id === held.id, r.reclaimed])).toEqual(
    expect.arrayContaining([
      [true, true],
      [false, false],
    ]),
  );
  await store.outbox.markSent(held.id, "alive", clock.now());
  expect(await store.outbox.find(held.id)).toMatchObject({ status: "sent", attempts: 1 });
  expect(await store.outbox.requeueSent(held.id, clock.now(), "lost", 1, clock.now())).toBe(false);
  expect(await store.outbox.requeueSent(held.id, clock.now(), "lost", 5, clock.now())).toBe(true);
  expect(await store.outbox.find(held.id)).toMatchObject({ status: "pending", lastError: "lost", sentAt: null, claimedBy: null });
  expect(await store.outbox.requeueSent(held.id, clock.now(), "lost", 5, clock.now())).toBe(false);
});
