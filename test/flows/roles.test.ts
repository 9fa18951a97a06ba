// Organisers making organisers, stepping down and removing members, end to end.
import { CALLBACK, INVITE_BLOCK, PROFILE_BLOCK } from "../../src/views/ids";
import { joinSubmission } from "../support/flows";
import type { Harness } from "../support/harness";
import { input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE");
  await seedMember(h, "U0BOB", community.id);
  await seedMember(h, "U0CAROL", community.id, { organisation: "companies-house" });
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

/** A mention as Slack sends it with should_escape: true. */
const at = (id: string) => `<@${id}|${id.slice(2).toLowerCase()}>`;

function responseTexts(): string[] {
  return h.slack.responses.map((r) => r.body.text as string);
}

function lastResponse() {
  return h.slack.responses.at(-1)!.body;
}

function membership(slackUserId: string) {
  return h.db.membership.findUniqueOrThrow({ where: { communityId_slackUserId: { communityId, slackUserId } } });
}

async function roleAudit() {
  const rows = await h.db.auditEvent.findMany({
    where: { action: { in: ["member.promoted", "member.stepped_down", "member.removed"] } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, detail: JSON.parse(r.detail), createdAt: r.createdAt }));
}

function posts(to: string) {
  return h.slack
    .callsTo("chat.postMessage")
    .filter((c) => c.args.channel === to)
    .map((c) => c.args.text as string);
}

async function makeOrganiser(userId: string) {
  await h.db.membership.update({ where: { communityId_slackUserId: { communityId, slackUserId: userId } }, data: { role: "organiser" } });
}

async function organiserCount() {
  return h.db.membership.count({ where: { communityId, role: "organiser", status: "active" } });
}

/** Nothing changed: no role audit rows, no announcement, no DM. */
async function expectNothingChanged() {
  expect(await roleAudit()).toEqual([]);
  expect(h.slack.callsTo("chat.postMessage")).toEqual([]);
}

describe("making a member an organiser", () => {
  it("promotes them, records it, announces it in the channel, tells them by DM and confirms to the organiser", async () => {
    h.clock.advance(60_000);
    const reply = await h.command(`make-organiser ${at("U0BOB")}`, { user: "U0ALICE", channel });
    expect(reply.status).toBe(200);
    expect(lastResponse()).toMatchObject({
      response_type: "ephemeral",
      text: ":star: <@U0BOB> is now an organiser of *Starting a business*.",
    });
    expect(await membership("U0BOB")).toMatchObject({ role: "organiser", status: "active" });
    expect(await roleAudit()).toEqual([
      { action: "member.promoted", actorId: "U0ALICE", detail: { target: "U0BOB" }, createdAt: h.clock.now() },
    ]);
    expect(posts(channel)).toEqual([":star: <@U0ALICE> made <@U0BOB> an organiser of *Starting a business*."]);
    expect(posts("U0BOB")).toEqual([
      ":star: <@U0ALICE> made you an organiser of *Starting a business*. You can now change its settings (`/community settings Starting a business`), " +
        "make other members organisers and remove members. If you would rather not, type `/community step-down Starting a business`.",
    ]);
  });

  it("answers to promote too, and finds the community by name outside its channel", async () => {
    await h.command(`promote ${at("U0BOB")} starting a business`, { user: "U0ALICE" });
    expect((await membership("U0BOB")).role).toBe("organiser");
  });

  it("acts on each person mentioned and reports on each", async () => {
    await seedMember(h, "U0DAN", communityId);
    h.slack.reset();
    await h.command(`make-organiser ${at("U0BOB")} ${at("U0ZED")} ${at("U0ALICE")} ${at("U0DAN")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe(
      [
        ":star: <@U0BOB> is now an organiser of *Starting a business*.",
        "<@U0ZED> is not a member of *Starting a business*, so they cannot be made an organiser. Ask them to join first (`/community join Starting a business`).",
        "<@U0ALICE> is already an organiser of *Starting a business*, so nothing changed.",
        ":star: <@U0DAN> is now an organiser of *Starting a business*.",
      ].join("\n"),
    );
    expect(await organiserCount()).toBe(3);
    expect((await roleAudit()).map((a) => a.detail.target)).toEqual(["U0BOB", "U0DAN"]);
    // One announcement for everyone promoted, one DM each, none to the others.
    expect(posts(channel)).toEqual([":star: <@U0ALICE> made <@U0BOB> and <@U0DAN> organisers of *Starting a business*."]);
    expect(posts("U0BOB")).toHaveLength(1);
    expect(posts("U0DAN")).toHaveLength(1);
    expect(posts("U0ZED")).toEqual([]);
    expect(posts("U0ALICE")).toEqual([]);
  });

  it("says so when the person is already an organiser, and changes nothing", async () => {
    await makeOrganiser("U0BOB");
    await h.command(`make-organiser ${at("U0BOB")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe("<@U0BOB> is already an organiser of *Starting a business*, so nothing changed.");
    await expectNothingChanged();
  });

  it("says so when the person is not a member", async () => {
    await h.command(`make-organiser ${at("U0ZED")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe(
      "<@U0ZED> is not a member of *Starting a business*, so they cannot be made an organiser. Ask them to join first (`/community join Starting a business`).",
    );
    expect(await h.db.membership.count({ where: { slackUserId: "U0ZED" } })).toBe(0);
    await expectNothingChanged();
  });

  it("is refused for a member, and nothing changes", async () => {
    await h.command(`make-organiser ${at("U0CAROL")}`, { user: "U0BOB", channel });
    expect(lastResponse()).toMatchObject({
      response_type: "ephemeral",
      text: "Only the organisers of *Starting a business* can make members organisers. Nothing was changed.",
    });
    expect((await membership("U0CAROL")).role).toBe("member");
    await expectNothingChanged();
  });

  it("says exactly what to type when nobody is mentioned", async () => {
    await h.command("make-organiser", { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe(
      "Say who: type `/community make-organiser @someone [name]`, mentioning the member you want to make an organiser. In the community's channel you can leave out the name.",
    );
    await expectNothingChanged();
  });
});

describe("stepping down", () => {
  it("an organiser goes back to being a member; it is recorded and announced", async () => {
    await makeOrganiser("U0BOB");
    h.clock.advance(60_000);
    await h.command("step-down", { user: "U0ALICE", channel });
    expect(lastResponse()).toMatchObject({
      response_type: "ephemeral",
      text: "You are no longer an organiser of *Starting a business*. You are still a member. Its organisers now: <@U0BOB>.",
    });
    expect(await membership("U0ALICE")).toMatchObject({ role: "member", status: "active" });
    expect(await roleAudit()).toEqual([
      { action: "member.stepped_down", actorId: "U0ALICE", detail: { target: "U0ALICE" }, createdAt: h.clock.now() },
    ]);
    expect(posts(channel)).toEqual([
      "<@U0ALICE> has stepped down as an organiser of *Starting a business* and stays a member. Its organisers now: <@U0BOB>.",
    ]);
  });

  it("the last organiser cannot step down", async () => {
    await h.command("step-down starting a business", { user: "U0ALICE" });
    expect(lastResponse().text).toBe(
      "You are the last organiser of *Starting a business*, so you cannot step down yet: a community needs at least one organiser. " +
        "Make someone else an organiser first (`/community make-organiser @someone Starting a business`), then step down.",
    );
    expect((await membership("U0ALICE")).role).toBe("organiser");
    await expectNothingChanged();
  });

  it("of two organisers stepping down at the same moment, exactly one stays", async () => {
    await makeOrganiser("U0BOB");
    await Promise.all([h.command("step-down", { user: "U0ALICE", channel }), h.command("step-down", { user: "U0BOB", channel })]);
    expect(await organiserCount()).toBe(1);
    expect(await roleAudit()).toHaveLength(1);
    expect(responseTexts().filter((t) => t.startsWith("You are the last organiser"))).toHaveLength(1);
    expect(posts(channel)).toHaveLength(1);
  });

  it("is refused for a member, and nothing changes", async () => {
    await h.command("step-down", { user: "U0BOB", channel });
    expect(lastResponse().text).toBe("Only the organisers of *Starting a business* can step down as organisers. Nothing was changed.");
    expect((await membership("U0BOB")).role).toBe("member");
    await expectNothingChanged();
  });

  it("takes no mention: nobody steps down for someone else", async () => {
    await makeOrganiser("U0BOB");
    await h.command(`step-down ${at("U0BOB")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe(
      "`/community step-down` hands back your own organiser role, so it takes no @mention. Type `/community step-down [name]`. Nothing was changed.",
    );
    expect(await organiserCount()).toBe(2);
    await expectNothingChanged();
  });
});

describe("removing a member", () => {
  it("marks them removed, records it, announces it, tells them, and reminds the organiser of the channel", async () => {
    const group = await h.db.group.create({
      data: { communityId, name: "User research", nameKey: "user research", focus: "research", createdBy: "U0ALICE" },
    });
    await h.db.groupMember.createMany({
      data: [
        { groupId: group.id, slackUserId: "U0BOB" },
        { groupId: group.id, slackUserId: "U0ALICE" },
      ],
    });
    h.clock.advance(60_000);
    await h.command(`remove ${at("U0BOB")}`, { user: "U0ALICE", channel });
    expect(lastResponse()).toMatchObject({
      response_type: "ephemeral",
      text: `<@U0BOB> has been removed from *Starting a business*. They are still in <#${channel}>. Remove them there if needed.`,
    });
    expect(await membership("U0BOB")).toMatchObject({ status: "removed", leftAt: h.clock.now() });
    expect(await roleAudit()).toEqual([
      { action: "member.removed", actorId: "U0ALICE", detail: { target: "U0BOB" }, createdAt: h.clock.now() },
    ]);
    expect(posts(channel)).toEqual(["<@U0ALICE> removed <@U0BOB> from *Starting a business*."]);
    expect(posts("U0BOB")).toEqual([
      "<@U0ALICE>, an organiser of *Starting a business*, has removed you from the community. " +
        "If you think this is a mistake, talk to them: only an organiser can invite you back.",
    ]);
    // The bot does not take them out of the channel: that is the organiser's call.
    expect(h.slack.callsTo("conversations.kick")).toEqual([]);
    // They leave the community's groups with it.
    expect((await h.db.groupMember.findMany({ where: { groupId: group.id } })).map((m) => m.slackUserId)).toEqual(["U0ALICE"]);
  });

  it("they are no longer a member anywhere the app looks, at once (the list cache is dropped)", async () => {
    const before = await h.command("list", { user: "U0BOB" });
    expect(JSON.stringify(before.json.blocks)).toContain("You are a member");
    await h.command(`remove ${at("U0BOB")}`, { user: "U0ALICE", channel });
    const after = await h.command("list", { user: "U0BOB" });
    expect(JSON.stringify(after.json.blocks)).not.toContain("You are a member");
    expect(JSON.stringify(after.json.blocks)).toContain("2 members");
    const leave = await h.command("leave", { user: "U0BOB", channel });
    expect(leave.json.text).toBe("You are not a member of *Starting a business*, so there is nothing to leave.");
  });

  it("can remove another organiser while one remains", async () => {
    await makeOrganiser("U0BOB");
    await h.command(`remove ${at("U0BOB")}`, { user: "U0ALICE", channel });
    expect(await membership("U0BOB")).toMatchObject({ status: "removed" });
    expect(await organiserCount()).toBe(1);
  });

  it("acts on each person mentioned and reports on each", async () => {
    await h.command(`remove ${at("U0BOB")} ${at("U0ZED")} ${at("U0CAROL")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe(
      [
        `<@U0BOB> has been removed from *Starting a business*. They are still in <#${channel}>. Remove them there if needed.`,
        "<@U0ZED> is not a member of *Starting a business*, so there is nothing to remove.",
        `<@U0CAROL> has been removed from *Starting a business*. They are still in <#${channel}>. Remove them there if needed.`,
      ].join("\n"),
    );
    expect(posts(channel)).toEqual(["<@U0ALICE> removed <@U0BOB> and <@U0CAROL> from *Starting a business*."]);
    expect(posts("U0BOB")).toHaveLength(1);
    expect(posts("U0CAROL")).toHaveLength(1);
    expect(posts("U0ZED")).toEqual([]);
  });

  it("the last organiser cannot be removed: removing yourself points to leave and step-down", async () => {
    await h.command(`remove ${at("U0ALICE")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe(
      "You cannot remove yourself. To leave *Starting a business*, type `/community leave Starting a business`. " +
        "To stop being an organiser but stay a member, type `/community step-down Starting a business`.",
    );
    expect(await membership("U0ALICE")).toMatchObject({ role: "organiser", status: "active" });
    await expectNothingChanged();
  });

  it("of two organisers removing each other at the same moment, exactly one stays", async () => {
    await makeOrganiser("U0BOB");
    await Promise.all([
      h.command(`remove ${at("U0BOB")}`, { user: "U0ALICE", channel }),
      h.command(`remove ${at("U0ALICE")}`, { user: "U0BOB", channel }),
    ]);
    expect(await organiserCount()).toBe(1);
    expect(await h.db.membership.count({ where: { communityId, status: "removed" } })).toBe(1);
    expect(await roleAudit()).toHaveLength(1);
    expect(responseTexts().filter((t) => /no longer an organiser|Only the organisers/.test(t))).toHaveLength(1);
  });

  it("is refused for a member, and nothing changes", async () => {
    await h.command(`remove ${at("U0CAROL")}`, { user: "U0BOB", channel });
    expect(lastResponse().text).toBe("Only the organisers of *Starting a business* can remove members. Nothing was changed.");
    expect((await membership("U0CAROL")).status).toBe("active");
    await expectNothingChanged();
  });

  it("says so when the person is not a member", async () => {
    await h.command(`remove ${at("U0ZED")}`, { user: "U0ALICE", channel });
    expect(lastResponse().text).toBe("<@U0ZED> is not a member of *Starting a business*, so there is nothing to remove.");
    await expectNothingChanged();
  });

  it("says exactly what to type when nobody is mentioned", async () => {
    await h.command("remove starting a business", { user: "U0ALICE" });
    expect(lastResponse().text).toBe(
      "Say who: type `/community remove @someone [name]`, mentioning the member you want to remove. In the community's channel you can leave out the name.",
    );
    await expectNothingChanged();
  });

  it("a removed member cannot rejoin by themselves; an organiser's invitation brings them back, as a member even if they had organised", async () => {
    await makeOrganiser("U0BOB");
    await h.command(`remove ${at("U0BOB")}`, { user: "U0ALICE", channel });
    h.clock.advance(60_000);
    h.slack.reset();
    const refusal =
      "An organiser removed you from *Starting a business*, so you can't join it again by yourself. Ask one of its organisers to invite you back: <@U0ALICE>.";
    await h.command("join", { user: "U0BOB", channel });
    expect(h.slack.callsTo("views.open")).toEqual([]);
    expect(lastResponse().text).toBe(refusal);
    // A join form sent anyway is refused too.
    const forged = await h.interact(joinSubmission("U0BOB", { communityId }));
    expect(forged.json.errors).toEqual({ [PROFILE_BLOCK.organisation]: refusal });
    expect(await membership("U0BOB")).toMatchObject({ status: "removed" });

    await h.interact(
      viewSubmission({
        user: "U0ALICE",
        callbackId: CALLBACK.sendInvitations,
        privateMetadata: JSON.stringify({ communityId }),
        values: {
          [INVITE_BLOCK.people]: { type: "multi_users_select", selected_users: ["U0BOB"] },
          [INVITE_BLOCK.message]: input.text("Come back?"),
        },
      }),
    );
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { inviteeId: "U0BOB" } });
    await h.interact(
      viewSubmission({
        user: "U0BOB",
        callbackId: CALLBACK.acceptInvitation,
        privateMetadata: JSON.stringify({ invitationId: invitation.id }),
        values: { [PROFILE_BLOCK.organisation]: input.external("dwp"), [PROFILE_BLOCK.profession]: input.select("user-centred-design") },
      }),
    );
    expect(await membership("U0BOB")).toMatchObject({ status: "active", role: "member", leftAt: null, joinedAt: h.clock.now() });
    const rejoined = await h.db.auditEvent.findFirstOrThrow({
      where: { actorId: "U0BOB", action: { startsWith: "member." } },
      orderBy: { createdAt: "desc" },
    });
    expect(rejoined.action).toBe("member.rejoined");
    expect(posts(channel)).toContain(
      ":wave: <@U0BOB> joined the community, invited by <@U0ALICE>: Department for Work and Pensions (DWP), User-centred design.",
    );
  });
});
