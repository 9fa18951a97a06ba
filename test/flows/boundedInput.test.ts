// Work bounded by a cap, however big the request: a signed command with one
// 2 MB word used to freeze the whole process for tens of seconds (the "did you
// mean" table grew with the word), with /healthz dead meanwhile.
import { COMMAND_TEXT_MAX } from "../../src/domain/common/inputLimits";
import { ACTION } from "../../src/views/ids";
import { createCommunity } from "../support/flows";
import { type Harness, startHarness, TEAM_ID } from "../support/harness";
import { optionsRequest } from "../support/payloads";

/** Generous for a loaded CI machine; the unbounded version took tens of seconds. */
const PROMPTLY_MS = 2000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await createCommunity(h, "U0ALICE");
});
afterAll(async () => {
  await h.close();
});

function commandBody(text: string): string {
  return new URLSearchParams({
    team_id: TEAM_ID,
    channel_id: "C0RANDOM",
    user_id: "U0ALICE",
    command: "/community",
    text,
    response_url: h.slack.responseUrl(),
    trigger_id: "t",
  }).toString();
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

it("answers a 2 MB command at once, and /healthz answers while it is handled", async () => {
  const body = commandBody("x".repeat(2_000_000));
  const command = timed(() => h.post(body));
  // Sent while the command is read, parsed and answered: the process is never blocked for long.
  const health = timed(() => fetch(`${h.url}/healthz`).then((r) => r.status));
  const [answered, healthz] = await Promise.all([command, health]);
  expect(answered.result.status).toBe(200);
  expect(answered.ms).toBeLessThan(PROMPTLY_MS);
  expect(answered.result.json).toEqual({
    response_type: "ephemeral",
    text: expect.stringContaining("That command is too long to read: it has 2,000,000 characters"),
  });
  expect(healthz.result).toBe(200);
  expect(healthz.ms).toBeLessThan(PROMPTLY_MS);
});

it("still guesses nothing, promptly, for the longest word it reads", async () => {
  const { result, ms } = await timed(() => h.command("y".repeat(COMMAND_TEXT_MAX)));
  expect(ms).toBeLessThan(PROMPTLY_MS);
  expect(result.json.text).toMatch(/^There is no command `\/community y+`, and no community with that name\.$/);
});

it("compares a long community name with the community names promptly", async () => {
  const { result, ms } = await timed(() => h.command(`info ${"Starting a business ".repeat(195)}`));
  expect(ms).toBeLessThan(PROMPTLY_MS);
  expect(result.json.text).toMatch(/There is no community called/);
});

it.each([ACTION.community, ACTION.organisation, ACTION.timezone, ACTION.problemCommunity])(
  "answers a 2 MB type-ahead query for %s at once",
  async (actionId) => {
    const { result, ms } = await timed(() => h.interact(optionsRequest({ user: "U0ALICE", actionId, value: "Starting".repeat(250_000) })));
    expect(ms).toBeLessThan(PROMPTLY_MS);
    expect(result.status).toBe(200);
    expect(Array.isArray(result.json.options)).toBe(true);
  },
);
