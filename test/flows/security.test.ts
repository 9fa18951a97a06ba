import { createSubmission, joinSubmission } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { signedHeaders } from "../support/signing";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function submissionBody() {
  return `payload=${encodeURIComponent(JSON.stringify(createSubmission("U0MALLORY")))}`;
}

describe("requests that are not from Slack", () => {
  it("rejects a forged signature with 401 and writes nothing", async () => {
    const reply = await h.post(submissionBody(), { secret: "not-the-secret" });
    expect(reply.status).toBe(401);
    expect(await h.db.community.count()).toBe(0);
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
  });

  it("rejects an unsigned request with 401", async () => {
    const reply = await h.post(submissionBody(), { unsigned: true });
    expect(reply.status).toBe(401);
  });

  it("rejects a correctly signed request older than five minutes (a replay) with 401", async () => {
    const reply = await h.post(submissionBody(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(reply.status).toBe(401);
    expect(await h.db.community.count()).toBe(0);
  });

  it("rejects a body altered after signing", async () => {
    const body = submissionBody();
    const headers = signedHeaders("test-signing-secret", body);
    const reply = await h.post(body.replace("U0MALLORY", "U0ALICEX"), { unsigned: true, headers });
    expect(reply.status).toBe(401);
  });

  it("answers a malformed payload with an error and keeps serving", async () => {
    const callsBefore = h.slack.calls.length;
    // Not JSON at all: Bolt refuses it as a bad request.
    const broken = await h.post("payload=%7Bnot-json");
    expect(broken.status).toBe(400);
    // JSON of the wrong shape: refused at the edge as a bad request, not a crash.
    const unknownShape = await h.post(`payload=${encodeURIComponent(JSON.stringify({ type: "view_submission", view: null }))}`);
    expect(unknownShape.status).toBe(400);
    await h.idle();
    expect(await h.db.community.count()).toBe(0);
    expect(h.slack.calls.slice(callsBefore).filter((c) => c.method !== "auth.test")).toEqual([]);
    const help = await h.command("help");
    expect(help.status).toBe(200);
    expect(help.json.response_type).toBe("ephemeral");
  });

  it("private_metadata naming a community that does not exist is refused beside a field", async () => {
    const reply = await h.interact(joinSubmission("U0MALLORY", { communityId: "c-does-not-exist" }));
    expect(reply.json.response_action).toBe("errors");
    expect(Object.values(reply.json.errors)[0]).toMatch(/no longer exists/);
  });
});
