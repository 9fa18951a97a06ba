import { ACTION, CALLBACK, CREATE_BLOCK, PROFILE_BLOCK } from "../../src/views/ids";
import { createCommunity, createSubmission } from "../support/flows";
import { type Harness, startHarness } from "../support/harness";
import { blockAction } from "../support/payloads";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe("opening the create modal", () => {
  it("opens it from /community create with the name prefilled and a suggested channel", async () => {
    const reply = await h.command("create Starting a business");
    expect(reply.status).toBe(200);
    const open = h.slack.lastCall("views.open");
    expect(open?.args.trigger_id).toMatch(/^trigger-/);
    const view = open!.args.view;
    expect(view.callback_id).toBe(CALLBACK.createCommunity);
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(block(CREATE_BLOCK.name).element.initial_value).toBe("Starting a business");
    expect(block(CREATE_BLOCK.channel).element.initial_value).toBe("sc-starting-a-business");
    expect(block(CREATE_BLOCK.timezone).element.initial_option.value).toBe("Europe/London");
    expect(block(PROFILE_BLOCK.organisation).element.type).toBe("external_select");
  });

  it("opens it from the Create a community button", async () => {
    await h.interact(blockAction({ user: "U0BOB", actionId: ACTION.openCreateModal, value: "help" }));
    expect(h.slack.lastCall("views.open")?.args.view.callback_id).toBe(CALLBACK.createCommunity);
  });
});

