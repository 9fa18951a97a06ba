// GET /metrics end to end: the real app over HTTP, signed requests, the fake
// Slack (with scripted failures and a 429), and the Prometheus text parsed back.
import { loadConfig } from "../../src/config";
import { PrismaOutboxStore } from "../../src/store/outboxStore";
import { isPostgresDb } from "../../src/store/prismaClient";
import { ACTION, CALLBACK } from "../../src/views/ids";
import { databaseKind } from "../support/databases";
import { createCommunity, createSubmission } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { blockAction, optionsRequest } from "../support/payloads";
import { TestProxy } from "../support/proxy";

const TOKEN = "metrics-test-token-0123456789";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The text exposition format: `name{a="x",b="y"} value` lines; comments skipped. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

class Scrape {
  constructor(readonly samples: Sample[]) {}

  /** The sum of the samples of `name` whose labels include `labels` (0 when there are none). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.matching(name, labels).reduce((sum, s) => sum + s.value, 0);
  }

  matching(name: string, labels: Record<string, string> = {}): Sample[] {
    return this.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  }
}

async function scrape(h: Harness, token = TOKEN): Promise<Scrape> {
  const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return new Scrape(parse(await res.text()));
}

const P = "service_communities_";

describe("metrics configuration", () => {
  const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };

  it("is off unless enabled or given a token, and refuses a short token", () => {
    expect(loadConfig(base).metrics).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_ENABLED: "true" }).metrics).toEqual({ token: undefined });
    expect(loadConfig({ ...base, METRICS_TOKEN: TOKEN }).metrics).toEqual({ token: TOKEN });
    expect(loadConfig({ ...base, METRICS_TOKEN: TOKEN, METRICS_ENABLED: "false" }).metrics).toBeUndefined();
    expect(() => loadConfig({ ...base, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN should be at least 16 characters/);
    expect(() => loadConfig({ ...base, METRICS_ENABLED: "yes" })).toThrow(/METRICS_ENABLED should be true or false/);
  });
});

describe("GET /metrics, not configured", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("is not there (404), and the app serves as before", async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await h.command("help")).status).toBe(200);
  });
});

describe("GET /metrics, enabled without a token", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ metrics: {} });
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers anyone (for a scraper on a private network)", async () => {
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("process_cpu_user_seconds_total");
  });
});

describe("GET /metrics with METRICS_TOKEN", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ metrics: { token: TOKEN } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("refuses a missing, malformed or wrong token (401) and answers the right one", async () => {
    const none = await fetch(`${h.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await none.text()).not.toContain("process_cpu");
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } })).status).toBe(401);
    expect((await fetch(`${h.url}/metrics`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } })).status).not.toBe(200);
    const scraped = await scrape(h);
    // Node's own process metrics, from this app's registry.
    expect(scraped.value("process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(scraped.matching("nodejs_eventloop_lag_seconds")).toHaveLength(1);
  });

  it("counts requests and their ack time by listener kind and id, folding unknown ids to other", async () => {
    const before = await scrape(h);
    const ack = `${P}slack_ack_duration_seconds`;
    await h.command("help");
    await h.command("");
    await h.command("ls"); // an alias counts under its subcommand's name
    await h.command("no-such-thing");
    await h.interact(blockAction({ user: "U0ALICE", actionId: ACTION.openCreateModal }));
    await h.interact(optionsRequest({ user: "U0ALICE", actionId: ACTION.timezone, value: "Lond" }));
    await h.event({ type: "app_home_opened", user: "U0ALICE", tab: "home", channel: "D0ALICE" });
    const after = await scrape(h);
    const delta = (labels: Record<string, string>) => after.value(`${ack}_count`, labels) - before.value(`${ack}_count`, labels);

    expect(delta({ kind: "command", id: "help" })).toBe(2);
    expect(delta({ kind: "command", id: "list" })).toBe(1);
    expect(delta({ kind: "command", id: "other" })).toBe(1);
    expect(delta({ kind: "action", id: ACTION.openCreateModal })).toBe(1);
    expect(delta({ kind: "options", id: ACTION.timezone })).toBe(1);
    expect(delta({ kind: "event", id: "app_home_opened" })).toBe(1);
    // A histogram: every request lands in the +Inf bucket, and the sum is a real time.
    expect(after.value(`${ack}_bucket`, { kind: "command", id: "help", le: "+Inf" })).toBe(
      after.value(`${ack}_count`, { kind: "command", id: "help" }),
    );
    const sum = after.value(`${ack}_sum`, { kind: "command", id: "help" });
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(3 * after.value(`${ack}_count`, { kind: "command", id: "help" }));
    // No series carries a typed word.
    expect(after.samples.some((s) => Object.values(s.labels).includes("no-such-thing"))).toBe(false);
  });

  it("counts view submissions, Web API calls by method and result (a scripted error too), and the errors by code", async () => {
    const before = await scrape(h);
    const calls = `${P}slack_api_calls_total`;
    const errors = `${P}errors_total`;
    await createCommunity(h, "U0ALICE"); // the submission, then the channel, the charter, the DMs
    await h.command("create"); // opens the modal: views.open
    h.slack.script("conversations.create", { ok: false, error: "name_taken" });
    const refused = await h.interact(createSubmission("U0BOB", { name: "Registering a death", service: "Registering a death" }));
    expect(refused.json.response_action).toBe("errors");
    h.slack.script("views.publish", { ok: false, error: "invalid_blocks" });
    await h.event({ type: "app_home_opened", user: "U0BOB", tab: "home", channel: "D0BOB" });
    const after = await scrape(h);
    const delta = (name: string, labels: Record<string, string>) => after.value(name, labels) - before.value(name, labels);

    const ack = `${P}slack_ack_duration_seconds_count`;
    expect(delta(ack, { kind: "view", id: CALLBACK.createCommunity })).toBe(2);
    expect(delta(calls, { method: "views.open", result: "ok" })).toBe(1);
    expect(delta(calls, { method: "conversations.create", result: "ok" })).toBe(1);
    expect(delta(calls, { method: "conversations.create", result: "name_taken" })).toBe(1);
    expect(delta(calls, { method: "views.publish", result: "invalid_blocks" })).toBe(1);
    expect(delta(calls, { method: "chat.postMessage", result: "ok" })).toBeGreaterThanOrEqual(1);
    // Every call the fake has received was counted once, whichever client made it (Bolt's, the before-ack one…).
    expect(after.value(calls)).toBe(h.slack.calls.length);
    expect(delta(`${P}slack_api_call_duration_seconds_count`, { method: "conversations.create" })).toBe(2);
    // Slack's refusal became a field error (a ValidationError coded slack_refused), and the failed publish reached Bolt's handler.
    expect(delta(errors, { code: "slack_refused" })).toBe(1);
    expect(delta(errors, { code: "unhandled" })).toBe(1);
  });

  it("counts a coded error a listener shows as a message", async () => {
    const before = await scrape(h);
    const reply = await h.command("info No such community at all");
    expect(reply.status).toBe(200);
    const after = await scrape(h);
    const codes = after
      .matching(`${P}errors_total`)
      .filter((s) => s.value !== (before.matching(`${P}errors_total`, s.labels)[0]?.value ?? 0));
    expect(codes.map((s) => s.labels.code)).toEqual(["not_found"]);
  });

  it("counts ids the app does not know under other, and a request refused unacked", async () => {
    const before = await scrape(h);
    // A renamed shortcut or button: the fallback acks it and tells the person.
    await h.interact({
      type: "shortcut",
      callback_id: "unknown_shortcut",
      trigger_id: "t",
      team: { id: "T0TEST" },
      user: { id: "U0ALICE" },
      token: "x",
      api_app_id: "A0APP",
    });
    await h.interact(blockAction({ user: "U0ALICE", actionId: "made_up_action" }));
    // A body Slack never sends: refused with 400 before any listener, so nothing acked it.
    const refused = await h.interact({
      type: "block_actions",
      actions: "not a list",
      team: { id: "T0TEST" },
      user: { id: "U0ALICE" },
      token: "x",
      api_app_id: "A0APP",
    });
    expect(refused.status).toBe(400);
    const after = await scrape(h);
    const acked = (s: Scrape, labels: Record<string, string>) => s.value(`${P}slack_ack_duration_seconds_count`, labels);
    const unacked = (s: Scrape, labels: Record<string, string>) => s.value(`${P}slack_requests_unacked_total`, labels);
    expect(acked(after, { kind: "shortcut", id: "other" }) - acked(before, { kind: "shortcut", id: "other" })).toBe(1);
    expect(acked(after, { kind: "action", id: "other" }) - acked(before, { kind: "action", id: "other" })).toBe(1);
    expect(unacked(after, { kind: "action", id: "other" }) - unacked(before, { kind: "action", id: "other" })).toBe(1);
    expect(unacked(after, {}) - unacked(before, {})).toBe(1);
    expect(after.samples.some((s) => Object.values(s.labels).some((v) => v === "unknown_shortcut" || v === "made_up_action"))).toBe(false);
  });

  it("shows outbox rows by kind and status, the oldest due row's age, each dispatcher tick and its deliveries, with a 429", async () => {
    const outbox = new PrismaOutboxStore(h.db);
    const now = h.clock.now();
    const due = new Date(now.getTime() - 120_000);
    await outbox.plan(
      [
        { kind: "organiser_alert", target: "U0ORG1", dueAt: due, dedupeKey: "metrics:alert:1", payload: { text: "one" } },
        { kind: "organiser_alert", target: "U0ORG2", dueAt: due, dedupeKey: "metrics:alert:2", payload: { text: "two" } },
        { kind: "no_such_kind", target: "U0ORG3", dueAt: new Date(now.getTime() + 3_600_000), dedupeKey: "metrics:later", payload: {} },
      ],
      now,
    );
    const planned = await scrape(h);
    const rows = `${P}outbox_rows`;
    expect(planned.value(rows, { kind: "organiser_alert", status: "pending" })).toBe(2);
    expect(planned.value(rows, { kind: "no_such_kind", status: "pending" })).toBe(1);
    // Every group in the database, no more and no less.
    const groups = await h.db.outboxMessage.groupBy({ by: ["kind", "status"], _count: { _all: true } });
    expect(planned.matching(rows)).toHaveLength(groups.length);
    for (const g of groups) expect(planned.value(rows, { kind: g.kind, status: g.status })).toBe(g._count._all);
    expect(planned.value(`${P}outbox_oldest_due_seconds`)).toBe(120);

    const ticks = planned.value(`${P}dispatcher_tick_duration_seconds_count`);
    const limited = (s: Scrape) => s.value(`${P}slack_api_calls_total`, { method: "chat.postMessage", result: "rate_limited" });
    h.slack.rateLimit("chat.postMessage", 30);
    const report = await h.app.tick();
    expect(report).toMatchObject({ sent: 1, retried: 1 });
    const ticked = await scrape(h);
    expect(ticked.value(`${P}dispatcher_tick_duration_seconds_count`)).toBe(ticks + 1);
    expect(ticked.value(`${P}dispatcher_tick_duration_seconds_sum`)).toBeGreaterThan(0);
    expect(limited(ticked) - limited(planned)).toBe(1);
    expect(
      ticked.value(`${P}outbox_deliveries_total`, { outcome: "sent" }) - planned.value(`${P}outbox_deliveries_total`, { outcome: "sent" }),
    ).toBe(1);
    expect(
      ticked.value(`${P}outbox_deliveries_total`, { outcome: "retried" }) -
        planned.value(`${P}outbox_deliveries_total`, { outcome: "retried" }),
    ).toBe(1);
    expect(ticked.value(rows, { kind: "organiser_alert", status: "sent" })).toBe(1);
    expect(ticked.value(rows, { kind: "organiser_alert", status: "pending" })).toBe(1);
    // The rate-limited row waits out its Retry-After: it is due, and now 2 minutes late.
    expect(ticked.value(`${P}outbox_oldest_due_seconds`)).toBe(120);
  });

  it("counts scheduler runs won and skipped: two ticks of the same minute run once", async () => {
    const before = await scrape(h);
    const key = "scheduler-tick:2026-03-02T10:00";
    expect(await h.app.runCoordinator.shouldRun(key)).toBe(true);
    expect(await h.app.runCoordinator.shouldRun(key)).toBe(false);
    const after = await scrape(h);
    const runs = `${P}scheduler_runs_total`;
    expect(after.value(runs, { result: "won" }) - before.value(runs, { result: "won" })).toBe(1);
    expect(after.value(runs, { result: "skipped" }) - before.value(runs, { result: "skipped" })).toBe(1);
  });

  it("times database queries by model and operation, raw SQL included", async () => {
    await fetch(`${h.url}/healthz`); // SELECT 1
    const scraped = await scrape(h);
    const query = `${P}db_query_duration_seconds`;
    expect(scraped.value(`${query}_count`, { model: "Community", operation: "create" })).toBeGreaterThan(0);
    expect(scraped.value(`${query}_count`, { model: "OutboxMessage", operation: "groupBy" })).toBeGreaterThan(0);
    expect(scraped.value(`${query}_count`, { model: "raw", operation: "$queryRawUnsafe" })).toBeGreaterThan(0);
    expect(scraped.value(`${query}_sum`)).toBeGreaterThan(0);
  });

  it("keeps the store on its own database's statements when timing queries", () => {
    // The timed client is a new object: on PostgreSQL it must still take the claim's advisory lock.
    expect(isPostgresDb(h.db)).toBe(databaseKind() === "postgresql");
  });
});

describe("metrics and the warm-up", () => {
  it("leave out the requests the process sends itself before it is ready", async () => {
    const h = await startHarness({ metrics: { token: TOKEN } }, { warmUp: true });
    try {
      const scraped = await scrape(h);
      expect(scraped.matching(`${P}slack_ack_duration_seconds_count`)).toEqual([]);
      await h.command("help");
      expect((await scrape(h)).value(`${P}slack_ack_duration_seconds_count`, { kind: "command", id: "help" })).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe("metrics of two apps in one process", () => {
  it("are their own: each app counts only its requests", async () => {
    const a = await startHarness({ metrics: { token: TOKEN } });
    const b = await startHarness({ metrics: { token: TOKEN } });
    try {
      await a.command("help");
      await a.command("help");
      await b.command("help");
      expect((await scrape(a)).value(`${P}slack_ack_duration_seconds_count`, { kind: "command", id: "help" })).toBe(2);
      expect((await scrape(b)).value(`${P}slack_ack_duration_seconds_count`, { kind: "command", id: "help" })).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("metrics behind an outbound proxy", () => {
  it("count every Web API call while the calls still go through the proxy", async () => {
    const proxy = new TestProxy();
    await proxy.start();
    const h = await startHarness({ metrics: { token: TOKEN }, proxy: { httpProxy: proxy.url } });
    try {
      await h.command("create Starting a business");
      const community = await createCommunity(h, "U0ALICE");
      expect(community.slackChannelId).toMatch(/^C/);
      const apiPaths = (paths: string[]) => paths.filter((p) => p.startsWith("/api/")).sort();
      const forwarded = apiPaths(proxy.requests.filter((r) => r.url.startsWith(h.slack.baseUrl)).map((r) => new URL(r.url).pathname));
      // The observer wraps the proxy's transport rather than replacing it.
      expect(forwarded).toEqual(apiPaths(h.slack.calls.map((c) => `/api/${c.method}`)));
      const scraped = await scrape(h);
      expect(scraped.value(`${P}slack_api_calls_total`)).toBe(h.slack.calls.length);
      expect(scraped.value(`${P}slack_api_calls_total`, { method: "views.open", result: "ok" })).toBe(1);
      expect(scraped.value(`${P}slack_api_calls_total`, { method: "conversations.create", result: "ok" })).toBe(1);
    } finally {
      await h.close();
      await proxy.stop();
    }
  });
});
