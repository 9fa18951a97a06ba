// The real process: start it, give it a request whose work is still running,
// send SIGTERM, and check it finishes that work, closes cleanly and exits 0.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { FakeSlack } from "../support/fakeSlack";
import { SIGNING_SECRET } from "../support/harness";
import { signedHeaders } from "../support/signing";

const ROOT = path.resolve(__dirname, "../..");

let slack: FakeSlack;
let database: TestDatabase;
let child: ChildProcess | undefined;

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.start();
  database = await createTestDatabase();
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await slack.stop();
  await database.drop();
});

function startBot(): Promise<{ port: number; logs: string[]; exited: Promise<number | null> }> {
  child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      SLACK_BOT_TOKEN: "xoxb-shutdown",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      DATABASE_URL: database.url,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child!.stdout! });
    lines.on("line", (line) => {
      logs.push(line);
      const entry = JSON.parse(line);
      if (entry.port) resolve({ port: entry.port, logs, exited });
    });
    exited.then((code) => reject(new Error(`bot exited early with ${code}`)));
  });
}

it("finishes requests in flight on SIGTERM, then exits 0", async () => {
  const bot = await startBot();
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
  const reply = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SIGNING_SECRET, body) },
    body,
  });
  expect(reply.status).toBe(200); // acked; opening the modal is still under way
  await gate.arrived;

  child!.kill("SIGTERM");
  // Wait until the bot has logged that it is stopping, then let Slack answer.
  await new Promise<void>((resolve) => {
    const check = () => (bot.logs.some((l) => l.includes("stopping")) ? resolve() : setImmediate(check));
    check();
  });
  gate.release();

  expect(await bot.exited).toBe(0);
  expect(slack.callsTo("views.open")).toHaveLength(1);
  expect(bot.logs.some((l) => JSON.parse(l).msg === "stopped cleanly")).toBe(true);
});
