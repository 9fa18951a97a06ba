import { createCommunity } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";

let h: Harness;
let channel: string;
beforeAll(async () => {
  h = await startHarness();
  const community = await createCommunity(h, "U0ALICE", { purpose: "Fewer forms for new businesses." });
  channel = community.slackChannelId!;
});
afterAll(async () => {
  await h.close();
});

let lastReply: any;
async function info(text: string, opts: { user?: string; channel?: string }) {
  lastReply = (await h.command(text, opts)).json;
}
function lastResponse() {
  return lastReply;
}

describe("/community info", () => {
  it("shows the charter of the community whose channel you are in", async () => {
    await info("info", { channel, user: "U0ALICE" });
    const response = lastResponse();
    expect(response.response_type).toBe("ephemeral");
    const text = JSON.stringify(response.blocks);
    expect(text).toContain("*Service:* Starting a business");
    expect(text).toContain("Fewer forms for new businesses.");
    expect(text).toContain("People register with HMRC and Companies House separately");
    expect(text).toContain("We meet: Monthly");
    // Slack mrkdwn needs & escaped.
    expect(text).toContain("Organised by <@U0ALICE> (HMRC)");
    // Alice is a member: no Join button.
    expect(text).not.toContain("Join this community");
  });

  it("finds a community by name, ignoring case, and offers a non-member the Join button", async () => {
    await info("info starting A BUSINESS", { user: "U0BOB" });
    expect(JSON.stringify(lastResponse().blocks)).toContain("Join this community");
  });

  it("finds a community by a unique beginning of its name", async () => {
    await info("info start", { user: "U0BOB" });
    expect(lastResponse().text).toBe("The charter of Starting a business");
  });

  it("suggests the nearest name for a typo", async () => {
    await info("info Startin a busness", { user: "U0BOB" });
    expect(lastResponse().text).toBe(
      'There is no community called "Startin a busness". Did you mean *Starting a business*? `/community list` shows them all.',
    );
  });

  it("says what to type when run outside a community channel without a name", async () => {
    await info("info", { user: "U0BOB", channel: "C0ELSEWHERE" });
    expect(lastResponse().text).toBe(
      "Which community? Type `/community info <name>`, or run the command in the community's channel. `/community list` shows them all.",
    );
  });
});
