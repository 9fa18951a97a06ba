import { channelNameProblem } from "../../src/domain/common/text";
import { reasonText } from "../../src/i18n";
import { ACTION, CALLBACK, GROUP_BLOCK } from "../../src/views/ids";
import type { Harness } from "../support/harness";
import { blockAction, input, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let communityChannel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE");
  await seedMember(h, "U0BOB", community.id);
  return { communityId: community.id, communityChannel: community.slackChannelId! };
});
beforeEach(async () => {
  ({
    h,
    world: { communityId, communityChannel },
  } = await world.start());
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

interface GroupFields {
  name?: string | null;
  focus?: string | null;
  channel?: "none" | "new" | "existing" | null;
  channelName?: string | null;
  existingChannel?: string | null;
}

function groupSubmission(user: string, fields: GroupFields = {}, meta: { communityId?: string } = { communityId }) {
  const f: GroupFields = { name: "User research", focus: "user research across the whole journey", channel: "none", ...fields };
  return viewSubmission({
    user,
    callbackId: CALLBACK.createGroup,
    privateMetadata: JSON.stringify(meta),
    values: {
      [GROUP_BLOCK.name]: input.text(f.name ?? null),
      [GROUP_BLOCK.focus]: input.text(f.focus ?? null),
      [GROUP_BLOCK.channel]: input.radio(f.channel ?? null),
      [GROUP_BLOCK.channelName]: input.text(f.channelName ?? null),
      [GROUP_BLOCK.existingChannel]: input.conversation(f.existingChannel ?? null),
    },
  });
}

async function createGroup(fields: GroupFields = {}, user = "U0ALICE") {
  const reply = await h.interact(groupSubmission(user, fields));
  if (reply.status !== 200 || reply.json?.response_action !== "clear") throw new Error(`group create failed: ${reply.text}`);
  return h.db.group.findFirstOrThrow({ where: { communityId, name: fields.name ?? "User research" } });
}

function lastResponseText(): string {
  return h.slack.responses.at(-1)!.body.text as string;
}

async function groupMemberIds(groupId: string) {
  const rows = await h.db.groupMember.findMany({ where: { groupId }, orderBy: { joinedAt: "asc" } });
  return rows.map((r) => r.slackUserId);
}

describe("/community group create", () => {
  it("opens the form for an organiser, for the channel's community or the one named", async () => {
    await h.command("group create", { user: "U0ALICE", channel: communityChannel });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.createGroup);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId });
    expect(view.blocks.map((b: any) => b.block_id).filter(Boolean)).toEqual([
      GROUP_BLOCK.name,
      GROUP_BLOCK.focus,
      GROUP_BLOCK.channel,
      GROUP_BLOCK.channelName,
      GROUP_BLOCK.existingChannel,
    ]);
    const radio = view.blocks.find((b: any) => b.block_id === GROUP_BLOCK.channel).element;
    expect(radio.options.map((o: any) => o.text.text)).toEqual(["No channel", "Create a new channel", "Link an existing channel"]);
    expect(view.blocks.find((b: any) => b.block_id === GROUP_BLOCK.channelName).element.placeholder.text).toBe(
      "sc-starting-a-business-user-research",
    );

    await h.command("group create starting a business", { user: "U0ALICE" });
    expect(h.slack.callsTo("views.open")).toHaveLength(2);
  });

  it("in the community's channel, words that name no community are the group's name", async () => {
    await h.command("group create Service design", { user: "U0ALICE", channel: communityChannel });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId });
    const blocks = view.blocks as any[];
    expect(blocks.find((b) => b.block_id === GROUP_BLOCK.name).element.initial_value).toBe("Service design");
    expect(blocks.find((b) => b.block_id === GROUP_BLOCK.channelName).element.placeholder.text).toBe(
      "sc-starting-a-business-service-design",
    );
    // Elsewhere they must name a community.
    await h.command("group create Service design", { user: "U0ALICE" });
    expect(h.slack.callsTo("views.open")).toHaveLength(1);
    expect(lastResponseText()).toMatch(/^There is no community called "Service design"\./);
  });

  it("refuses a member before the form opens, and changes nothing", async () => {
    await h.command("group create starting a business", { user: "U0BOB" });
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(lastResponseText()).toBe("Only the organisers of *Starting a business* can create groups. Nothing was changed.");
  });

  it("refuses a member's submission too, and writes nothing", async () => {
    const reply = await h.interact(groupSubmission("U0BOB"));
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: { [GROUP_BLOCK.name]: "Only the organisers of *Starting a business* can create groups. Nothing was changed." },
    });
    expect(await h.db.group.count()).toBe(0);
  });

  it("with no channel: stores the group with its creator as first member, announces it and records it", async () => {
    const group = await createGroup();
    expect(group).toMatchObject({
      name: "User research",
      nameKey: "user research",
      focus: "user research across the whole journey",
      slackChannelId: null,
      createdBy: "U0ALICE",
    });
    expect(await groupMemberIds(group.id)).toEqual(["U0ALICE"]);
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
    expect(h.slack.callsTo("conversations.join")).toHaveLength(0);

    const announcement = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === communityChannel)!.args;
    expect(announcement.text).toBe(
      ":seedling: <@U0ALICE> started a group in *Starting a business*: *User research*, focused on _user research across the whole journey_. " +
        "Members of the community can join with the button or `/community group join User research Starting a business`.",
    );
    const blocks = typeof announcement.blocks === "string" ? JSON.parse(announcement.blocks) : announcement.blocks;
    expect(blocks[0].accessory).toMatchObject({ action_id: ACTION.joinGroup, value: group.id });
    expect(h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === "U0ALICE")!.args.text).toContain(
      "The group *User research* of *Starting a business* is ready",
    );

    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "group.created" } });
    expect(audit).toMatchObject({ communityId, actorId: "U0ALICE" });
    expect(JSON.parse(audit.detail)).toMatchObject({ groupId: group.id, name: "User research", channel: "none", channelId: null });
  });

  it("with a new channel: creates it under the typed name, invites the creator and introduces the group there", async () => {
    const group = await createGroup({ channel: "new", channelName: "#sc-sab-ur" });
    expect(h.slack.lastCall("conversations.create")!.args).toMatchObject({ name: "sc-sab-ur", is_private: "false" });
    expect(group.slackChannelId).toMatch(/^C/);
    const channel = group.slackChannelId!;
    expect(h.slack.lastCall("conversations.invite")!.args).toMatchObject({ channel, users: "U0ALICE" });
    expect(h.slack.lastCall("conversations.setPurpose")!.args).toMatchObject({
      channel,
      purpose: "User research, a group of Starting a business: user research across the whole journey",
    });
    expect(h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === channel)!.args.text).toContain(
      "This is the channel of *User research*",
    );
    expect(h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === communityChannel)!.args.text).toContain(
      `It talks in <#${channel}>.`,
    );
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "group.created" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ channel: "new", channelId: channel });
  });

  it("with a new channel and no name typed: suggests sc-<community>-<group>", async () => {
    await createGroup({ name: "Policy & Ops", channel: "new", channelName: null });
    expect(h.slack.lastCall("conversations.create")!.args.name).toBe("sc-starting-a-business-policy-and-ops");
  });

  it("with a linked channel: the app joins it, invites the creator, and keeps its purpose", async () => {
    const existing = h.slack.addChannel("user-research-team", { purpose: "Our own purpose" });
    const group = await createGroup({ channel: "existing", existingChannel: existing });
    expect(group.slackChannelId).toBe(existing);
    expect(h.slack.lastCall("conversations.join")!.args).toMatchObject({ channel: existing });
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
    expect(h.slack.lastCall("conversations.invite")!.args).toMatchObject({ channel: existing, users: "U0ALICE" });
    expect(h.slack.callsTo("conversations.setPurpose")).toHaveLength(0);
  });

  it("ignores the channel inputs the choice does not use", async () => {
    const existing = h.slack.addChannel("somewhere");
    const group = await createGroup({ channel: "none", channelName: "not-this", existingChannel: existing });
    expect(group.slackChannelId).toBeNull();
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
    expect(h.slack.callsTo("conversations.join")).toHaveLength(0);
  });

  it("says beside the name when the community already has a group so named, whatever its case and spacing", async () => {
    await createGroup();
    const reply = await h.interact(
      groupSubmission("U0ALICE", { name: "  user   RESEARCH ", focus: "something else", channel: "new", channelName: "sc-other" }),
    );
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        [GROUP_BLOCK.name]:
          '*Starting a business* already has a group called "User research". Choose another name, or join it with `/community group join User research`.',
      },
    });
    expect(await h.db.group.count()).toBe(1);
    // Refused before any channel was made.
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
  });

  it("the same name is fine in another community", async () => {
    await createGroup();
    const other = await seedCommunity(h, "U0ALICE", { name: "Learning to drive" });
    const reply = await h.interact(groupSubmission("U0ALICE", {}, { communityId: other.id }));
    expect(reply.json.response_action).toBe("clear");
    expect(await h.db.group.count({ where: { nameKey: "user research" } })).toBe(2);
  });

  it("makes one group when Slack sends the same submission twice", async () => {
    const submission = groupSubmission("U0ALICE", { channel: "new", channelName: "sc-sab-ur" });
    const first = await h.interact(submission);
    const second = await h.interact(submission);
    expect([first.json.response_action, second.json.response_action]).toEqual(["clear", "clear"]);
    expect(await h.db.group.count()).toBe(1);
    expect(h.slack.callsTo("conversations.create")).toHaveLength(1);
  });

  it("says beside the channel name what Slack would refuse, and makes nothing", async () => {
    const reply = await h.interact(groupSubmission("U0ALICE", { channel: "new", channelName: "User Research!" }));
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: { [GROUP_BLOCK.channelName]: reasonText(channelNameProblem("User Research!")!) },
    });
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
    expect(await h.db.group.count()).toBe(0);
  });

  it("reports Slack's name_taken beside the channel name, and frees the group's name again", async () => {
    h.slack.addChannel("sc-starting-a-business-user-research");
    const reply = await h.interact(groupSubmission("U0ALICE", { channel: "new" }));
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        [GROUP_BLOCK.channelName]:
          'A channel called #sc-starting-a-business-user-research already exists. Type another name, or pick #sc-starting-a-business-user-research under "Link an existing channel".',
      },
    });
    expect(await h.db.group.count()).toBe(0);
    expect(await h.db.auditEvent.count({ where: { action: "group.created" } })).toBe(0);
    // Next try, with another name, works.
    await createGroup({ channel: "new", channelName: "sc-sab-ur" });
  });

  it("refuses the community's own channel, and a channel the app cannot join, beside the channel picker", async () => {
    const own = await h.interact(groupSubmission("U0ALICE", { channel: "existing", existingChannel: communityChannel }));
    expect(own.json.errors[GROUP_BLOCK.existingChannel]).toMatch(/^That is the channel of \*Starting a business\* itself/);
    const missing = await h.interact(groupSubmission("U0ALICE", { channel: "existing", existingChannel: "C0GONE" }));
    expect(missing.json.errors).toEqual({
      [GROUP_BLOCK.existingChannel]: "Slack cannot find that channel. Pick another, or create a new one.",
    });
    expect(await h.db.group.count()).toBe(0);
  });

  it("refuses the workspace's general channel as a group's channel, saying why", async () => {
    const general = h.slack.addChannel("general", { general: true });
    const reply = await h.interact(groupSubmission("U0ALICE", { channel: "existing", existingChannel: general }));
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        [GROUP_BLOCK.existingChannel]:
          "#general is the workspace's general channel, which everyone is in. Pick another channel, or create a new one.",
      },
    });
    expect(h.slack.callsTo("conversations.join")).toHaveLength(0);
    expect(await h.db.group.count()).toBe(0);
  });

  it("refuses a channel another group already uses", async () => {
    const existing = h.slack.addChannel("shared");
    await createGroup({ channel: "existing", existingChannel: existing });
    const reply = await h.interact(groupSubmission("U0ALICE", { name: "Design", channel: "existing", existingChannel: existing }));
    expect(reply.json.errors[GROUP_BLOCK.existingChannel]).toMatch(/^That channel already belongs to the group \*User research\*/);
  });

  it("reports every missing field at once", async () => {
    const reply = await h.interact(groupSubmission("U0ALICE", { name: " ", focus: null, channel: "existing", existingChannel: null }));
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        [GROUP_BLOCK.name]: "Give the group a name, for example User research.",
        [GROUP_BLOCK.focus]: "Say what the group focuses on, for example user research across the journey.",
        [GROUP_BLOCK.existingChannel]: "Pick the channel to link, or choose another option above.",
      },
    });
    const noChoice = await h.interact(groupSubmission("U0ALICE", { channel: null }));
    expect(noChoice.json.errors).toEqual({ [GROUP_BLOCK.channel]: "Choose whether the group has a channel of its own." });
    const long = await h.interact(groupSubmission("U0ALICE", { name: "n".repeat(81), focus: "f".repeat(151) }));
    expect(long.json.errors).toEqual({
      [GROUP_BLOCK.name]: "Keep the name to 80 characters (it has 81).",
      [GROUP_BLOCK.focus]: "Keep the focus to 150 characters (it has 151).",
    });
    expect(await h.db.group.count()).toBe(0);
  });
});

