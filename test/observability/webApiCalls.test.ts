// The Web API observer on its own, with a real WebClient and the fake Slack:
// what each outcome reports (metrics and readiness both rely on it).
import { LogLevel, WebClient } from "@slack/web-api";
import { observeWebApiCalls, type WebApiCall } from "../../src/observability/webApiCalls";
import { FakeSlack } from "../support/fakeSlack";

let slack: FakeSlack;
let seen: WebApiCall[];
beforeEach(async () => {
  slack = new FakeSlack();
  await slack.start();
  seen = [];
});
afterEach(async () => {
  await slack.stop();
});

function client(options: { timeout?: number; slackApiUrl?: string } = {}): WebClient {
  const slackApiUrl = options.slackApiUrl ?? slack.apiUrl;
  return new WebClient("xoxb-test", {
    slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeout,
    // The failures below are on purpose: the client need not warn about them.
    logLevel: LogLevel.ERROR,
    ...observeWebApiCalls((call) => seen.push(call), { slackApiUrl }),
  });
}

describe("observeWebApiCalls", () => {
  it("reports ok, Slack's error code and rate_limited, calls made through the method aliases included", async () => {
    const web = client();
    await web.chat.postMessage({ channel: "C1", text: "hi" });
    slack.script("conversations.create", { ok: false, error: "name_taken" });
    await expect(web.conversations.create({ name: "x" })).rejects.toMatchObject({ data: { error: "name_taken" } });
    slack.rateLimit("users.info", 7);
    await expect(web.users.info({ user: "U1" })).rejects.toMatchObject({ code: "slack_webapi_rate_limited_error", retryAfter: 7 });
    expect(seen.map(({ method, result }) => ({ method, result }))).toEqual([
      { method: "chat.postMessage", result: "ok" },
      { method: "conversations.create", result: "name_taken" },
      { method: "users.info", result: "rate_limited" },
    ]);
    for (const call of seen) expect(call.seconds).toBeGreaterThan(0);
    // The answer still reaches the caller whole.
    expect((await web.users.info({ user: "U1" })).user).toMatchObject({ id: "U1", tz: "Europe/London" });
  });

  it("reports a call Slack did not answer in time as timeout, and one that found nobody as request_failed", async () => {
    const gate = slack.hold("auth.test");
    await expect(client({ timeout: 100 }).auth.test()).rejects.toMatchObject({ code: "slack_webapi_request_error" });
    gate.release();
    const closed = "http://127.0.0.1:1/api/";
    await expect(client({ slackApiUrl: closed }).auth.test()).rejects.toMatchObject({ code: "slack_webapi_request_error" });
    expect(seen.map(({ method, result }) => ({ method, result }))).toEqual([
      { method: "auth.test", result: "timeout" },
      { method: "auth.test", result: "request_failed" },
    ]);
  });

  it("leaves calls outside the Web API alone (response_url posts), and a throwing observer never breaks a call", async () => {
    const { fetch } = observeWebApiCalls(
      () => {
        throw new Error("observer bug");
      },
      { slackApiUrl: slack.apiUrl },
    );
    const response = await fetch!(slack.responseUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(200);
    expect(slack.responses).toHaveLength(1);
    const web = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, fetch });
    expect((await web.auth.test()).ok).toBe(true);
  });
});
