// The outbox dispatcher with a fake sender, on a real store (each database) and a fake
// pacer clock: what it does with each outcome and each kind of failure, with no Slack,
// no app and no kinds. test/flows/reminders.test.ts covers the same paths end to end.
import pino from "pino";
import type { NewOutboxRow, OutboxRow } from "../../src/domain/ports";
import { Dispatcher, type DispatcherSettings, type Outcome } from "../../src/scheduler/dispatcher";
import { Pacer } from "../../src/scheduler/pacer";
import type { Message } from "../../src/views/blocks";
import type { Mrkdwn } from "../../src/views/mrkdwn";
import { openStore, type StoreWorld } from "../support/store";

const MINUTE = 60_000;

let w: StoreWorld;
beforeEach(async () => {
  w = await openStore();
});
afterEach(async () => {
  await w.close();
});

/** Slack's errors as @slack/web-api throws them. */
const refused = (error: string) => Object.assign(new Error(error), { code: "slack_webapi_platform_error", data: { ok: false, error } });
const rateLimited = (seconds: number) =>
  Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter: seconds });

interface Harness {
  dispatcher: Dispatcher;
  /** What the fake sender was given, with the pacer's (fake) time of each. */
  sent: Array<{ target: string; text: string; at: number }>;
  /** Rows planned when a row is refused for good, as the real alertFor plans them. */
  alerts: Array<{ dedupeKey: string; code: string }>;
}

/**
 * A dispatcher whose builder turns a row's payload into its outcome ({ text } sends it),
 * whose sender throws what `failures` holds for a text (one error a call, in order),
 * and whose pacer sleeps on a fake clock.
 */
function dispatcher(
  opts: {
    failures?: Record<string, unknown[]>;
    build?: (row: OutboxRow) => Promise<Outcome>;
    settings?: Partial<DispatcherSettings>;
    elapsed?: () => number;
  } = {},
): Harness {
  let pacerNow = 0;
  const pacer = new Pacer(
    1000,
    () => pacerNow,
    async (ms) => {
      pacerNow += ms;
    },
  );
  const sent: Harness["sent"] = [];
  const alerts: Harness["alerts"] = [];
  const failures = opts.failures ?? {};
  const build =
    opts.build ?? (async (row: OutboxRow): Promise<Outcome> => ({ kind: "send", message: { text: String(row.payload.text) as Mrkdwn } }));
  return {
    sent,
    alerts,
    dispatcher: new Dispatcher({
      outbox: w.store.outbox,
      build,
      send: async (target: string, message: Message) => {
        const error = failures[message.text]?.shift();
        if (error) throw error;
        sent.push({ target, text: message.text, at: pacerNow });
      },
      alertFor: async (row, code) => {
        const alert: NewOutboxRow = {
          kind: "alert",
          target: "U0ORGANISER",
          payload: { text: `${row.dedupeKey} refused: ${code}` },
          dueAt: w.clock.now(),
          dedupeKey: `alert:${row.target}:${code}`,
        };
        alerts.push({ dedupeKey: row.dedupeKey, code });
        return [alert];
      },
      clock: w.clock,
      pacer,
      logger: pino({ level: "silent" }),
      owner: "dispatcher-test",
      settings: opts.settings,
      elapsed: opts.elapsed,
    }),
  };
}

async function plan(...rows: Array<{ target: string; text: string; key?: string; inMinutes?: number }>): Promise<void> {
  await w.store.outbox.plan(
    rows.map((r) => ({
      kind: "test",
      target: r.target,
      payload: { text: r.text },
      dueAt: new Date(w.clock.now().getTime() + (r.inMinutes ?? 0) * MINUTE),
      dedupeKey: r.key ?? r.text,
    })),
    w.clock.now(),
  );
}

const stored = (dedupeKey: string) => w.store.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });

