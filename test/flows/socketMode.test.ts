// Socket Mode without Slack: the fake Web API hands out a WebSocket URL from
// apps.connections.open, and a local WebSocket server plays Slack's side, sending
// a slash command envelope and reading the app's acknowledgement.
import type { AddressInfo } from "node:net";
import pino from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import { type Bot, compose } from "../../src/compose";
import { createStore } from "../../src/store";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { testConfig } from "../support/harness";

let slack: FakeSlack;
let database: TestDatabase;
let wss: WebSocketServer;
let app: Bot;
let store: ReturnType<typeof createStore>;
let socket: Promise<WebSocket>;
let port: number;

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.start();
  database = await createTestDatabase();
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  socket = new Promise((resolve) =>
    wss.once("connection", (ws) => {
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0APP" }, debug_info: { host: "fake" } }));
      resolve(ws);
    }),
  );
  slack.script("apps.connections.open", { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` }, 10);
  store = createStore(database.url);
  app = compose({
    config: testConfig(slack.apiUrl, database.url, {
      slackBotToken: "xoxb-socket",
      slackAppToken: "xapp-socket",
      slackSigningSecret: undefined,
    }),
    store,
    logger: pino({ level: "silent" }),
  });
  port = await app.start();
  await app.connect();
});

afterAll(async () => {
  await app.stop();
  await store.close();
  await new Promise((resolve) => wss.close(resolve));
  await slack.stop();
  await database.release();
});

it("opens the socket through SLACK_API_URL and answers a slash command over it", async () => {
  const ws = await socket;
  expect(slack.lastCall("apps.connections.open")?.token).toBe("xapp-socket");
  const ack = new Promise<any>((resolve) => ws.on("message", (data) => resolve(JSON.parse(String(data)))));
  ws.send(
    JSON.stringify({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: "T0TEST",
        user_id: "U0ALICE",
        channel_id: "C0RANDOM",
        command: "/community",
        text: "help",
        response_url: slack.responseUrl(),
        trigger_id: "trigger-socket",
        api_app_id: "A0APP",
      },
    }),
  );
  const reply = await ack;
  expect(reply.envelope_id).toBe("env-1");
  expect(reply.payload.response_type).toBe("ephemeral");
  expect(JSON.stringify(reply.payload.blocks)).toContain("Getting started");
});

it("acks a malformed request over the socket at once, so Slack does not send it again", async () => {
  const ws = await socket;
  const ack = new Promise<any>((resolve) => ws.on("message", (data) => resolve(JSON.parse(String(data)))));
  const started = performance.now();
  ws.send(
    JSON.stringify({
      envelope_id: "env-bad",
      type: "interactive",
      accepts_response_payload: false,
      payload: { type: "block_actions", team: { id: "T0TEST" }, user: { id: "U0ALICE" }, actions: "x" },
    }),
  );
  const reply = await ack;
  expect(reply.envelope_id).toBe("env-bad");
  expect(performance.now() - started).toBeLessThan(1000);
});

it("serves the web pages on PORT, and answers an address Bolt's router cannot decode with the 400 page instead of stopping", async () => {
  const missing = await fetch(`http://127.0.0.1:${port}/no/such/page`);
  expect([missing.status, await missing.text()]).toEqual([404, expect.stringContaining("Page not found")]);
  const bad = await fetch(`http://127.0.0.1:${port}/calendar/%E0%A4%A.ics`);
  expect([bad.status, await bad.text()]).toEqual([400, expect.stringContaining("Sorry, there is a problem with this page")]);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
});
