// Start-up as an operator meets it, on the compiled build: a wrong setting or a
// token Slack refuses stops the bot with one plain paragraph that names the
// variable (exit 1, no stack trace); a Slack that cannot be reached leaves the
// bot alive but not ready, until Slack answers.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino from "pino";
import { WebSocketServer } from "ws";
import { compose } from "../../src/compose";
import { createStore } from "../../src/store";
import { type BotProcess, ROOT, startBot } from "../support/botProcess";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { SIGNING_SECRET, startHarness, testConfig } from "../support/harness";
import { signedHeaders } from "../support/signing";

let slack: FakeSlack;
let database: TestDatabase;
const bots: BotProcess[] = [];

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.start();
  database = await createTestDatabase();
});
afterEach(() => {
  for (const bot of bots.splice(0)) bot.child.kill("SIGKILL");
});
afterAll(async () => {
  await slack.stop();
  await database.release();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: "xoxb-real-looking",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DATABASE_URL: database.url,
    PUBLIC_URL: "http://localhost",
    ...extra,
  };
}

function run(vars: Record<string, string>, args: string[] = []): BotProcess {
  const bot = startBot(vars, { args });
  bots.push(bot);
  return bot;
}

/** Everything the process printed, for the "no stack trace" checks. */
function printed(bot: BotProcess): string {
  return [...bot.logs, ...bot.stderr].join("\n");
}

describe("a token Slack refuses", () => {
  it.each(["invalid_auth", "not_authed", "account_inactive", "token_revoked"])(
    "%s for the bot token: exit 1 with one paragraph naming SLACK_BOT_TOKEN",
    async (error) => {
      slack.script("auth.test", { ok: false, error });
      const bot = run(env());
      expect(await bot.exited).toBe(1);
      const message = bot.stderr.join("\n");
      expect(message).toContain(`Slack refused SLACK_BOT_TOKEN (${error})`);
      expect(message).toContain("OAuth & Permissions");
      expect(bot.stderr).toHaveLength(1);
      expect(printed(bot)).not.toMatch(/\n\s+at /);
    },
  );

  it("in Socket Mode, an app token Slack refuses names SLACK_APP_TOKEN, and a missing scope is named", async () => {
    slack.script("apps.connections.open", { ok: false, error: "invalid_auth" });
    const refused = run(env({ SLACK_APP_TOKEN: "xapp-real-looking", SLACK_SIGNING_SECRET: "" }));
    expect(await refused.exited).toBe(1);
    expect(refused.stderr.join("\n")).toContain("Slack refused SLACK_APP_TOKEN (invalid_auth)");
    expect(refused.stderr.join("\n")).toContain("App-Level Tokens");

    slack.script("apps.connections.open", { ok: false, error: "missing_scope", needed: "connections:write" });
    const scope = run(env({ SLACK_APP_TOKEN: "xapp-real-looking", SLACK_SIGNING_SECRET: "" }));
    expect(await scope.exited).toBe(1);
    expect(scope.stderr.join("\n")).toContain("SLACK_APP_TOKEN but it is missing the connections:write scope");
    expect(printed(scope)).not.toMatch(/\n\s+at /);
  });
});