describe("the dispatcher", () => {
  it("sends each due row once, one target's rows a second apart and other targets alongside, and marks them sent", async () => {
    await plan(
      { target: "C1", text: "one" },
      { target: "C1", text: "two" },
      { target: "C2", text: "three" },
      { target: "C3", text: "later", inMinutes: 5 },
    );
    const d = dispatcher();
    expect(await d.dispatcher.run()).toEqual({ claimed: 3, sent: 3, skipped: 0, failed: 0, retried: 0 });
    expect(d.sent.filter((s) => s.target === "C1").map((s) => [s.text, s.at])).toEqual([
      ["one", 0],
      ["two", 1000],
    ]);
    expect(d.sent.find((s) => s.target === "C2")).toMatchObject({ text: "three", at: 0 });
    expect(await stored("two")).toMatchObject({ status: "sent", attempts: 1, claimExpiresAt: null });
    expect(await stored("later")).toMatchObject({ status: "pending" });
    expect(await d.dispatcher.run()).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0, retried: 0 });
    expect(d.sent).toHaveLength(3);
  });

  it("waits out a rate limit: the row and its target's other rows move on by Retry-After, no attempt counted, other targets go on", async () => {
    await plan({ target: "C1", text: "limited" }, { target: "C1", text: "behind it" }, { target: "C2", text: "elsewhere" });
    const d = dispatcher({ failures: { limited: [rateLimited(30)] } });
    expect(await d.dispatcher.run()).toMatchObject({ sent: 1, retried: 1 });
    expect(d.sent.map((s) => s.text)).toEqual(["elsewhere"]);
    const retryAt = new Date(w.clock.now().getTime() + 30_000);
    expect(await stored("limited")).toMatchObject({
      status: "pending",
      attempts: 0,
      availableAt: retryAt,
      lastError: "rate limited: retry after 30 s",
    });
    expect(await stored("behind it")).toMatchObject({ status: "pending", attempts: 0, availableAt: retryAt });

    w.clock.advance(30_000);
    expect(await d.dispatcher.run()).toMatchObject({ sent: 2 });
    expect(d.sent.map((s) => s.text)).toEqual(["elsewhere", "limited", "behind it"]);
  });

  it("backs off 30 s, 1, 2 and 4 minutes on transient failures, then fails the row with the error kept", async () => {
    await plan({ target: "C1", text: "flaky" });
    const d = dispatcher({ failures: { flaky: Array.from({ length: 5 }, () => refused("internal_error")) } });
    const waits: number[] = [];
    for (let attempt = 1; attempt < 5; attempt++) {
      expect(await d.dispatcher.run()).toMatchObject({ retried: 1 });
      const row = await stored("flaky");
      expect(row).toMatchObject({ status: "pending", attempts: attempt, lastError: "internal_error" });
      waits.push((row.availableAt.getTime() - w.clock.now().getTime()) / 1000);
      w.clock.set(row.availableAt);
    }
    expect(waits).toEqual([30, 60, 120, 240]);
    expect(await d.dispatcher.run()).toMatchObject({ failed: 1 });
    expect(await stored("flaky")).toMatchObject({ status: "failed", attempts: 5, lastError: "internal_error" });
    expect(d.alerts).toEqual([]); // a transient failure is nobody's to fix
  });

  it("fails a row Slack refuses for good at once, and plans the organisers' alert, which goes in the same run", async () => {
    await plan({ target: "C0GONE", text: "lost" });
    const d = dispatcher({ failures: { lost: [refused("channel_not_found")] } });
    expect(await d.dispatcher.run()).toMatchObject({ failed: 1, sent: 1 });
    expect(await stored("lost")).toMatchObject({ status: "failed", attempts: 1, lastError: "channel_not_found" });
    expect(d.alerts).toEqual([{ dedupeKey: "lost", code: "channel_not_found" }]);
    expect(d.sent).toEqual([{ target: "U0ORGANISER", text: "lost refused: channel_not_found", at: 0 }]);
  });

  it("plans what a send leads to once it is done with: sent, refused for good or out of attempts, never while it may still go", async () => {
    await plan({ target: "C1", text: "sent" }, { target: "U0GONE", text: "refused" }, { target: "C2", text: "flaky" });
    const d = dispatcher({
      failures: { refused: [refused("user_disabled")], flaky: Array.from({ length: 5 }, () => refused("internal_error")) },
      build: async (row) => {
        const text = String(row.payload.text);
        // The follow-ups and the organisers' alert lead to nothing.
        if (!["sent", "refused", "flaky"].includes(text)) return { kind: "send", message: { text: text as Mrkdwn } };
        const then = [
          { kind: "test", target: "U0EMAIL", payload: { text: `after ${text}` }, dueAt: w.clock.now(), dedupeKey: `after:${text}` },
        ];
        return { kind: "send", message: { text: text as Mrkdwn }, then };
      },
    });
    await d.dispatcher.run();
    expect(await stored("sent")).toMatchObject({ status: "sent" });
    expect(await stored("refused")).toMatchObject({ status: "failed", lastError: "user_disabled" });
    expect(await stored("flaky")).toMatchObject({ status: "pending", attempts: 1 });
    const planned = async () =>
      (await w.store.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "after:" } } })).map((r) => r.dedupeKey).sort();
    // The sent row's and the refused row's follow-ups, not the one that may still go.
    expect(await planned()).toEqual(["after:refused", "after:sent"]);
    for (let attempt = 1; attempt < 5; attempt++) {
      w.clock.set((await stored("flaky")).availableAt);
      await d.dispatcher.run();
    }
    expect(await stored("flaky")).toMatchObject({ status: "failed", attempts: 5 });
    expect(await planned()).toEqual(["after:flaky", "after:refused", "after:sent"]);
  });

  it("skips what its builder says is no longer useful, and plans and sends what a row expands into", async () => {
    await plan({ target: "C1", text: "stale" }, { target: "M1", text: "fan out" });
    const d = dispatcher({
      build: async (row) => {
        if (row.payload.text === "stale") return { kind: "skip", reason: "the meeting has started" };
        if (row.payload.text === "fan out")
          return {
            kind: "expand",
            rows: ["U1", "U2"].map((u) => ({
              kind: "test",
              target: u,
              payload: { text: `to ${u}` },
              dueAt: w.clock.now(),
              dedupeKey: `fan:${u}`,
            })),
          };
        return { kind: "send", message: { text: String(row.payload.text) as Mrkdwn } };
      },
    });
    expect(await d.dispatcher.run()).toMatchObject({ skipped: 1, sent: 3 });
    expect(await stored("stale")).toMatchObject({ status: "skipped", lastError: "the meeting has started" });
    expect(await stored("fan out")).toMatchObject({ status: "sent" });
    expect(d.sent.map((s) => s.text).sort()).toEqual(["to U1", "to U2"]);
  });

  it("retries a row whose builder throws, as a transient failure", async () => {
    await plan({ target: "C1", text: "broken" });
    const d = dispatcher({
      build: async () => {
        throw new Error("database went away");
      },
    });
    expect(await d.dispatcher.run()).toMatchObject({ retried: 1 });
    expect(await stored("broken")).toMatchObject({ status: "pending", attempts: 1, lastError: "build: database went away" });
  });

  it("stops when its time budget is spent and hands back the rows it has not tried", async () => {
    await plan({ target: "C1", text: "first" }, { target: "C1", text: "second" }, { target: "C1", text: "third" });
    let elapsed = 0;
    // Each look at the clock is a second later; the budget covers the claim and one message.
    const d = dispatcher({ settings: { budgetMs: 2500 }, elapsed: () => (elapsed += 1000) });
    expect(await d.dispatcher.run()).toMatchObject({ claimed: 3, sent: 1 });
    expect(await stored("second")).toMatchObject({ status: "pending", claimedBy: null, claimExpiresAt: null });
    expect(await stored("third")).toMatchObject({ status: "pending", claimedBy: null });
  });
});
