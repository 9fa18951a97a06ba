// Step 6, plan an activity: /community activity lists the four activities of the
// GOV.UK guidance, and Plan it opens the meeting form written for the one chosen.
import { checkStage } from "../../src/domain/journey/stageDraft";
import { ACTION, MEETING_BLOCK } from "../../src/views/ids";
import { type Harness, startHarness, TEAM_ID } from "../support/harness";
import { blockAction } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";

let h: Harness;
let communityId: string;
let channel: string;
beforeEach(async () => {
  h = await startHarness();
  const community = await seedCommunity(h, "U0ALICE", { problems: null });
  communityId = community.id;
  channel = community.slackChannelId!;
  await seedMember(h, "U0BOB", communityId);
  for (const title of ["Check what you need to do", "Register the company"]) {
    await h.app.services.journey.addStage({ teamId: TEAM_ID }, communityId, "U0ALICE", checkStage({ title }));
  }
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

function plan(user: string, value: string) {
  return h.interact(blockAction({ user, actionId: ACTION.planActivity, value, channel, responseUrl: h.slack.responseUrl() }));
}

const block = (view: any, id: string) => view.blocks.find((b: any) => b.block_id === id);

describe("/community activity", () => {
  it("lists the four activities of step 6, each with its guidance and Plan it", async () => {
    const reply = await h.command("activity", { user: "U0BOB", channel });
    const shown = JSON.stringify(reply.json.blocks);
    for (const title of [
      "Map a user's whole problem",
      "Create an experience map",
      "Share user research findings",
      "Step by step navigation",
    ])
      expect(shown).toContain(`*${title}*`);
    for (const url of [
      "https://www.gov.uk/service-manual/design/map-a-users-whole-problem",
      "https://www.gov.uk/service-manual/user-research/creating-an-experience-map",
      "https://www.gov.uk/service-manual/user-research/sharing-user-research-findings",
      "https://design-system.service.gov.uk/patterns/step-by-step-navigation/",
    ]) {
      expect(shown).toContain(url);
    }
    expect(reply.json.blocks.filter((b: any) => b.accessory?.action_id === ACTION.planActivity)).toHaveLength(4);
  });

  it("Plan it opens the meeting form with a title, a suitable length, an agenda for the activity and the journey's stages chosen", async () => {
    await plan("U0ALICE", JSON.stringify({ c: communityId, a: "map_whole_problem" }));
    const view = h.slack.lastCall("views.open")!.args.view as any;
    expect(block(view, MEETING_BLOCK.title).element.initial_value).toBe("Mapping the user's whole problem");
    expect(block(view, MEETING_BLOCK.duration).element.initial_option.value).toBe("120");
    // The stages are chosen in the form, not written into the agenda.
    expect(block(view, MEETING_BLOCK.agenda).element.initial_value).toBe(
      [
        "1. Agree who the user is and the goal they are trying to reach",
        "2. Walk the journey stage by stage, from the user's point of view",
        "3. Mark the pain points, and which organisation owns each",
        "4. Agree next steps and who will take them",
      ].join("\n"),
    );
    const stages = block(view, MEETING_BLOCK.stages);
    expect(stages.label.text).toBe("Stages this meeting covers");
    expect(stages.optional).toBe(true);
    expect(stages.element.options.map((o: any) => o.text.text)).toEqual(["1. Check what you need to do", "2. Register the company"]);
    expect(stages.element.initial_options.map((o: any) => o.text.text)).toEqual([
      "1. Check what you need to do",
      "2. Register the company",
    ]);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ communityId });
  });

  it("Plan it for sharing findings offers the journey's stages without choosing them: findings are not about the whole journey", async () => {
    await plan("U0ALICE", JSON.stringify({ c: communityId, a: "share_findings" }));
    const view = h.slack.lastCall("views.open")!.args.view as any;
    expect(block(view, MEETING_BLOCK.title).element.initial_value).toBe("Sharing user research findings");
    const stages = block(view, MEETING_BLOCK.stages);
    expect(stages.element.options).toHaveLength(2);
    expect(stages.element.initial_options).toBeUndefined();
  });

  it("refuses a member when only organisers schedule, and a forged button, without a stack trace", async () => {
    await plan("U0BOB", JSON.stringify({ c: communityId, a: "share_findings" }));
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/Only the organisers of \*Starting a business\* can schedule/);
    await plan("U0ALICE", "{not json");
    expect(h.slack.responses.at(-1)!.body.text).toBe("That button has expired. Type `/community activity` to see the activities again.");
    await plan("U0ALICE", JSON.stringify({ c: communityId, a: "juggling" }));
    expect(h.slack.responses.at(-1)!.body.text).toBe("That button has expired. Type `/community activity` to see the activities again.");
    expect(h.slack.callsTo("views.open")).toEqual([]);
  });
});