describe("configuration is checked before anything else", () => {
  it("refuses the .env.example placeholders, naming each variable", async () => {
    slack.reset();
    const bot = run(env({ SLACK_BOT_TOKEN: "xoxb-your-bot-token", SLACK_SIGNING_SECRET: "your-signing-secret" }), ["--migrate"]);
    expect(await bot.exited).toBe(1);
    const message = bot.stderr.join("\n");
    expect(message).toContain("SLACK_BOT_TOKEN is still the example value from .env.example");
    expect(message).toContain("SLACK_SIGNING_SECRET is still the example value from .env.example");
    expect(slack.callsTo("auth.test")).toHaveLength(0);
  });

  it("refuses a MySQL DATABASE_URL before any migration runs, and creates nothing", async () => {
    const cwd = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "sc-mysql-"));
    const bot = startBot(env({ DATABASE_URL: "mysql://root@127.0.0.1:3306/test" }), { args: ["--migrate"], cwd });
    bots.push(bot);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr.join("\n")).toContain("DATABASE_URL should be a SQLite file");
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.existsSync(path.join(ROOT, "mysql:"))).toBe(false);
    expect(printed(bot)).not.toMatch(/prisma|\n\s+at /i);
  });

  it("warns when PUBLIC_URL is not set, since calendar links would point at localhost", async () => {
    const bot = run(env({ PUBLIC_URL: "" }));
    const warning = await bot.waitForLog((e) => /PUBLIC_URL is not set/.test(e.msg ?? ""));
    expect(warning.level).toBe(40);
  });
});

describe("a request signed with another secret", () => {
  it("is refused with 401, and the log names SLACK_SIGNING_SECRET once however many arrive", async () => {
    const store = createStore(database.url);
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const config = testConfig(slack.apiUrl, database.url, { logLevel: "info" });
    const app = compose({ config, store, logger });
    const port = await app.start();
    try {
      const body = "command=%2Fcommunity&text=help";
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders("another-secret", body) },
          body,
        });
        expect(res.status).toBe(401);
      }
      const notes = lines.filter((l) => l.includes("SLACK_SIGNING_SECRET"));
      expect(notes).toHaveLength(1);
      expect(JSON.parse(notes[0]).msg).toContain("copy the Signing Secret from your Slack app's Basic Information page");
    } finally {
      await app.stop();
      await store.close();
    }
  });
});

