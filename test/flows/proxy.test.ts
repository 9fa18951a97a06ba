// The running app behind a real local proxy (test/support/proxy.ts): with
// HTTP_PROXY set, every Web API call (Bolt's clients, the before-ack client,
// the dispatcher's client) and every response_url post goes through it, and
// Socket Mode's WebSocket goes through a CONNECT tunnel; NO_PROXY and no proxy
// at all send them direct. The fake Slack is plain HTTP on 127.0.0.1, so
// HTTP_PROXY governs it; test/flows/outboundProxy.test.ts covers https:// and
// HTTPS_PROXY. The fake still answers every call: the bytes really go through.
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { DateTime } from "luxon";
import pino from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import { compose } from "../../src/compose";
import { createOutbound } from "../../src/outbound/proxy";
import { createStore } from "../../src/store";
import { CALLBACK, MEETING_BLOCK } from "../../src/views/ids";
import { createTestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { createCommunity } from "../support/flows";
import { type Harness, startHarness, testConfig } from "../support/harness";
import { input, viewSubmission } from "../support/payloads";
import { TestProxy } from "../support/proxy";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = new TestProxy();
  await proxy.start();
});
afterAll(async () => {
  await proxy.stop();
});
beforeEach(() => proxy.reset());

/** What the fake Slack received, as paths, to compare with what the proxy forwarded. */
function receivedBy(slack: FakeSlack): string[] {
  return [...slack.calls.map((c) => `/api/${c.method}`), ...slack.responses.map((r) => r.path)].sort();
}
function forwardedBy(p: TestProxy, slack: FakeSlack): string[] {
  return p.requests
    .filter((r) => r.url.startsWith(slack.baseUrl))
    .map((r) => new URL(r.url).pathname)
    .sort();
}

async function scheduleMeetingWithReminder(h: Harness, communityId: string) {
  const reply = await h.interact(
    viewSubmission({
      user: "U0ALICE",
      callbackId: CALLBACK.scheduleMeeting,
      privateMetadata: JSON.stringify({ communityId, pickerZone: "Europe/London" }),
      values: {
        [MEETING_BLOCK.title]: input.text("Show and tell"),
        [MEETING_BLOCK.start]: input.datetime(DateTime.fromISO("2026-03-03T12:00", { zone: "Europe/London" }).toSeconds()),
        [MEETING_BLOCK.duration]: input.select("60"),
        [MEETING_BLOCK.videoLink]: input.text("https://teams.example.gov.uk/meet/1"),
        [MEETING_BLOCK.recurrence]: input.select("none"),
        [MEETING_BLOCK.reminders]: input.checkboxes(["1440"]),
      },
    }),
  );
  expect(reply.json).toEqual({ response_action: "clear" });
}

