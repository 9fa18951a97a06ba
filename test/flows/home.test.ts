import { ACTION } from "../../src/views/ids";
import { createCommunity, joinCommunity } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function homeOpened(user: string, tab = "home") {
  return { type: "app_home_opened", user, channel: "D0HOME", tab, event_ts: `${Date.now() / 1000}` };
}

describe("App Home", () => {
  it("welcomes someone with no communities and offers to create or join", async () => {
    const reply = await h.event(homeOpened("U0NEW"));
    expect(reply.status).toBe(200);
    const publish = h.slack.lastCall("views.publish")!;
    expect(publish.args.user_id).toBe("U0NEW");
    const text = JSON.stringify(publish.args.view.blocks);
    expect(text).toContain("You are not in any community yet");
    expect(text).toContain(ACTION.openCreateModal);
    expect(text).toContain(ACTION.joinCommunity);
  });

  it("lists your communities and your role in each", async () => {
    const first = await createCommunity(h, "U0ALICE", { name: "Starting a business", channel: "sc-sab" });
    await createCommunity(h, "U0BOB", { name: "Becoming an apprentice", service: "Becoming an apprentice", channel: "sc-apprentice" });
    await joinCommunity(h, "U0BOB", first.id);
    await h.event(homeOpened("U0BOB"));
    const text = JSON.stringify(h.slack.lastCall("views.publish")!.args.view.blocks);
    expect(text).toContain("*Your communities* (2)");
    expect(text).toMatch(/\*Becoming an apprentice\*.*You are an organiser/);
    expect(text).toMatch(/\*Starting a business\*.*You are a member {2}· {2}2 members/);
  });

  it("ignores the messages tab", async () => {
    const before = h.slack.callsTo("views.publish").length;
    await h.event(homeOpened("U0ALICE", "messages"));
    expect(h.slack.callsTo("views.publish")).toHaveLength(before);
  });
});