describe("readiness", () => {
  async function getJson(url: string) {
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as any };
  }

  it("a Slack that cannot be reached: /healthz 200, /readyz 503 naming Slack, and the reason logged plainly; ready once Slack answers", async () => {
    // A port with nothing listening, then the fake Slack: the same process sees Slack come back.
    const closed = new FakeSlack();
    await closed.start();
    const apiUrl = closed.apiUrl;
    await closed.stop();
    const store = createStore(database.url);
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const config = testConfig(apiUrl, database.url, { logLevel: "info" });
    const app = compose({ config, store, logger, connection: { firstRetryMs: 20, maxRetryMs: 50 } });
    const port = await app.start();
    const connected = app.connect();
    try {
      while (!lines.some((l) => l.includes("Cannot reach Slack"))) await new Promise((r) => setTimeout(r, 10));
      expect((await getJson(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const ready = await getJson(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.failing).toEqual(["slack"]);
      // Inside jest, fetch's error crosses a realm and loses its cause; the process test below sees it.
      expect(ready.body.checks.slack.lastError).toMatch(/ECONNREFUSED|fetch failed/);
      expect(ready.body.checks.database.ok).toBe(true);
      const log = JSON.parse(lines.find((l) => l.includes("Cannot reach Slack"))!);
      expect(log.msg).toContain(`Cannot reach Slack at ${apiUrl}`);
      expect(log.proxy).toBeDefined();
    } finally {
      // Slack comes back on the same port: the retry succeeds and the bot becomes ready.
      const back = new FakeSlack();
      await back.startOn(Number(new URL(apiUrl).port));
      await connected;
      const ready = await getJson(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: "ready",
        failing: [],
        checks: { database: { ok: true }, migrations: { ok: true, pending: [] }, slack: { ok: true } },
      });
      await app.stop();
      await store.close();
      await back.stop();
    }
  });

  it("the production process says why it cannot reach Slack, stays alive and answers /healthz 200 and /readyz 503", async () => {
    const closed = new FakeSlack();
    await closed.start();
    const apiUrl = closed.apiUrl;
    await closed.stop();
    const bot = run(env({ SLACK_API_URL: apiUrl }));
    const { port } = await bot.waitForLog((e) => typeof e.port === "number");
    const warning = await bot.waitForLog((e) => /Cannot reach Slack/.test(e.msg ?? ""));
    expect(warning.msg).toContain(`Cannot reach Slack at ${apiUrl} (ECONNREFUSED`);
    expect(warning.msg).toContain("proxy: none");
    expect(warning.msg).toContain("Trying again in 1 second.");
    expect((await getJson(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ready = await getJson(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body.checks.slack.lastError).toMatch(/^ECONNREFUSED/);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });

  it("a ready replica whose Web API calls stop getting answers is not ready, until one is answered again", async () => {
    const h = await startHarness();
    try {
      expect((await getJson(`${h.url}/readyz`)).status).toBe(200);
      const port = Number(new URL(h.slack.apiUrl).port);
      await h.slack.stop();
      await h.command("create Starting a business"); // opens a modal: views.open gets no answer
      const down = await getJson(`${h.url}/readyz`);
      expect(down.status).toBe(503);
      expect(down.body.failing).toEqual(["slack"]);
      expect(down.body.checks.slack.lastError).toBe("request_failed");
      await h.slack.startOn(port);
      await h.command("create Starting a business");
      expect((await getJson(`${h.url}/readyz`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it("warms up before it says ready: the busy paths run once, through Bolt, and nothing is sent to Slack", async () => {
    const store = createStore(database.url);
    const config = testConfig(slack.apiUrl, database.url);
    const lines: string[] = [];
    const app = compose({ config, store, logger: pino({ level: "debug" }, { write: (line: string) => void lines.push(line) }) });
    const port = await app.start();
    slack.reset();
    try {
      const connecting = app.connect();
      await connecting;
      expect(lines.some((l) => l.includes('"msg":"warmed up"'))).toBe(true);
      expect(lines.some((l) => /unhandled listener error|warming up failed/.test(l))).toBe(false);
      // The warm-up answered help and list in their acks: no Slack call but the start-up check.
      expect(slack.calls.map((c) => c.method)).toEqual(["auth.test"]);
      expect(slack.responses).toHaveLength(0);
      expect((await getJson(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      await app.stop();
      await store.close();
    }
  });

  it("a database without this release's migrations is not ready, and says which are pending", async () => {
    const empty = `file:${path.join(require("node:os").tmpdir(), `sc-unmigrated-${process.pid}.db`)}`;
    const url = database.url.startsWith("file:") ? empty : database.url.replace(/\/[^/]+$/, "/postgres");
    const store = createStore(url);
    const config = testConfig(slack.apiUrl, url);
    const app = compose({ config, store, logger: pino({ level: "silent" }) });
    const port = await app.start();
    await app.connect();
    try {
      const ready = await getJson(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.failing).toEqual(["migrations"]);
      expect(ready.body.checks.migrations.pending).toContain("20261121055012_init");
    } finally {
      await app.stop();
      await store.close();
      fs.rmSync(empty.slice(5), { force: true });
    }
  });

  it("in Socket Mode, is not ready until the socket is connected", async () => {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    let hello!: () => void;
    wss.on("connection", (ws) => {
      hello = () =>
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0APP" }, debug_info: { host: "fake" } }));
    });
    slack.script("apps.connections.open", { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` }, 5);
    const store = createStore(database.url);
    const config = testConfig(slack.apiUrl, database.url, { slackAppToken: "xapp-x", slackSigningSecret: undefined });
    const app = compose({ config, store, logger: pino({ level: "silent" }) });
    const port = await app.start();
    const connected = app.connect();
    try {
      while (!hello) await new Promise((r) => setTimeout(r, 10));
      const before = await getJson(`http://127.0.0.1:${port}/readyz`);
      expect(before.status).toBe(503);
      hello();
      await connected;
      const after = await getJson(`http://127.0.0.1:${port}/readyz`);
      expect(after.status).toBe(200);
      expect(after.body.checks.socket).toEqual({ ok: true });
    } finally {
      await app.stop();
      await store.close();
      await new Promise((resolve) => wss.close(resolve));
    }
  });
});