describe("HTTP mode", () => {
  it("sends every Web API call and response_url post through HTTP_PROXY, with its credentials, and they still work", async () => {
    const h = await startHarness({ proxy: { httpProxy: proxy.urlWithCredentials("ops", "s3cret") } }, { replyBudgetMs: 0 });
    try {
      // A command whose reply misses the budget goes to response_url (Bolt's respond()).
      await h.command("list");
      expect(h.slack.responses[0]?.body.text).toBe("There are no communities in this workspace yet.");
      // Bolt's per-request client.
      await h.command("create Starting a business");
      expect(h.slack.lastCall("views.open")?.args.view.callback_id).toBe(CALLBACK.createCommunity);
      // The before-ack client (conversations.create) and Bolt's client (welcome, topic…).
      const community = await createCommunity(h, "U0ALICE");
      expect(community.slackChannelId).toMatch(/^C/);
      // The outbox dispatcher's own client: the note in the channel a day before the meeting.
      await scheduleMeetingWithReminder(h, community.id);
      const postsBefore = h.slack.callsTo("chat.postMessage").length;
      h.clock.set(new Date("2026-03-02T12:00:00Z"));
      await h.app.tick();
      expect(h.slack.callsTo("chat.postMessage").length).toBeGreaterThan(postsBefore);

      expect(receivedBy(h.slack).length).toBeGreaterThan(5);
      expect(forwardedBy(proxy, h.slack)).toEqual(receivedBy(h.slack));
      const basic = `Basic ${Buffer.from("ops:s3cret").toString("base64")}`;
      expect(proxy.requests.every((r) => r.proxyAuthorization === basic)).toBe(true);
      // Plain-HTTP proxy requests for an http:// destination, as curl sends them: no tunnel.
      expect(proxy.tunnels).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it("goes direct to the hosts NO_PROXY names, and the calls still work", async () => {
    const h = await startHarness(
      { proxy: { httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: "localhost,127.0.0.1" } },
      { replyBudgetMs: 0 },
    );
    try {
      await h.command("list");
      await h.command("create Starting a business");
      expect(h.slack.responses).toHaveLength(1);
      expect(h.slack.callsTo("views.open")).toHaveLength(1);
      expect(proxy.total).toBe(0);
    } finally {
      await h.close();
    }
  });

  it("changes nothing with no proxy set", async () => {
    const h = await startHarness({}, { replyBudgetMs: 0 });
    try {
      await h.command("list");
      await h.command("create Starting a business");
      expect(h.slack.responses).toHaveLength(1);
      expect(h.slack.callsTo("views.open")).toHaveLength(1);
      expect(proxy.total).toBe(0);
      // No proxy, no dispatcher: the clients' fetch is only the readiness/metrics observer around Node's own.
      expect(createOutbound(undefined)).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});

describe("Socket Mode", () => {
  it("opens the socket through a CONNECT tunnel and apps.connections.open through the proxy, and logs the proxy once without its password", async () => {
    const slack = new FakeSlack();
    await slack.start();
    const database = await createTestDatabase();
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    const wsPort = (wss.address() as AddressInfo).port;
    const socket = new Promise<WebSocket>((resolve) =>
      wss.once("connection", (ws) => {
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0APP" }, debug_info: { host: "fake" } }));
        resolve(ws);
      }),
    );
    slack.script("apps.connections.open", { url: `ws://127.0.0.1:${wsPort}/link` }, 10);
    const lines: any[] = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const store = createStore(database.url);
    const app = compose({
      config: testConfig(slack.apiUrl, database.url, {
        slackBotToken: "xoxb-socket",
        slackAppToken: "xapp-socket",
        slackSigningSecret: undefined,
        logLevel: "info",
        proxy: { httpProxy: proxy.urlWithCredentials("ops", "s3cret") },
      }),
      store,
      logger,
    });
    try {
      await app.start();
      await app.connect();
      const ws = await socket;
      expect(slack.lastCall("apps.connections.open")?.token).toBe("xapp-socket");
      expect(proxy.tunnels.map((t) => t.target)).toEqual([`127.0.0.1:${wsPort}`]);
      expect(proxy.tunnels[0].proxyAuthorization).toBe(`Basic ${Buffer.from("ops:s3cret").toString("base64")}`);

      // A command over the socket whose listener calls the Web API (views.open).
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
            text: "create Starting a business",
            response_url: slack.responseUrl(),
            trigger_id: "trigger-socket",
            api_app_id: "A0APP",
          },
        }),
      );
      expect((await ack).envelope_id).toBe("env-1");
      await app.inFlight.idle();
      expect(slack.callsTo("views.open")).toHaveLength(1);
      expect(forwardedBy(proxy, slack)).toEqual(receivedBy(slack));

      const proxyLines = lines.filter((l) => "proxy" in l);
      expect(proxyLines).toHaveLength(1);
      expect(proxyLines[0]).toMatchObject({ msg: "outbound calls go through a proxy", proxy: { http: `${proxy.url} (with credentials)` } });
      expect(JSON.stringify(lines)).not.toContain("s3cret");
    } finally {
      await app.stop();
      await store.close();
      await new Promise((resolve) => wss.close(resolve));
      await slack.stop();
      await database.release();
    }
  });
});