describe("submitting the create modal", () => {
  it("creates the community, its organiser, its first problems, its channel and a welcome", async () => {
    const reply = await h.interact(
      createSubmission("U0ALICE", {
        contactMethods: ["slack_channel", "mailing_list"],
        mailingList: "sab-community@example.gov.uk",
        trello: "https://trello.com/b/abc/starting-a-business",
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ response_action: "clear" });

    const community = await h.db.community.findFirstOrThrow({
      include: { contactMethods: { orderBy: { position: "asc" } }, memberships: true, problems: { orderBy: { createdAt: "asc" } } },
    });
    expect(community).toMatchObject({
      name: "Starting a business",
      nameKey: "starting a business",
      slug: "starting-a-business",
      service: "Starting a business",
      meetingCadence: "monthly",
      timezone: "Europe/London",
      createdBy: "U0ALICE",
    });
    expect(community.contactMethods.map((c) => [c.kind, c.link])).toEqual([
      ["slack_channel", null],
      ["mailing_list", "mailto:sab-community@example.gov.uk"],
      ["trello", "https://trello.com/b/abc/starting-a-business"],
    ]);
    expect(community.memberships).toEqual([
      expect.objectContaining({ slackUserId: "U0ALICE", role: "organiser", status: "active", organisation: "hmrc", profession: "policy" }),
    ]);
    expect(community.problems.map((p) => [p.title, p.status, p.source])).toEqual([
      ["People register with HMRC and Companies House separately", "open", "create_modal"],
      ["It is unclear which licences a business needs", "open", "create_modal"],
    ]);

    const created = h.slack.lastCall("conversations.create")!;
    expect(created.args).toMatchObject({ name: "sc-starting-a-business", is_private: "false" });
    expect(created.token).toBe("xoxb-test-token");
    const channelId = community.slackChannelId!;
    expect(channelId).toMatch(/^C/);
    expect(h.slack.lastCall("conversations.invite")?.args).toMatchObject({ channel: channelId, users: "U0ALICE" });
    expect(h.slack.lastCall("conversations.setTopic")?.args).toMatchObject({
      channel: channelId,
      topic: "Service community for Starting a business",
    });
    expect(h.slack.lastCall("conversations.setPurpose")?.args.purpose).toContain("Make starting a business simpler");

    const posts = h.slack.callsTo("chat.postMessage");
    const welcome = posts.find((p) => p.args.channel === channelId)!;
    expect(welcome.args.text).toBe("Welcome to Starting a business");
    const welcomeText = JSON.stringify(welcome.args.blocks);
    expect(welcomeText).toContain("People register with HMRC and Companies House separately");
    expect(welcomeText).toContain("Monthly");
    expect(welcomeText).toContain("mailto:sab-community@example.gov.uk");
    const dm = posts.find((p) => p.args.channel === "U0ALICE")!;
    expect(dm.args.text).toContain("you are its organiser");

    const audit = await h.db.auditEvent.findMany({ orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["community.created", "community.channel_linked"]);
    expect(audit[0]).toMatchObject({ actorId: "U0ALICE", communityId: community.id });
  });

  it("links an existing channel instead, keeping a topic it already has", async () => {
    const existing = h.slack.addChannel("starting-a-business", { topic: "Our own topic" });
    const reply = await h.interact(createSubmission("U0ALICE", { channel: "", existingChannel: existing }));
    expect(reply.json).toEqual({ response_action: "clear" });
    const community = await h.db.community.findFirstOrThrow();
    expect(community.slackChannelId).toBe(existing);
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
    expect(h.slack.lastCall("conversations.join")?.args.channel).toBe(existing);
    expect(h.slack.callsTo("conversations.setTopic")).toHaveLength(0);
    expect(h.slack.lastCall("conversations.setPurpose")?.args.channel).toBe(existing);
  });

  it("creates one community when the submit button is double-clicked", async () => {
    const submission = createSubmission("U0ALICE", {}, "V0DOUBLE");
    const [first, second] = await Promise.all([h.interact(submission), h.interact(submission)]);
    await h.idle();
    expect(first.json).toEqual({ response_action: "clear" });
    expect(second.json).toEqual({ response_action: "clear" });
    expect(await h.db.community.count()).toBe(1);
    expect(await h.db.membership.count()).toBe(1);
    expect(h.slack.callsTo("conversations.create")).toHaveLength(1);
    // A later resubmission of the same view is recognised too.
    const third = await h.interact(submission);
    expect(third.json).toEqual({ response_action: "clear" });
    expect(await h.db.community.count()).toBe(1);
  });
});

describe("when Slack rate-limits", () => {
  it("honours a short Retry-After and creates the channel on the retry", async () => {
    h.slack.rateLimit("conversations.create", 0);
    const reply = await h.interact(createSubmission("U0ALICE"));
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(h.slack.callsTo("conversations.create")).toHaveLength(2);
    expect(await h.db.community.count({ where: { slackChannelId: { not: null } } })).toBe(1);
  });

  it("does not wait out a long Retry-After before the ack: says so beside the channel field and keeps nothing", async () => {
    h.slack.rateLimit("conversations.create", 30);
    const reply = await h.interact(createSubmission("U0ALICE"));
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors[CREATE_BLOCK.channel]).toBe("Slack is busy right now. Try again in 30 seconds.");
    expect(await h.db.community.count()).toBe(0);
  });
});

describe("text people type is shown, never obeyed", () => {
  it("escapes names in Slack messages and keeps a link from relabelling itself", async () => {
    const reply = await h.interact(
      createSubmission("U0ALICE", {
        name: "<!channel> Starting & growing",
        channel: "sc-growing",
        trello: "https://trello.com/b/x|Click me",
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const community = await h.db.community.findFirstOrThrow({ include: { contactMethods: true } });
    expect(community.contactMethods.find((c) => c.kind === "trello")!.link).toBe("https://trello.com/b/x%7CClick%20me");
    const welcome = h.slack.callsTo("chat.postMessage").find((p) => p.args.channel === community.slackChannelId)!;
    expect(welcome.args.text).toBe("Welcome to &lt;!channel&gt; Starting &amp; growing");
    // mrkdwn would obey "<!channel>"; plain_text (the header) shows it as typed.
    const mrkdwnTexts = JSON.stringify(welcome.args.blocks).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g)!;
    expect(mrkdwnTexts.length).toBeGreaterThan(3);
    expect(mrkdwnTexts.filter((t) => t.includes("<!channel>"))).toEqual([]);
    const list = await h.command("list");
    expect(JSON.stringify(list.json.blocks)).toContain("*&lt;!channel&gt; Starting &amp; growing*");
  });
});

describe("validation errors, each beside its field, with nothing written", () => {
  async function errorsFor(fields: Parameters<typeof createSubmission>[1]) {
    const reply = await h.interact(createSubmission("U0ALICE", fields));
    expect(reply.status).toBe(200);
    expect(reply.json.response_action).toBe("errors");
    expect(await h.db.community.count()).toBe(0);
    return reply.json.errors as Record<string, string>;
  }

  it("rejects a name under 3 or over 80 characters", async () => {
    expect((await errorsFor({ name: "ab" }))[CREATE_BLOCK.name]).toMatch(/at least 3 characters/);
    expect((await errorsFor({ name: "x".repeat(81) }))[CREATE_BLOCK.name]).toMatch(/80 characters/);
  });

  it("rejects a name already used in the workspace, whatever its case", async () => {
    await createCommunity(h, "U0ALICE");
    const reply = await h.interact(createSubmission("U0BOB", { name: "STARTING A   Business", channel: "sc-other" }));
    expect(reply.json.errors[CREATE_BLOCK.name]).toBe(
      'A community called "Starting a business" already exists. Join it with `/community join Starting a business`, or choose another name.',
    );
    expect(await h.db.community.count()).toBe(1);
  });

  it("rejects an invalid channel name before asking Slack", async () => {
    const errors = await errorsFor({ channel: "Starting a business!" });
    expect(errors[CREATE_BLOCK.channel]).toMatch(/lower case letters, numbers, hyphens and underscores/);
    expect(h.slack.callsTo("conversations.create")).toHaveLength(0);
  });

  it("asks for a channel when neither a new name nor an existing one is given", async () => {
    expect((await errorsFor({ channel: "" }))[CREATE_BLOCK.channel]).toMatch(/Enter a channel name, or pick an existing channel/);
  });

  it("turns Slack's name_taken into an error on the channel field and frees the name", async () => {
    h.slack.addChannel("sc-starting-a-business");
    const errors = await errorsFor({});
    expect(errors[CREATE_BLOCK.channel]).toMatch(/A channel called #sc-starting-a-business already exists/);
    // Nothing half-made is left behind: the same name works with another channel.
    const reply = await h.interact(createSubmission("U0ALICE", { channel: "sc-sab" }));
    expect(reply.json).toEqual({ response_action: "clear" });
  });

  it("reports other Slack refusals on the channel field", async () => {
    h.slack.script("conversations.create", { ok: false, error: "restricted_action" });
    expect((await errorsFor({}))[CREATE_BLOCK.channel]).toMatch(/does not let this app create channels/);
    const archived = h.slack.addChannel("old");
    h.slack.script("conversations.join", { ok: false, error: "is_archived" });
    expect((await errorsFor({ channel: "", existingChannel: archived }))[CREATE_BLOCK.existingChannel]).toMatch(/archived/);
  });

  it("refuses the workspace's general channel beside the existing-channel field, before joining it", async () => {
    const general = h.slack.addChannel("general", { general: true });
    const errors = await errorsFor({ channel: "", existingChannel: general });
    expect(errors).toEqual({
      [CREATE_BLOCK.existingChannel]:
        "#general is the workspace's general channel, which everyone is in. Pick another channel, or create a new one.",
    });
    expect(h.slack.lastCall("conversations.info")?.args).toMatchObject({ channel: general });
    expect(h.slack.callsTo("conversations.join")).toHaveLength(0);
  });

  it("refuses a channel the app cannot post in, and an archived one, before joining them", async () => {
    const readOnly = h.slack.addChannel("announcements", { readOnly: true });
    expect(await errorsFor({ channel: "", existingChannel: readOnly })).toEqual({
      [CREATE_BLOCK.existingChannel]: "This app cannot post in #announcements. Pick another channel, or create a new one.",
    });
    const archived = h.slack.addChannel("old-team", { archived: true });
    expect((await errorsFor({ channel: "", existingChannel: archived }))[CREATE_BLOCK.existingChannel]).toBe(
      "That channel is archived. Pick another, or create a new one.",
    );
    expect(h.slack.callsTo("conversations.join")).toHaveLength(0);
  });

  it("puts a linked channel that another community has beside the existing-channel field", async () => {
    const shared = h.slack.addChannel("shared-channel");
    await h.interact(createSubmission("U0ALICE", { name: "First community", channel: "", existingChannel: shared }));
    const reply = await h.interact(createSubmission("U0BOB", { name: "Second community", channel: "", existingChannel: shared }));
    expect(reply.json.errors).toEqual({
      [CREATE_BLOCK.existingChannel]:
        'That channel already belongs to the community "First community". Pick another channel or create a new one.',
    });
  });

  it("rejects links that are not URLs", async () => {
    const errors = await errorsFor({ trello: "my trello board", regularCalls: "teams", mailingList: "not an address" });
    expect(errors[CREATE_BLOCK.linkTrello]).toMatch(/not a link/);
    expect(errors[CREATE_BLOCK.linkRegularCalls]).toMatch(/not a link/);
    expect(errors[CREATE_BLOCK.linkMailingList]).toMatch(/not a link or an email address/);
  });

  it("rejects an unknown time zone", async () => {
    expect((await errorsFor({ timezone: "Mars/Olympus_Mons" }))[CREATE_BLOCK.timezone]).toMatch(/Pick a time zone/);
  });

  it("reports every bad field at once", async () => {
    const errors = await errorsFor({
      name: "",
      service: "",
      cadence: "weekly",
      timezone: "nowhere",
      organisation: "ministry-of-magic",
      profession: null,
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        CREATE_BLOCK.cadence,
        CREATE_BLOCK.name,
        CREATE_BLOCK.service,
        CREATE_BLOCK.timezone,
        PROFILE_BLOCK.organisation,
        PROFILE_BLOCK.profession,
      ].sort(),
    );
  });

  it("asks for the organisation's name when Other is chosen", async () => {
    const errors = await errorsFor({ organisation: "other", organisationOther: "" });
    expect(errors[PROFILE_BLOCK.organisationOther]).toMatch(/type your organisation's name/);
    const ok = await h.interact(createSubmission("U0ALICE", { organisation: "other", organisationOther: "Anytown Chamber of Commerce" }));
    expect(ok.json).toEqual({ response_action: "clear" });
    expect(await h.db.membership.findFirstOrThrow()).toMatchObject({
      organisation: "other",
      organisationOther: "Anytown Chamber of Commerce",
    });
  });

  it("rejects an over-long problem and too many problems", async () => {
    expect((await errorsFor({ problems: `fine\n${"p".repeat(151)}` }))[CREATE_BLOCK.problems]).toMatch(/Problem 2 is longer than 150/);
    expect((await errorsFor({ problems: Array.from({ length: 21 }, (_, i) => `problem ${i}`).join("\n") }))[CREATE_BLOCK.problems]).toBe(
      "List up to 20 problems here. You can log more later.",
    );
  });
});
