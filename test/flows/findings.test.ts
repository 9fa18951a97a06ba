// Findings and outputs (step 6, "share user research findings"), end to end:
// shared through the form with the journey's stages, posted in the channel,
// listed newest first and by stage, shared once however often the form is sent.
import { checkStage } from "../../src/domain/journey/stageDraft";
import { ACTION, CALLBACK, FINDING_BLOCK } from "../../src/views/ids";
import { type Harness, startHarness, TEAM_ID } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";

let h: Harness;
let communityId: string;
let channel: string;
let stageIds: string[];
beforeEach(async () => {
  h = await startHarness();
  const community = await seedCommunity(h, "U0ALICE", { problems: null });
  communityId = community.id;
  channel = community.slackChannelId!;
  await seedMember(h, "U0BOB", communityId, { organisation: "dwp" });
  stageIds = [];
  for (const title of ["Check what you need to do", "Register the company", "Employ people"]) {
    stageIds.push((await h.app.services.journey.addStage({ teamId: TEAM_ID }, communityId, "U0ALICE", checkStage({ title }))).stage.id);
  }
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

function shareForm(
  user: string,
  fields: { title?: string; link?: string | null; summary?: string | null; stages?: string[]; organisation?: string | null },
  viewId?: string,
) {
  return viewSubmission({
    user,
    callbackId: CALLBACK.shareFinding,
    viewId,
    privateMetadata: JSON.stringify({ communityId }),
    values: {
      [FINDING_BLOCK.title]: input.text(fields.title ?? "Why people register twice"),
      [FINDING_BLOCK.link]: input.text(fields.link ?? null),
      [FINDING_BLOCK.summary]: input.text(fields.summary ?? null),
      [FINDING_BLOCK.stages]: {
        type: "multi_static_select",
        selected_options: (fields.stages ?? []).map((value) => ({ value, text: { type: "plain_text", text: value } })),
      },
      [FINDING_BLOCK.organisation]: input.external(fields.organisation ?? null),
      [FINDING_BLOCK.organisationOther]: input.text(null),
    },
  });
}

const posts = (to: string) => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === to);

describe("findings", () => {
  it("are shared through the form, linked to stages, from the sharer's organisation, and posted in the channel", async () => {
    await h.interact(
      blockAction({ user: "U0BOB", actionId: ACTION.openShareFinding, value: communityId, channel, responseUrl: h.slack.responseUrl() }),
    );
    const form = h.slack.lastCall("views.open")!.args.view as any;
    expect(form.callback_id).toBe(CALLBACK.shareFinding);
    expect(form.blocks.find((b: any) => b.block_id === FINDING_BLOCK.stages).element.options.map((o: any) => o.text.text)).toEqual([
      "1. Check what you need to do",
      "2. Register the company",
      "3. Employ people",
    ]);
    const reply = await h.interact(
      shareForm("U0BOB", {
        link: "https://research.example.gov.uk/report?a=1&b=2",
        summary: "They cannot tell the two apart.",
        stages: [stageIds[1], "C0FORGED"],
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const stored = await h.db.finding.findFirstOrThrow({ where: { communityId }, include: { stages: true } });
    expect(stored).toMatchObject({ title: "Why people register twice", organisation: "dwp", createdBy: "U0BOB" });
    expect(stored.stages.map((s) => s.stageId)).toEqual([stageIds[1]]);
    const post = posts(channel)[0];
    expect(post.args.text).toBe("<@U0BOB> shared a finding with *Starting a business*: Why people register twice");
    expect(JSON.stringify(post.args.blocks)).toContain("Stages: 2. Register the company");
  });

  it("share once when the form is submitted twice", async () => {
    await h.interact(shareForm("U0BOB", {}, "V0SAME"));
    await h.interact(shareForm("U0BOB", {}, "V0SAME"));
    expect(await h.db.finding.count({ where: { communityId } })).toBe(1);
    expect(posts(channel)).toHaveLength(1);
  });

  it("put each error beside its field, and are for members only", async () => {
    const reply = await h.interact(shareForm("U0BOB", { title: "ab", link: "not a link" }));
    expect(Object.keys((reply.json as { errors: Record<string, string> }).errors).sort()).toEqual(
      [FINDING_BLOCK.link, FINDING_BLOCK.title].sort(),
    );
    const outsider = await h.interact(shareForm("U0NOBODY", {}));
    expect((outsider.json as { errors: Record<string, string> }).errors[FINDING_BLOCK.title]).toBe(
      "Only members of *Starting a business* can share findings with it. Join it first with `/community join`.",
    );
    expect(await h.db.finding.count()).toBe(0);
  });

  it("are listed newest first, for one stage when given its number, with a Share button and pages", async () => {
    for (let i = 1; i <= 12; i++) {
      h.clock.advance(60_000);
      await h.interact(shareForm("U0BOB", { title: `Finding number ${i}`, stages: i % 2 ? [stageIds[0]] : [stageIds[2]] }));
    }
    const all = await h.command("findings", { user: "U0ALICE", channel });
    const shown = JSON.stringify(all.json.blocks);
    expect(all.json.text).toBe("Findings shared with Starting a business: 12");
    expect(shown.indexOf("Finding number 12")).toBeLessThan(shown.indexOf("Finding number 11"));
    expect(shown).not.toContain("Finding number 2*");
    expect(shown).toContain(ACTION.findingsNext);
    expect(shown).toContain(ACTION.openShareFinding);

    const third = await h.command("findings 3", { user: "U0ALICE", channel });
    expect(third.json.blocks[0].text.text).toBe("*Findings and outputs shared with Starting a business* about stage 3, Employ people (6)");
    const wrong = await h.command("findings 9", { user: "U0ALICE", channel });
    expect(wrong.json.text).toBe("The journey has stages 1 to 3, not 9. Type `/community journey` to see them.");

    await h.interact(
      blockAction({
        user: "U0ALICE",
        actionId: ACTION.findingsNext,
        value: JSON.stringify({ c: communityId, s: null, p: 1 }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(JSON.stringify(h.slack.responses.at(-1)!.body.blocks)).toContain("Finding number 1*");
    // A stale Next past the end shows the last page, not an empty one.
    await h.interact(
      blockAction({
        user: "U0ALICE",
        actionId: ACTION.findingsNext,
        value: JSON.stringify({ c: communityId, s: null, p: 99 }),
        channel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(JSON.stringify(h.slack.responses.at(-1)!.body.blocks)).toContain("Page 2 of 2");
    await h.interact(
      blockAction({ user: "U0ALICE", actionId: ACTION.findingsNext, value: "{forged", channel, responseUrl: h.slack.responseUrl() }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toBe("That button has expired. Type `/community findings` to see the list again.");
  });

  it("show on the journey as each stage's latest, and in the digest as shared since last time", async () => {
    h.clock.advance(60_000);
    await h.interact(shareForm("U0BOB", { title: "An older finding", stages: [stageIds[1]] }));
    h.clock.advance(60_000);
    await h.interact(shareForm("U0BOB", { title: "The newest finding", link: "https://research.example.gov.uk/r", stages: [stageIds[1]] }));
    const journey = await h.command("journey", { user: "U0ALICE", channel });
    const shown = JSON.stringify(journey.json?.blocks ?? h.slack.responses.at(-1)?.body.blocks);
    expect(shown).toContain("Latest finding: <https://research.example.gov.uk/r|The newest finding> (`/community findings 2`)");
    expect(shown).not.toContain("An older finding");
    const digest = await h.command("digest", { user: "U0ALICE", channel });
    const body = JSON.stringify(digest.json?.blocks ?? h.slack.responses.at(-1)?.body.blocks);
    expect(body).toContain("*Shared since last time*");
    expect(body).toContain("The newest finding");
  });
});
