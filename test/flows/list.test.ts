import { DIRECTORY_MAX_AGE_MS } from "../../src/domain/communities/directory";
import { LIMITS } from "../../src/views/blocks";
import { ACTION, BLOCK } from "../../src/views/ids";
import { createCommunity, joinCommunity } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { blockAction } from "../support/payloads";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function seedCommunities(count: number) {
  const workspace = await h.db.workspace.upsert({ where: { teamId: "T0TEST" }, create: { teamId: "T0TEST" }, update: {} });
  for (let i = 0; i < count; i++) {
    const name = `Community ${String(i).padStart(3, "0")}`;
    await h.db.community.create({
      data: {
        workspaceId: workspace.id,
        name,
        nameKey: name.toLowerCase(),
        slug: `community-${i}`,
        service: `Service ${i}`,
        meetingCadence: "monthly",
        timezone: "Europe/London",
        createdBy: "U0SEED",
        slackChannelId: `CSEED${i}`,
        memberships: { create: { slackUserId: "U0SEED", organisation: "hmrc", profession: "policy", role: "organiser", status: "active" } },
      },
    });
  }
}

describe("/community list", () => {
  it("invites you to create the first community when there are none", async () => {
    const reply = await h.command("list");
    expect(reply.status).toBe(200);
    // Quick enough to go in the ack itself: no response_url round trip.
    expect(h.slack.responses).toHaveLength(0);
    const response = reply.json;
    expect(response.response_type).toBe("ephemeral");
    expect(response.text).toBe("There are no communities in this workspace yet.");
    expect(JSON.stringify(response.blocks)).toContain(ACTION.openCreateModal);
  });

  it("lists communities with member counts, channels and Join buttons, a page at a time", async () => {
    const sab = await createCommunity(h, "U0ALICE", { name: "Aardvark starting a business", channel: "sc-aardvark" });
    await joinCommunity(h, "U0BOB", sab.id);
    expect((await h.command("list", { user: "U0BOB" })).json.text).toBe("Service communities in this workspace (1)");
    // Written straight to the database, as another replica would: this process
    // sees them once its snapshot of the list is older than its maximum age.
    await seedCommunities(24);
    expect((await h.command("list", { user: "U0BOB" })).json.text).toBe("Service communities in this workspace (1)");
    h.clock.advance(DIRECTORY_MAX_AGE_MS);

    const first = (await h.command("list", { user: "U0BOB" })).json;
    expect(first.text).toBe("Service communities in this workspace (25)");
    expect(first.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const text = JSON.stringify(first.blocks);
    expect(text).toContain(`*Aardvark starting a business*  ·  2 members  ·  <#${sab.slackChannelId}>`);
    expect(text).toContain("You are a member");
    expect(text).toContain("Page 1 of 3");
    const joinButtons = first.blocks.filter((b: any) => b.accessory?.action_id === ACTION.joinCommunity);
    expect(joinButtons).toHaveLength(9); // Bob is already in the first one
    expect(joinButtons[0].accessory.value).toEqual(expect.any(String));

    // Next page, through the button, replacing the message in place.
    const next = first.blocks.find((b: any) => b.block_id === BLOCK.listPager).elements.find((e: any) => e.text.text === "Next");
    await h.interact(
      blockAction({ user: "U0BOB", actionId: next.action_id, value: next.value, channel: "C0RANDOM", responseUrl: h.slack.responseUrl() }),
    );
    const second = h.slack.responses.at(-1)!.body;
    expect(second.replace_original).toBe(true);
    expect(JSON.stringify(second.blocks)).toContain("Page 2 of 3");
    expect(JSON.stringify(second.blocks)).toContain("Community 009");

    // A stale Next button past the end shows the last page.
    await h.interact(
      blockAction({ user: "U0BOB", actionId: ACTION.listNext, value: "7", channel: "C0RANDOM", responseUrl: h.slack.responseUrl() }),
    );
    expect(JSON.stringify(h.slack.responses.at(-1)!.body.blocks)).toContain("Page 3 of 3");
  });
});
