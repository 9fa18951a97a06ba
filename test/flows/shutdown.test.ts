// The real process as a newcomer and a container start it: `npm start` (npm, then
// exec into `node dist/main.js`). SIGTERM to the PID that `npm start` created must
// reach the bot, which finishes the request still in flight, closes its port and
// exits 0; npm then exits 0 too.

import { type BotProcess, portClosed, startBot } from "../support/botProcess";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { SIGNING_SECRET } from "../support/harness";
import { signedHeaders } from "../support/signing";

let slack: FakeSlack;
let database: TestDatabase;
let bot: BotProcess | undefined;

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.start();
  database = await createTestDatabase();
});
afterAll(async () => {
  bot?.child.kill("SIGKILL");
  await slack.stop();
  await database.release();
});

it("drains the request in flight on SIGTERM to npm start's PID, closes the port and exits 0", async () => {
  bot = startBot(
    {
      SLACK_BOT_TOKEN: "xoxb-shutdown",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      DATABASE_URL: database.url,
      PUBLIC_URL: "http://localhost",
    },
    { command: "npm start" },
  );
  const { port } = await bot.waitForLog((e) => typeof e.port === "number");
  await bot.waitForLog((e) => /ready/.test(e.msg ?? ""));
  const gate = slack.hold("views.open");
  const body = new URLSearchParams({
    team_id: "T0TEST",
    user_id: "U0ALICE",
    channel_id: "C0RANDOM",
    command: "/community",
    text: "create Starting a business",
    response_url: slack.responseUrl(),
    trigger_id: "trigger-shutdown",
  }).toString();
  const reply = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SIGNING_SECRET, body) },
    body,
  });
  expect(reply.status).toBe(200); // acked; opening the modal is still under way
  await gate.arrived;

  // The signal goes to npm's own process, as Docker, Kubernetes and systemd send it.
  bot.child.kill("SIGTERM");
  await bot.waitForLog((e) => /stopping/.test(e.msg ?? ""));
  gate.release();

  expect(await bot.exited).toBe(0);
  expect(slack.callsTo("views.open")).toHaveLength(1);
  expect(bot.logs.some((l) => l.includes('"msg":"stopped cleanly"'))).toBe(true);
  expect(await portClosed(port)).toBe(true);
}, 60_000);
