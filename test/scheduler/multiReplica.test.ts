// Three app processes on one PostgreSQL database and 250 due rows across 50
// channels: every row is sent exactly once, and no channel gets more than about
// a message a second. Real processes, real pacing (Slack's limit is real time);
// the injected clock only says which rows are due. Five rows a channel keep the
// three racing for the channels (20 at a time each) for four seconds and give 200
// gaps to check; with 1,000 the test waited 20 s on the pacing and showed no more.
import { createStore } from "../../src/store";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { type Replica, startReplica, stopReplicas } from "../support/replicas";

const NOW = "2026-03-02T10:00:00.000Z";
const ROWS = 250;
const CHANNELS = 50;

// Runs in the postgresql jest project only (jest.config.js keeps it out of the SQLite one).
describe("three replicas on one PostgreSQL database", () => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let replicas: Replica[];

  beforeAll(async () => {
    slack = new FakeSlack();
    await slack.start();
    database = await createTestDatabase();
    // 20 channels at a time each: together the three cover all 50 at once, and must share them.
    const env = { DATABASE_URL: database.url, SLACK_API_URL: slack.apiUrl, CLOCK_AT: NOW, DISPATCH_CONCURRENCY: "20" };
    replicas = await Promise.all(["replica-a", "replica-b", "replica-c"].map((name) => startReplica(name, env)));
  }, 60_000);

  afterAll(async () => {
    await stopReplicas(replicas);
    await slack?.stop();
    await database?.release();
  }, 30_000);

  it("runs each scheduler fire on exactly one replica", async () => {
    const store = createStore(database.url);
    const due = new Date("2026-03-02T09:59:00Z");
    await store.db.outboxMessage.createMany({
      data: Array.from({ length: CHANNELS }, (_, i) => ({
        kind: "organiser_alert",
        target: `C${String(i).padStart(4, "0")}`,
        payload: JSON.stringify({ text: `fire ${i}` }),
        dueAt: due,
        availableAt: due,
        dedupeKey: `fire:${i}`,
      })),
    });
    await store.close();
    const replies = await Promise.all(replicas.map((r) => r.ask({ cmd: "fire", key: "scheduler-tick:2026-03-02T10:00:00.000Z" })));
    expect(replies.map((r) => r.error ?? "ok")).toEqual(["ok", "ok", "ok"]);
    expect(replies.filter((r) => r.ran)).toHaveLength(1);
    expect(replies.find((r) => r.ran)!.report!.sent).toBe(CHANNELS);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(CHANNELS);
  }, 120_000);

  it("sends every row exactly once, at most about one message a second per channel, with all three dispatching at once", async () => {
    // No coordinator here: all three dispatch at once, as when one replica's long tick overlaps the next fire on another.
    const store = createStore(database.url);
    const due = new Date("2026-03-02T09:59:30Z");
    await store.db.outboxMessage.createMany({
      data: Array.from({ length: ROWS }, (_, i) => ({
        kind: "organiser_alert",
        target: `C${String(i % CHANNELS).padStart(4, "0")}`,
        payload: JSON.stringify({ text: `race ${i}` }),
        dueAt: due,
        availableAt: due,
        dedupeKey: `race:${i}`,
      })),
    });
    slack.reset();
    const replies = await Promise.all(replicas.map((r) => r.ask({ cmd: "dispatch" })));
    expect(replies.map((r) => r.error ?? "ok")).toEqual(["ok", "ok", "ok"]);
    const sentByReplica = replies.map((r) => r.report!.sent);
    expect(sentByReplica.reduce((a, b) => a + b, 0)).toBe(ROWS);
    // More than one replica did real work.
    expect(sentByReplica.filter((n) => n > 0).length).toBeGreaterThan(1);

    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(ROWS);
    expect(new Set(posts.map((p) => p.args.text)).size).toBe(ROWS);
    expect(await store.db.outboxMessage.count({ where: { dedupeKey: { startsWith: "race:" }, status: "sent" } })).toBe(ROWS);

    // Pacing, from the fake's own clock: consecutive messages to one channel at least ~1 s apart.
    let closest = Infinity;
    for (let c = 0; c < CHANNELS; c++) {
      const times = posts
        .filter((p) => p.args.channel === `C${String(c).padStart(4, "0")}`)
        .map((p) => p.at)
        .sort((a, b) => a - b);
      expect(times).toHaveLength(ROWS / CHANNELS);
      for (let i = 1; i < times.length; i++) closest = Math.min(closest, times[i] - times[i - 1]);
    }
    expect(closest).toBeGreaterThanOrEqual(900);
    await store.close();
  }, 180_000);
});
