// Starts the real app on a random port, against the fake Slack Web API and a
// fresh database, and sends it signed requests exactly as Slack would.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { type Bot, type CompositionOptions, compose } from "../../src/compose";
import type { Config } from "../../src/config";
import { ManualClock } from "../../src/domain/common/clock";
import type { Db } from "../../src/store/prismaClient";
import { createTestDatabase, type DatabaseSnapshot, databaseKind, type TestDatabase } from "./databases";
import { FakeSlack, type FakeSlackSnapshot } from "./fakeSlack";
import { signedHeaders } from "./signing";

export const SIGNING_SECRET = "test-signing-secret";
export const TEAM_ID = "T0TEST";

export interface HttpReply {
  status: number;
  text: string;
  json: any;
}

export interface Harness {
  url: string;
  slack: FakeSlack;
  db: Db;
  clock: ManualClock;
  app: Bot;
  database: TestDatabase;
  /** POST a raw body to /slack/events; signed unless told otherwise. */
  post(
    body: string,
    opts?: {
      contentType?: string;
      headers?: Record<string, string>;
      timestamp?: number;
      secret?: string;
      unsigned?: boolean;
      path?: string;
    },
  ): Promise<HttpReply>;
  /** A slash command as Slack sends it (form body). Waits for work after the ack. */
  command(text: string, opts?: { user?: string; channel?: string; team?: string }): Promise<HttpReply>;
  /** An interaction (block action, view submission…) as payload=<json>. Waits for work after the ack. */
  interact(payload: Record<string, unknown>): Promise<HttpReply>;
  /** An Events API callback. Waits for the listener. */
  event(event: Record<string, unknown>, team?: string): Promise<HttpReply>;
  /** Waits until no listener is still working after its ack. */
  idle(): Promise<void>;
  /** The world as it is now (database, Slack's side, the clock), for other harnesses to start from (test/support/world.ts). */
  snapshot(): Promise<HarnessSnapshot>;
  close(): Promise<void>;
}

export interface HarnessSnapshot {
  database: DatabaseSnapshot;
  slack: FakeSlackSnapshot;
  now: Date;
}

/**
 * One request on a connection of its own, as Slack's are. fetch() keeps connections alive,
 * and one it reuses just as the server closes it for idling (5 s; easily reached between two
 * requests on a loaded machine) fails the request with ECONNRESET.
 */
function httpPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * A complete configuration for an app a test builds itself (outside the harness):
 * HTTP mode, a random port, silent logs; the test names only what it is about.
 */
export function testConfig(slackApiUrl: string, databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return {
    slackBotToken: "xoxb-test-token",
    slackSigningSecret: SIGNING_SECRET,
    slackApiUrl,
    port: 0,
    publicUrl: "http://localhost",
    databaseUrl,
    defaultTimezone: "Europe/London",
    logLevel: "silent",
    // Emails as files, in a folder of this process's own, never the checkout's ./data/mail.
    mail: {
      provider: "files",
      dir: path.join(os.tmpdir(), `sc-test-mail-${process.pid}`),
      from: "Service Communities <communities@example.gov.uk>",
      perMinute: 100_000,
    },
    ...overrides,
  };
}

/** `from`: start in a snapshot's world instead of an empty database and an empty Slack, on Monday 2 March 2026, 10:00Z. */
export async function startHarness(
  overrides: Partial<Config> = {},
  appOptions: Pick<CompositionOptions, "replyBudgetMs" | "warmUp" | "pacingMs" | "mail" | "emailDispatcher" | "emailPacer"> = {},
  from?: HarnessSnapshot,
): Promise<Harness> {
  const slack = new FakeSlack();
  await slack.start();
  if (from) slack.restore(from.slack);
  const database = await createTestDatabase(databaseKind(), from?.database);
  const clock = new ManualClock(from?.now ?? new Date("2026-03-02T10:00:00Z"));
  const config = testConfig(slack.apiUrl, database.url, { publicUrl: "https://communities.test", ...overrides });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  // Composed as main.ts composes it (the store opened from the config, its queries timed when metrics are on).
  // No retries: a scripted failure should surface at once, not after back-off.
  // No warm-up: it costs every test a few requests' time, and startup.test.ts covers it.
  // No pacing: it is real time (a second between two messages to one person), which the
  // flows would spend asleep; test/scheduler/pacer.test.ts and the dispatcher's tests check it.
  const app = compose({ config, logger, clock, clientOptions: { retryConfig: { retries: 0 } }, warmUp: false, pacingMs: 0, ...appOptions });
  const { store } = app;
  const port = await app.start();
  await app.connect();
  const url = `http://127.0.0.1:${port}`;
  let seq = 0;

  const post: Harness["post"] = async (body, opts = {}) => {
    const headers: Record<string, string> = {
      "content-type": opts.contentType ?? "application/x-www-form-urlencoded",
      ...(opts.unsigned ? {} : signedHeaders(opts.secret ?? SIGNING_SECRET, body, opts.timestamp)),
      ...opts.headers,
    };
    const { status, text } = await httpPost(`${url}${opts.path ?? "/slack/events"}`, headers, body);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status, text, json };
  };

  const harness: Harness = {
    url,
    slack,
    db: (store as unknown as { db: Db }).db,
    clock,
    app,
    database,
    post,
    async command(text, opts = {}) {
      const form = new URLSearchParams({
        token: "deprecated-verification-token",
        team_id: opts.team ?? TEAM_ID,
        team_domain: "test",
        channel_id: opts.channel ?? "C0RANDOM",
        channel_name: "random",
        user_id: opts.user ?? "U0ALICE",
        user_name: "alice",
        command: "/community",
        text,
        api_app_id: "A0APP",
        response_url: slack.responseUrl(),
        trigger_id: `trigger-${++seq}`,
      });
      const reply = await post(form.toString());
      await app.inFlight.idle();
      return reply;
    },
    async interact(payload) {
      const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      const reply = await post(body);
      await app.inFlight.idle();
      return reply;
    },
    async event(event, team = TEAM_ID) {
      const body = JSON.stringify({
        token: "deprecated",
        team_id: team,
        api_app_id: "A0APP",
        event,
        type: "event_callback",
        event_id: `Ev${++seq}`,
        event_time: Math.floor(Date.now() / 1000),
      });
      const reply = await post(body, { contentType: "application/json" });
      await app.inFlight.idle();
      return reply;
    },
    idle: () => app.inFlight.idle(),
    async snapshot() {
      await app.inFlight.idle();
      return { database: await database.snapshot(), slack: slack.snapshot(), now: clock.now() };
    },
    async close() {
      await app.stop();
      await store.close();
      await slack.stop();
      await database.release();
    },
  };
  return harness;
}