describe("/community group join and leave", () => {
  let groupId: string;
  let groupChannel: string;
  beforeEach(async () => {
    const group = await createGroup({ channel: "new", channelName: "sc-sab-ur" });
    groupId = group.id;
    groupChannel = group.slackChannelId!;
    h.slack.reset();
  });

  it("joins a member, invites them to the group's channel and records it", async () => {
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });
    expect(await groupMemberIds(groupId)).toEqual(["U0ALICE", "U0BOB"]);
    expect(h.slack.lastCall("conversations.invite")!.args).toMatchObject({ channel: groupChannel, users: "U0BOB" });
    expect(lastResponseText()).toBe(`You joined *User research* in *Starting a business*. You are in its channel, <#${groupChannel}>.`);
    const audit = await h.db.auditEvent.findFirstOrThrow({ where: { action: "group.joined" } });
    expect(audit).toMatchObject({ communityId, actorId: "U0BOB" });
    expect(JSON.parse(audit.detail)).toEqual({ groupId, name: "User research" });
  });

  it("finds the group with the community named after it, from any channel", async () => {
    await h.command("group join User Research starting a business", { user: "U0BOB" });
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
  });

  it("finds the only group of that name in the workspace without the community", async () => {
    await h.command("group join user research", { user: "U0BOB" });
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
  });

  it("in the group's own channel, needs no name", async () => {
    await h.command("group join", { user: "U0BOB", channel: groupChannel });
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
  });

  it("says so when they are already in it, without a second row or record", async () => {
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });
    expect(lastResponseText()).toBe(`You are already in *User research*. You are in its channel, <#${groupChannel}>.`);
    expect(await groupMemberIds(groupId)).toEqual(["U0ALICE", "U0BOB"]);
    expect(await h.db.auditEvent.count({ where: { action: "group.joined" } })).toBe(1);
  });

  it("still joins when the channel invite fails, and says how to get into the channel", async () => {
    h.slack.script("conversations.invite", { ok: false, error: "not_in_channel" });
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
    expect(lastResponseText()).toBe(
      `You joined *User research* in *Starting a business*. Join its channel, <#${groupChannel}>, to talk with the group.`,
    );
  });

  it("tells someone outside the community to join it first, and changes nothing", async () => {
    await h.command("group join user research starting a business", { user: "U0CAROL" });
    expect(lastResponseText()).toBe(
      "Groups are for members of *Starting a business*. Join the community first with `/community join Starting a business`, then join *User research*.",
    );
    expect(await groupMemberIds(groupId)).toEqual(["U0ALICE"]);
    expect(h.slack.callsTo("conversations.invite")).toHaveLength(0);
  });

  it("suggests the nearest names for an unknown group", async () => {
    await h.command("group join user reserch starting a business", { user: "U0BOB" });
    expect(lastResponseText()).toBe(
      'There is no group called "user reserch" in *Starting a business*. Did you mean *User research*? `/community groups Starting a business` lists them.',
    );
    await h.command("group join gardening", { user: "U0BOB", channel: communityChannel });
    expect(lastResponseText()).toBe(
      'There is no group called "gardening" in *Starting a business*. `/community groups Starting a business` lists them.',
    );
    await h.command("group join gardening", { user: "U0BOB" });
    expect(lastResponseText()).toMatch(/^There is no group called "gardening"\. If it belongs to a community, name both/);
    expect(await groupMemberIds(groupId)).toEqual(["U0ALICE"]);
  });

  it("asks which community when several have a group of that name", async () => {
    const other = await seedCommunity(h, "U0ALICE", { name: "Learning to drive" });
    await h.interact(groupSubmission("U0ALICE", {}, { communityId: other.id }));
    await h.command("group join user research", { user: "U0BOB" });
    expect(lastResponseText()).toBe(
      'Several communities have a group called "User research": *Learning to drive*, *Starting a business*. ' +
        "Name the community too: `/community group join &lt;group&gt; [community]`, or run the command in the community's channel.",
    );
    await h.command("group join user research learning to drive", { user: "U0BOB" });
    expect(lastResponseText()).toContain("Groups are for members of *Learning to drive*");
    await h.command("group join user research starting a business", { user: "U0BOB" });
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
  });

  it("accepts the one group whose name begins with what was typed", async () => {
    await h.command("group join user", { user: "U0BOB", channel: communityChannel });
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
  });

  it("leaves, records it, and says so when they were not in it", async () => {
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });
    await h.command("group leave user research", { user: "U0BOB", channel: communityChannel });
    expect(await groupMemberIds(groupId)).toEqual(["U0ALICE"]);
    expect(lastResponseText()).toBe(
      `You have left *User research*. You are still in <#${groupChannel}>. Type \`/leave\` there if you want to leave the channel too.`,
    );
    expect(await h.db.auditEvent.count({ where: { action: "group.left", actorId: "U0BOB" } })).toBe(1);

    await h.command("group leave user research", { user: "U0BOB", channel: communityChannel });
    expect(lastResponseText()).toBe(
      "You are not in *User research*, so there is nothing to leave. `/community groups Starting a business` shows who is in each group.",
    );
    expect(await h.db.auditEvent.count({ where: { action: "group.left" } })).toBe(1);
  });

  it("tells someone outside the community there is nothing to leave", async () => {
    await h.command("group leave user research starting a business", { user: "U0CAROL" });
    expect(lastResponseText()).toBe(
      "You are not a member of *Starting a business* or its group *User research*, so there is nothing to leave.",
    );
  });

  it("the Join button joins and answers privately; a non-member is told to join the community", async () => {
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.joinGroup,
        value: groupId,
        channel: communityChannel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(await groupMemberIds(groupId)).toContain("U0BOB");
    expect(h.slack.responses.at(-1)!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(lastResponseText()).toContain("You joined *User research*");

    await h.interact(
      blockAction({
        user: "U0CAROL",
        actionId: ACTION.joinGroup,
        value: groupId,
        channel: communityChannel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(lastResponseText()).toContain("Join the community first with `/community join Starting a business`");
    await h.interact(
      blockAction({
        user: "U0BOB",
        actionId: ACTION.joinGroup,
        value: "no-such-group",
        channel: communityChannel,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect(lastResponseText()).toBe("That group no longer exists. `/community groups` shows the current ones.");
  });

  it("a group with no channel: joining invites nobody and points to the community's channel", async () => {
    await createGroup({ name: "Policy", focus: "policy levers", channel: "none" });
    h.slack.reset();
    await h.command("group join policy", { user: "U0BOB", channel: communityChannel });
    expect(h.slack.callsTo("conversations.invite")).toHaveLength(0);
    expect(lastResponseText()).toBe(
      `You joined *Policy* in *Starting a business*. It has no channel of its own, so it talks in <#${communityChannel}>.`,
    );
  });
});

describe("/community group with no verb, or one it does not know", () => {
  it("says what to type", async () => {
    await h.command("group", { user: "U0BOB" });
    expect(lastResponseText()).toMatch(
      /^What would you like to do with groups\? Type one of these:\n• `\/community group create \[community\]`/,
    );
    await h.command("group frobnicate", { user: "U0BOB" });
    const text = lastResponseText();
    expect(text).toMatch(/^There is no command `\/community group frobnicate`\. Type one of these:/);
    expect(text).toContain("`/community group join &lt;group&gt; [community]`");
    expect(text).toContain("`/community groups [community]`");
  });
});

describe("/community groups", () => {
  it("lists each group's name, focus, channel and members, with a Join button for groups the reader is not in", async () => {
    const research = await createGroup({ channel: "new", channelName: "sc-sab-ur" });
    const policy = await createGroup({ name: "Policy", focus: "policy levers & <rules>", channel: "none" });
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });

    const reply = await h.command("groups starting a business", { user: "U0BOB" });
    expect(reply.json.text).toBe("Groups in Starting a business (2)");
    const blocks = reply.json.blocks;
    expect(blocks[0].text.text).toBe("*Groups in Starting a business* (2)");
    // By name: Policy, then User research.
    expect(blocks[1].text.text).toBe(
      "*Policy*  ·  1 member  ·  no channel of its own\n_policy levers &amp; &lt;rules&gt;_\nMembers: <@U0ALICE>",
    );
    expect(blocks[1].accessory).toMatchObject({ action_id: ACTION.joinGroup, value: policy.id });
    expect(blocks[2].text.text).toBe(
      `*User research*  ·  2 members  ·  <#${research.slackChannelId}>\n_user research across the whole journey_\n:white_check_mark: You are in this group\nMembers: <@U0ALICE>, <@U0BOB>`,
    );
    expect(blocks[2].accessory).toBeUndefined();
    expect(blocks.at(-1).elements[0].text).toBe(
      "Join with the button or `/community group join &lt;group&gt; Starting a business`. Leave with `/community group leave &lt;group&gt; Starting a business`.",
    );
  });

  it("drops people who leave the community from its groups, and tells a non-member to join the community first", async () => {
    const group = await createGroup();
    await h.command("group join user research", { user: "U0BOB", channel: communityChannel });
    await h.command("leave starting a business", { user: "U0BOB" });
    const reply = await h.command("groups", { user: "U0BOB", channel: communityChannel });
    expect(reply.json.blocks[1].text.text).toContain("1 member");
    expect(reply.json.blocks[1].text.text).toContain("Members: <@U0ALICE>");
    expect(reply.json.blocks[1].accessory).toBeUndefined();
    expect(reply.json.blocks.at(-1).elements[0].text).toBe(
      "Groups are for members of the community: type `/community join Starting a business` first, then join a group.",
    );
    // Leaving the community left the group too: rejoining the community does not bring them back into it.
    expect(await groupMemberIds(group.id)).toEqual(["U0ALICE"]);
  });

  it("names hundreds of members without passing a section's 3000 characters", async () => {
    const group = await createGroup();
    const ids = Array.from({ length: 400 }, (_, i) => `U${String(i).padStart(10, "0")}`);
    await h.db.membership.createMany({
      data: ids.map((slackUserId) => ({
        communityId,
        slackUserId,
        organisation: "dwp",
        profession: "policy",
        role: "member",
        status: "active",
      })),
    });
    await h.db.groupMember.createMany({
      data: ids.map((slackUserId, i) => ({ groupId: group.id, slackUserId, joinedAt: new Date(Date.UTC(2026, 2, 2, 11, 0, i)) })),
    });
    const section = (await h.command("groups", { user: "U0ALICE", channel: communityChannel })).json.blocks[1].text.text as string;
    expect(section.length).toBeLessThanOrEqual(3000);
    expect(section).toContain("401 members");
    expect(section).toMatch(/Members: <@U0ALICE>, <@U0000000000>, .* and \d+ more$/);
  });

  it("empty: tells an organiser how to create a group, and a member that organisers can", async () => {
    const organiser = await h.command("groups starting a business", { user: "U0ALICE" });
    expect(organiser.json.text).toBe("Starting a business has no groups yet.");
    expect(organiser.json.blocks[0].text.text).toContain("Start one with `/community group create Starting a business`.");
    const member = await h.command("groups starting a business", { user: "U0BOB" });
    expect(member.json.blocks[0].text.text).toContain("Its organisers can start one.");
    expect(member.json.blocks[0].text.text).not.toContain("/community group create");
  });

  it("in a group's own channel, lists its community's groups", async () => {
    const group = await createGroup({ channel: "new", channelName: "sc-sab-ur" });
    const reply = await h.command("groups", { user: "U0BOB", channel: group.slackChannelId! });
    expect(reply.json.text).toBe("Groups in Starting a business (1)");
  });

  it("/community group list shows the same", async () => {
    await createGroup();
    await h.command("group list", { user: "U0BOB", channel: communityChannel });
    expect(lastResponseText()).toBe("Groups in Starting a business (1)");
  });
});
