import { ACTION, CALLBACK, PROFILE_BLOCK } from "../../src/views/ids";
import { joinCommunity, joinSubmission } from "../support/flows";
import type { Harness } from "../support/harness";
import { blockAction } from "../support/payloads";
import { seedCommunity } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE");
  return { communityId: community.id, channel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, channel },
  } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

function lastResponseText() {
  return h.slack.responses.at(-1)!.body.text as string;
}

describe("joining", () => {
  it("/community join <name> opens the join modal for that community", async () => {
    await h.command("join starting a business", { user: "U0BOB" });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.joinCommunity);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId, channelId: "C0RANDOM" });
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(
      expect.arrayContaining([
        PROFILE_BLOCK.organisation,
        PROFILE_BLOCK.organisationOther,
        PROFILE_BLOCK.profession,
        PROFILE_BLOCK.professionOther,
      ]),
    );
    // The community is known, so there is no picker.
    expect(view.blocks.map((b: any) => b.block_id)).not.toContain(PROFILE_BLOCK.community);
  });

  it("/community join in the community's channel needs no name", async () => {
    await h.command("join", { user: "U0BOB", channel });
    expect(JSON.parse(h.slack.lastCall("views.open")!.args.view.private_metadata).communityId).toBe(communityId);
  });

  it("/community join elsewhere asks which community in the modal", async () => {
    await h.command("join", { user: "U0BOB" });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.blocks.find((b: any) => b.block_id === PROFILE_BLOCK.community).element.action_id).toBe(ACTION.community);
  });

  it("the Join button opens the same modal", async () => {
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.joinCommunity,
        value: communityId,
        channel: "C0RANDOM",
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(JSON.parse(h.slack.lastCall("views.open")!.args.view.private_metadata).communityId).toBe(communityId);
  });

  it("submitting makes the person a member, invites them to the channel and says hello", async () => {
    const reply = await h.interact(
      joinSubmission("U0BOB", { communityId, organisation: "companies-house", profession: "user-centred-design" }),
    );
    expect(reply.status).toBe(200);
    expect(reply.text).toBe("");
    const membership = await h.db.membership.findUniqueOrThrow({
      where: { communityId_slackUserId: { communityId, slackUserId: "U0BOB" } },
    });
    expect(membership).toMatchObject({
      role: "member",
      status: "active",
      organisation: "companies-house",
      profession: "user-centred-design",
    });
    expect(h.slack.lastCall("conversations.invite")!.args).toMatchObject({ channel, users: "U0BOB" });
    const posts = h.slack.callsTo("chat.postMessage");
    expect(posts.find((p) => p.args.channel === channel)!.args.text).toBe(
      ":wave: <@U0BOB> joined the community: Companies House, User-centred design.",
    );
    expect(posts.find((p) => p.args.channel === "U0BOB")!.args.text).toContain("Welcome to *Starting a business*");
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "member.joined" } });
    expect(audit.actorId).toBe("U0BOB");
  });

  it("a community picked in the modal is joined", async () => {
    await h.interact(joinSubmission("U0BOB", { pickedCommunity: communityId }));
    expect(await h.db.membership.count({ where: { communityId, status: "active" } })).toBe(2);
  });

  it("asks for a community, an organisation and a profession, field by field", async () => {
    const reply = await h.interact(joinSubmission("U0BOB", { pickedCommunity: null, organisation: null, profession: "astrology" }));
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors).toEqual({ [PROFILE_BLOCK.community]: "Choose the community you want to join." });
    const second = await h.interact(joinSubmission("U0BOB", { communityId, organisation: null, profession: "astrology" }));
    expect(second.json.errors).toEqual({
      [PROFILE_BLOCK.organisation]: "Pick your organisation. Type a few letters, for example HMRC, or choose Other.",
      [PROFILE_BLOCK.profession]: "That profession is not in the list. Pick one from the list, or choose Other.",
    });
    expect(await h.db.membership.count()).toBe(1);
  });

  it("a current member who submits again updates their details, without a second welcome", async () => {
    await joinCommunity(h, "U0BOB", communityId);
    h.slack.reset();
    await h.interact(joinSubmission("U0BOB", { communityId, organisation: "dbt", profession: "policy" }));
    expect(await h.db.membership.findFirstOrThrow({ where: { slackUserId: "U0BOB" } })).toMatchObject({
      organisation: "dbt",
      profession: "policy",
    });
    expect(h.slack.callsTo("conversations.invite")).toHaveLength(0);
    expect(h.slack.lastCall("chat.postMessage")!.args.text).toContain("Your details in *Starting a business* are updated");
  });

  it("a member opening the join modal finds their details filled in", async () => {
    await joinCommunity(h, "U0BOB", communityId, { organisation: "dwp", profession: "policy" });
    await h.command("join starting a business", { user: "U0BOB" });
    const view = h.slack.lastCall("views.open")!.args.view;
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(block(PROFILE_BLOCK.organisation).element.initial_option.value).toBe("dwp");
    expect(block(PROFILE_BLOCK.profession).element.initial_option.value).toBe("policy");
  });

  it.each([
    ["an Analysis profession", { organisation: "hmrc", profession: "economics" }],
    [
      "Other, typed in",
      { organisation: "other", organisationOther: "Anytown Council", profession: "other", professionOther: "Town planning" },
    ],
  ])("prefills the modal for a member with %s, using one of the list's own options", async (_label, profile) => {
    await h.interact(joinSubmission("U0BOB", { communityId, ...profile }));
    await h.command("join starting a business", { user: "U0BOB" });
    const view = h.slack.lastCall("views.open")!.args.view;
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    const profession = block(PROFILE_BLOCK.profession).element;
    // Slack rejects a static select whose initial option is not exactly one of its options.
    expect(profession.options).toContainEqual(profession.initial_option);
    expect(profession.initial_option.value).toBe(profile.profession);
    expect(block(PROFILE_BLOCK.organisation).element.initial_option.value).toBe(profile.organisation);
    if ("professionOther" in profile) expect(block(PROFILE_BLOCK.professionOther).element.initial_value).toBe("Town planning");
  });

  it("a community of another workspace cannot be joined by its id", async () => {
    const button = await h.interact(
      blockAction({
        user: "U0EVE",
        team: "T0OTHER",
        actionId: ACTION.joinCommunity,
        value: communityId,
        channel: "C0RANDOM",
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(button.status).toBe(200);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(lastResponseText()).toMatch(/not in this workspace/);

    const reply = await h.interact(joinSubmission("U0EVE", { team: "T0OTHER", communityId }));
    expect(reply.json.response_action).toBe("errors");
    // The error sits on a block the modal has (the community came in its metadata).
    expect(reply.json.errors).toEqual({ [PROFILE_BLOCK.organisation]: expect.stringMatching(/not in this workspace/) });
    expect(await h.db.membership.count({ where: { slackUserId: "U0EVE" } })).toBe(0);
  });

  it("an unknown community name gets a message saying what to type", async () => {
    await h.command("join Nonexistent thing", { user: "U0BOB" });
    expect(lastResponseText()).toBe('There is no community called "Nonexistent thing". `/community list` shows them all.');
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
  });

  it("two Join submissions at once give one membership", async () => {
    const submission = joinSubmission("U0BOB", { communityId });
    await Promise.all([h.interact(submission), h.interact(submission)]);
    expect(await h.db.membership.count({ where: { slackUserId: "U0BOB" } })).toBe(1);
  });
});

describe("leaving", () => {
  it("a member leaves; a former member can rejoin", async () => {
    await joinCommunity(h, "U0BOB", communityId);
    h.clock.advance(60_000);
    const reply = await h.command("leave starting a business", { user: "U0BOB" });
    expect(reply.json.text).toBe(
      `You have left *Starting a business*. You are still in <#${channel}>. Type \`/leave\` there if you want to leave the channel too.`,
    );
    const left = await h.db.membership.findFirstOrThrow({ where: { slackUserId: "U0BOB" } });
    expect(left.status).toBe("left");
    expect(left.leftAt).toEqual(h.clock.now());

    h.clock.advance(60_000);
    await joinCommunity(h, "U0BOB", communityId);
    expect(await h.db.membership.findFirstOrThrow({ where: { slackUserId: "U0BOB" } })).toMatchObject({ status: "active", leftAt: null });
    expect((await h.db.auditEvent.findMany({ where: { actorId: "U0BOB" }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual([
      "member.joined",
      "member.left",
      "member.rejoined",
    ]);
  });

  it("the last organiser cannot leave", async () => {
    const reply = await h.command("leave", { user: "U0ALICE", channel });
    expect(reply.json.text).toMatch(/You are the last organiser of \*Starting a business\*, so you cannot leave yet/);
    expect((await h.db.membership.findFirstOrThrow({ where: { slackUserId: "U0ALICE" } })).status).toBe("active");
  });

  it("of two organisers leaving at the same moment, one stays", async () => {
    await joinCommunity(h, "U0BOB", communityId);
    await h.db.membership.updateMany({ where: { slackUserId: "U0BOB" }, data: { role: "organiser" } });
    await Promise.all([h.command("leave", { user: "U0ALICE", channel }), h.command("leave", { user: "U0BOB", channel })]);
    const organisers = await h.db.membership.count({ where: { communityId, role: "organiser", status: "active" } });
    expect(organisers).toBe(1);
  });

  it("someone who is not a member is told so", async () => {
    const reply = await h.command("leave", { user: "U0CAROL", channel });
    expect(reply.json.text).toBe("You are not a member of *Starting a business*, so there is nothing to leave.");
  });
});
