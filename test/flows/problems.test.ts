import { ACTION, BLOCK, CALLBACK, DUPLICATE_BLOCK, OBJECTIVE_BLOCK, PROBLEM_BLOCK } from "../../src/views/ids";
import { joinSubmission } from "../support/flows";
import type { Harness } from "../support/harness";
import { blockAction, input, optionsRequest, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, "U0ALICE"); // Alice: HMRC, organiser
  await seedMember(h, "U0BOB", community.id, { organisation: "dwp" });
  await seedMember(h, "U0CAROL", community.id, { organisation: "dwp" });
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

function problemSubmission(
  user: string,
  fields: {
    communityId?: string;
    picked?: string | null;
    title?: string | null;
    description?: string;
    affects?: string[];
    stage?: string;
    link?: string;
    viewId?: string;
  },
) {
  return viewSubmission({
    user,
    viewId: fields.viewId,
    callbackId: CALLBACK.logProblem,
    privateMetadata: JSON.stringify(fields.communityId ? { communityId: fields.communityId } : {}),
    values: {
      ...(fields.picked !== undefined ? { [PROBLEM_BLOCK.community]: input.external(fields.picked) } : {}),
      [PROBLEM_BLOCK.title]: input.text(fields.title === undefined ? "Two registrations for one business" : fields.title),
      [PROBLEM_BLOCK.description]: input.text(fields.description ?? null),
      [PROBLEM_BLOCK.affects]: input.multiExternal(fields.affects ?? []),
      [PROBLEM_BLOCK.stage]: input.text(fields.stage ?? null),
      [PROBLEM_BLOCK.link]: input.text(fields.link ?? null),
    },
  });
}

async function logProblem(user = "U0BOB") {
  const reply = await h.interact(problemSubmission(user, { communityId, affects: ["hmrc", "companies-house"] }));
  expect(reply.json).toEqual({ response_action: "clear" });
  return h.db.problem.findFirstOrThrow({ where: { source: "command" } });
}

function vote(user: string, problemId: string, ts?: string) {
  return h.interact({
    ...blockAction({
      user,
      actionId: ACTION.voteProblem,
      value: problemId,
      channel,
      responseUrl: h.slack.responseUrl(),
      blockId: BLOCK.problemActions,
    }),
    ...(ts
      ? { message: { ts, type: "message" }, container: { type: "message", channel_id: channel, message_ts: ts, is_ephemeral: false } }
      : {}),
  });
}

describe("/community problem", () => {
  it("opens the modal for the community whose channel it is, with the title prefilled", async () => {
    await h.command("problem Two registrations for one business", { user: "U0BOB", channel });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.callback_id).toBe(CALLBACK.logProblem);
    expect(JSON.parse(view.private_metadata)).toEqual({ communityId });
    const blocks = view.blocks.map((b: any) => b.block_id);
    expect(blocks).not.toContain(PROBLEM_BLOCK.community);
    expect(view.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.title).element.initial_value).toBe(
      "Two registrations for one business",
    );
    expect(view.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.affects).element.type).toBe("multi_external_select");
  });

  it("asks which community when run elsewhere by someone not in exactly one", async () => {
    await h.command("problem", { user: "U0NEWCOMER" });
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.community).element.action_id).toBe(ACTION.problemCommunity);
  });

  it("offers the person's own communities first in that picker", async () => {
    await seedCommunity(h, "U0ERIN", { name: "Becoming an apprentice", service: "Becoming an apprentice", channel: "sc-apprentice" });
    const forBob = await h.interact(optionsRequest({ user: "U0BOB", actionId: ACTION.problemCommunity, value: "" }));
    expect(forBob.json.options.map((o: any) => o.text.text)).toEqual(["Starting a business", "Becoming an apprentice"]);
    const forErin = await h.interact(optionsRequest({ user: "U0ERIN", actionId: ACTION.problemCommunity, value: "" }));
    expect(forErin.json.options.map((o: any) => o.text.text)).toEqual(["Becoming an apprentice", "Starting a business"]);
  });

  it("logs the problem and announces it in the channel with a vote button", async () => {
    const reply = await h.interact(
      problemSubmission("U0BOB", {
        picked: communityId,
        title: "  Two registrations   for one business ",
        description: "People give the same details to HMRC and Companies House.",
        affects: ["hmrc", "companies-house", "hmrc"],
        stage: "Registering",
        link: "https://example.gov.uk/research",
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    const problem = await h.db.problem.findFirstOrThrow({
      where: { source: "command" },
      include: { affects: { orderBy: { organisation: "asc" } } },
    });
    expect(problem).toMatchObject({
      title: "Two registrations for one business",
      description: "People give the same details to HMRC and Companies House.",
      stage: "Registering",
      link: "https://example.gov.uk/research",
      status: "open",
      createdBy: "U0BOB",
      announcementChannelId: channel,
    });
    expect(problem.affects.map((a) => a.organisation)).toEqual(["companies-house", "hmrc"]);
    const post = h.slack.callsTo("chat.postMessage").find((p) => p.args.channel === channel)!;
    // The announcement's ts, as Slack returned it, is kept so votes can update it in place.
    expect(problem.announcementTs).toMatch(/^\d+\.\d+$/);
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain("*Two registrations for one business*");
    expect(text).toContain("*Affects:* Companies House, HMRC");
    expect(text).toContain("No votes yet");
    expect(text).not.toContain("0 organisations");
    expect(post.args.blocks.at(-1).elements[0]).toMatchObject({ action_id: ACTION.voteProblem, value: problem.id });
    expect(h.slack.callsTo("chat.postMessage").find((p) => p.args.channel === "U0BOB")!.args.text).toContain(`announced in <#${channel}>`);
    expect(await h.db.auditEvent.count({ where: { action: "problem.logged", actorId: "U0BOB" } })).toBe(1);
  });

  it.each([
    ["an empty title", { title: "" }, PROBLEM_BLOCK.title, /Give the problem a short title/],
    ["a title over 150 characters", { title: "t".repeat(151) }, PROBLEM_BLOCK.title, /Keep the title to 150 characters/],
    ["a link that is not a URL", { link: "see the wiki" }, PROBLEM_BLOCK.link, /not a link/],
    ["an organisation not in the list", { affects: ["ministry-of-magic"] }, PROBLEM_BLOCK.affects, /Pick organisations from the list/],
    ["an over-long description", { description: "d".repeat(3001) }, PROBLEM_BLOCK.description, /3000 characters/],
  ])("rejects %s beside its field, logging nothing", async (_label, fields, block, message) => {
    const reply = await h.interact(problemSubmission("U0BOB", { communityId, ...fields }));
    expect(reply.json.response_action).toBe("errors");
    expect(reply.json.errors[block]).toMatch(message);
    expect(await h.db.problem.count({ where: { source: "command" } })).toBe(0);
  });

  it("logs one problem, with one card and one thanks, when the form is double-clicked or resubmitted", async () => {
    const submission = problemSubmission("U0BOB", { communityId, viewId: "V0PROBLEM" });
    const [first, second] = await Promise.all([h.interact(submission), h.interact(submission)]);
    expect(first.json).toEqual({ response_action: "clear" });
    expect(second.json).toEqual({ response_action: "clear" });
    // A later resubmission of the same form is recognised too.
    expect((await h.interact(submission)).json).toEqual({ response_action: "clear" });
    await h.idle();
    expect(await h.db.problem.count({ where: { source: "command" } })).toBe(1);
    expect(await h.db.auditEvent.count({ where: { action: "problem.logged" } })).toBe(1);
    const posts = h.slack.callsTo("chat.postMessage");
    expect(posts.filter((p) => p.args.channel === channel)).toHaveLength(1);
    expect(posts.filter((p) => p.args.channel === "U0BOB")).toHaveLength(1);
    // Another form with the same words is another problem: only the same submission is recognised.
    await h.interact(problemSubmission("U0BOB", { communityId, viewId: "V0OTHER" }));
    expect(await h.db.problem.count({ where: { source: "command" } })).toBe(2);
  });

  it("rejects an unknown community, and one from another workspace", async () => {
    const missing = await h.interact(problemSubmission("U0BOB", { picked: null }));
    expect(missing.json.errors[PROBLEM_BLOCK.community]).toBe("Choose the community this problem belongs to.");
    const unknown = await h.interact(problemSubmission("U0BOB", { picked: "c-nope" }));
    expect(unknown.json.errors[PROBLEM_BLOCK.community]).toMatch(/no longer exists/);
    expect(await h.db.problem.count({ where: { source: "command" } })).toBe(0);
  });
});

describe("the message shortcut", () => {
  function shortcut(messageText: string, inChannel: string) {
    return {
      type: "message_action",
      callback_id: CALLBACK.logProblemFromMessage,
      trigger_id: "trigger-shortcut",
      team: { id: "T0TEST", domain: "test" },
      user: { id: "U0CAROL", name: "carol", team_id: "T0TEST" },
      channel: { id: inChannel, name: "somewhere" },
      message: { type: "message", user: "U0DAVE", ts: "1700000000.000100", text: messageText },
      message_ts: "1700000000.000100",
      response_url: h.slack.responseUrl(),
      token: "deprecated",
      action_ts: "1700000001.0",
    };
  }

  it("opens the problem modal prefilled from the message, keeping its permalink", async () => {
    h.slack.script("chat.getPermalink", { permalink: "https://test.slack.com/archives/C1/p1700000000000100" });
    const text = "Users re-enter their <https://example.gov.uk/form|company details> twice\nSeen by <@U0DAVE> in research &amp; calls";
    await h.interact(shortcut(text, channel));
    expect(h.slack.lastCall("chat.getPermalink")!.args).toMatchObject({ channel, message_ts: "1700000000.000100" });
    const view = h.slack.lastCall("views.open")!.args.view;
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(block(PROBLEM_BLOCK.title).element.initial_value).toBe("Users re-enter their company details twice");
    expect(block(PROBLEM_BLOCK.description).element.initial_value).toBe(
      "Users re-enter their company details twice\nSeen by @U0DAVE in research & calls",
    );
    const meta = JSON.parse(view.private_metadata);
    expect(meta).toEqual({ communityId, permalink: "https://test.slack.com/archives/C1/p1700000000000100" });

    // Submitting it logs a problem that links back to the message.
    const reply = await h.interact({
      ...problemSubmission("U0CAROL", { communityId }),
      view: { ...problemSubmission("U0CAROL", { communityId }).view, private_metadata: view.private_metadata },
    });
    expect(reply.json).toEqual({ response_action: "clear" });
    const problem = await h.db.problem.findFirstOrThrow({ where: { source: "message_shortcut" } });
    expect(problem.messagePermalink).toBe(meta.permalink);
    const post = h.slack.callsTo("chat.postMessage").find((p) => p.args.channel === channel)!;
    expect(JSON.stringify(post.args.blocks)).toContain(`<${meta.permalink}|The message it came from>`);
  });

  it("outside a community channel, asks which community (of someone in two); a lost permalink loses nothing else", async () => {
    const other = await seedCommunity(h, "U0ERIN", {
      name: "Becoming an apprentice",
      service: "Becoming an apprentice",
      channel: "sc-apprentice",
    });
    await seedMember(h, "U0CAROL", other.id);
    h.slack.script("chat.getPermalink", { ok: false, error: "channel_not_found" });
    await h.interact(shortcut("A problem", "C0ELSEWHERE"));
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view.blocks.map((b: any) => b.block_id)).toContain(PROBLEM_BLOCK.community);
    expect(JSON.parse(view.private_metadata)).toEqual({});
  });
});

describe("This affects us too", () => {
  it("toggles your vote and updates the announcement in place with votes and organisations", async () => {
    const problem = await logProblem();
    await vote("U0BOB", problem.id, problem.announcementTs!);
    await vote("U0ALICE", problem.id, problem.announcementTs!);
    await vote("U0CAROL", problem.id, problem.announcementTs!);
    expect(await h.db.problemVote.count({ where: { problemId: problem.id } })).toBe(3);
    let update = h.slack.lastCall("chat.update")!;
    expect(update.args).toMatchObject({ channel, ts: problem.announcementTs });
    // Bob and Carol are DWP, Alice HMRC: three votes, two organisations.
    expect(JSON.stringify(update.args.blocks)).toContain("*3 votes* from 2 organisations");

    await vote("U0BOB", problem.id, problem.announcementTs!); // again: takes it back
    expect(await h.db.problemVote.count({ where: { problemId: problem.id } })).toBe(2);
    update = h.slack.lastCall("chat.update")!;
    expect(JSON.stringify(update.args.blocks)).toContain("*2 votes* from 2 organisations");
  });

  it("answers each vote and each vote taken back with an ephemeral reply that says how to undo it", async () => {
    const problem = await logProblem();
    await vote("U0CAROL", problem.id, problem.announcementTs!);
    expect(h.slack.responses.at(-1)!.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      text: 'You said *Two registrations for one business* affects you too. It now has 1 vote from 1 organisation. To take your vote back, select "This affects us too" again.',
    });
    await vote("U0CAROL", problem.id, problem.announcementTs!);
    expect(h.slack.responses.at(-1)!.body).toEqual({
      response_type: "ephemeral",
      replace_original: false,
      text: 'You took back your vote for *Two registrations for one business*. To vote again, select "This affects us too".',
    });
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain("No votes yet");
  });

  it("asks someone who is not a member their organisation and profession first, then counts their vote for it", async () => {
    const problem = await logProblem();
    await vote("U0STRANGER", problem.id, problem.announcementTs!);
    // Not counted yet: the join form opens, saying why.
    expect(await h.db.problemVote.count()).toBe(0);
    expect(h.slack.callsTo("chat.update")).toHaveLength(0);
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(form.callback_id).toBe(CALLBACK.joinCommunity);
    expect(JSON.stringify(form.blocks)).toContain(
      "To say *Two registrations for one business* affects you too, join *Starting a business*",
    );

    const join = joinSubmission("U0STRANGER", { communityId, organisation: "companies-house", profession: "policy" });
    const reply = await h.interact({ ...join, view: { ...join.view, private_metadata: form.private_metadata } });
    expect(reply.json?.response_action).toBeUndefined();
    expect(await h.db.membership.findFirstOrThrow({ where: { slackUserId: "U0STRANGER" } })).toMatchObject({
      status: "active",
      organisation: "companies-house",
    });
    expect(await h.db.problemVote.findMany()).toEqual([
      expect.objectContaining({ slackUserId: "U0STRANGER", organisation: "companies-house" }),
    ]);
    const update = h.slack.lastCall("chat.update")!;
    expect(update.args).toMatchObject({ channel, ts: problem.announcementTs });
    expect(JSON.stringify(update.args.blocks)).toContain("*1 vote* from 1 organisation");
    expect(h.slack.lastCall("chat.postEphemeral")!.args).toMatchObject({
      channel,
      user: "U0STRANGER",
      text: expect.stringContaining(
        "You said *Two registrations for one business* affects you too. It now has 1 vote from 1 organisation.",
      ),
    });
    // Now a member, their next click takes the vote back as anyone's does.
    await vote("U0STRANGER", problem.id, problem.announcementTs!);
    expect(await h.db.problemVote.count()).toBe(0);
  });

  it("lets someone who has left take back the vote they gave as a member, without the join form", async () => {
    const problem = await logProblem();
    await vote("U0CAROL", problem.id, problem.announcementTs!);
    await h.db.membership.updateMany({ where: { slackUserId: "U0CAROL" }, data: { status: "left" } });
    h.slack.reset();
    await vote("U0CAROL", problem.id, problem.announcementTs!);
    expect(await h.db.problemVote.count()).toBe(0);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/^You took back your vote/);
  });

  it("two people voting at the same moment give exactly two votes", async () => {
    const problem = await logProblem();
    await Promise.all([vote("U0ALICE", problem.id), vote("U0CAROL", problem.id)]);
    expect(await h.db.problemVote.count({ where: { problemId: problem.id } })).toBe(2);
    // Updates run one after another, so the last one shows both votes.
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain("*2 votes* from 2 organisations");
  });

  it("many people voting at once are all counted", async () => {
    const problem = await logProblem();
    const voters = Array.from({ length: 40 }, (_, i) => `U0VOTER${i}`);
    // Members, so each vote counts at once for their organisation.
    await h.db.membership.createMany({
      data: voters.map((u) => ({
        communityId,
        slackUserId: u,
        organisation: "dwp",
        profession: "policy",
        role: "member",
        status: "active",
      })),
    });
    await Promise.all(voters.map((u) => vote(u, problem.id)));
    expect(await h.db.problemVote.count({ where: { problemId: problem.id } })).toBe(40);
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain("*40 votes*");
  });

  it("a closed problem takes no votes, and says so", async () => {
    const problem = await logProblem();
    await h.db.problem.update({ where: { id: problem.id }, data: { status: "solved" } });
    await vote("U0CAROL", problem.id, problem.announcementTs!);
    expect(await h.db.problemVote.count()).toBe(0);
    expect(h.slack.responses.at(-1)!.body).toMatchObject({
      response_type: "ephemeral",
      text: "*Two registrations for one business* is closed (solved), so it takes no more votes.",
    });
  });
});

describe("/community problems", () => {
  /** 250 problems: problem i gets i % 7 votes, from voters of i % 3 + 1 organisations at most. */
  async function seedProblems(count: number) {
    const orgs = ["hmrc", "dwp", "companies-house"];
    for (let i = 0; i < count; i++) {
      const votes = i % 7;
      await h.db.problem.create({
        data: {
          communityId,
          title: `Problem ${String(i).padStart(3, "0")}`,
          source: "command",
          createdBy: "U0SEED",
          status: i % 50 === 0 ? "solved" : i % 25 === 0 ? "objective" : "open",
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
          votes: { create: Array.from({ length: votes }, (_, v) => ({ slackUserId: `U0V${v}`, organisation: orgs[v % ((i % 3) + 1)] })) },
        },
      });
    }
  }

  it("pages through 250 problems, most votes first, every message under 50 blocks", async () => {
    await seedProblems(250);
    const first = (await h.command("problems", { user: "U0V1", channel })).json;
    // Open includes objectives: 250 less the 5 solved ones (and the 2 from the create modal).
    expect(first.text).toBe("Problems in Starting a business (open): 247");
    expect(first.blocks.length).toBeLessThan(50);
    const titles = (m: any) => m.blocks.filter((b: any) => b.accessory?.action_id === ACTION.voteProblem).map((b: any) => b.text.text);
    // Six votes first; among equals, more organisations first, then the older.
    expect(titles(first)[0]).toBe("*1. Problem 020*\n6 votes from 3 organisations (including yours)");
    expect(titles(first)[1]).toBe("*2. Problem 041*\n6 votes from 3 organisations (including yours)");
    let message = first;
    const seen: string[] = [];
    for (let page = 0; page < 25; page++) {
      seen.push(...titles(message));
      expect(message.blocks.length).toBeLessThan(50);
      const next = message.blocks
        .find((b: any) => b.block_id === BLOCK.problemsPager)
        ?.elements.find((e: any) => e.action_id === ACTION.problemsNext);
      if (!next) break;
      await h.interact(
        blockAction({ user: "U0V1", actionId: next.action_id, value: next.value, channel, responseUrl: h.slack.responseUrl() }),
      );
      message = h.slack.responses.at(-1)!.body;
      expect(message.replace_original).toBe(true);
    }
    expect(seen).toHaveLength(247);
    expect(new Set(seen).size).toBe(247);
    const votesOf = (t: string) => (t.includes("No votes yet") ? 0 : Number(/\n(\d+) votes?/.exec(t)![1]));
    const counts = seen.map(votesOf);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("filters by status and names the community anywhere", async () => {
    await seedProblems(60);
    expect((await h.command("problems starting a business objectives", { user: "U0BOB" })).json.text).toBe(
      "Problems in Starting a business (objectives): 1",
    );
    expect((await h.command("problems starting a business solved", { user: "U0BOB" })).json.text).toBe(
      "Problems in Starting a business (solved): 2",
    );
    expect((await h.command("problems all", { user: "U0BOB", channel })).json.text).toBe("Problems in Starting a business (all): 62");
    const none = (await h.command("problems", { user: "U0BOB" })).json;
    expect(none.text).toMatch(/Which community\? Type `\/community problems <name>`/);
  });

  it("a vote from the list is confirmed to the voter and updates the announcement", async () => {
    const problem = await logProblem();
    const list = (await h.command("problems", { user: "U0CAROL", channel })).json;
    const button = list.blocks.find((b: any) => b.accessory?.value === problem.id).accessory;
    expect(button.text.text).toBe("This affects us too");
    await h.interact({
      ...blockAction({ user: "U0CAROL", actionId: ACTION.voteProblem, value: problem.id, channel, responseUrl: h.slack.responseUrl() }),
      container: { type: "message", channel_id: channel, message_ts: "1.1", is_ephemeral: true },
    });
    expect(h.slack.responses.at(-1)!.body.text).toMatch(
      /^You said \*Two registrations for one business\* affects you too\. It now has 1 vote from 1 organisation\./,
    );
    expect(h.slack.lastCall("chat.update")!.args.ts).toBe(problem.announcementTs);
  });
});

describe("the organisers' menu", () => {
  function choose(user: string, problemId: string, to: string, ts: string) {
    return h.interact({
      type: "block_actions",
      team: { id: "T0TEST", domain: "test" },
      user: { id: user, username: user, name: user, team_id: "T0TEST" },
      api_app_id: "A0APP",
      token: "deprecated",
      trigger_id: "trigger-overflow",
      channel: { id: channel, name: "sab" },
      container: { type: "message", channel_id: channel, message_ts: ts, is_ephemeral: false },
      message: { type: "message", ts },
      response_url: h.slack.responseUrl(),
      actions: [
        {
          type: "overflow",
          action_id: ACTION.problemStatus,
          block_id: "b",
          action_ts: "1.1",
          selected_option: { text: { type: "plain_text", text: to }, value: JSON.stringify({ p: problemId, to }) },
        },
      ],
    });
  }

  it("lets an organiser promote, solve and reopen, recording each change and redrawing the card", async () => {
    const problem = await logProblem();
    const ts = problem.announcementTs!;
    const card = h.slack.callsTo("chat.postMessage").find((p) => p.args.channel === channel)!.args.blocks;
    expect(card[0].accessory.options.map((o: any) => o.text.text)).toEqual([
      "Details and history",
      "Promote to objective (organisers)",
      "Mark solved (organisers)",
      "Close as a duplicate (organisers)",
    ]);

    await choose("U0ALICE", problem.id, "objective", ts);
    expect(await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).toMatchObject({
      status: "objective",
      objectiveStatus: "open",
    });
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain(":dart: Objective");

    h.clock.advance(60_000);
    await choose("U0ALICE", problem.id, "solved", ts);
    const solved = h.slack.lastCall("chat.update")!.args.blocks;
    expect(JSON.stringify(solved)).toContain(":white_check_mark: Solved");
    // A solved problem has no vote button, and its menu only reopens.
    expect(solved.some((b: any) => b.type === "actions")).toBe(false);
    expect(solved[0].accessory.options.map((o: any) => o.text.text)).toEqual(["Details and history", "Reopen (organisers)"]);

    h.clock.advance(60_000);
    await choose("U0ALICE", problem.id, "open", ts);
    expect((await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).status).toBe("open");
    const history = await h.db.problemStatusChange.findMany({ where: { problemId: problem.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((c) => [c.fromStatus, c.toStatus, c.actorId])).toEqual([
      ["open", "objective", "U0ALICE"],
      ["objective", "solved", "U0ALICE"],
      ["solved", "open", "U0ALICE"],
    ]);
  });

  it("shows anyone the details and history; only the author may edit the title and description", async () => {
    const problem = await logProblem("U0BOB");
    await choose("U0ALICE", problem.id, "objective", problem.announcementTs!);
    await choose("U0CAROL", problem.id, "details", problem.announcementTs!);
    const details = h.slack.lastCall("views.open")!.args.view;
    expect(details.callback_id).toBe(CALLBACK.problemDetails);
    const text = JSON.stringify(details.blocks);
    expect(text).toContain("*History*, in UK time\\n• Monday 2 March 2026 at 10am: <@U0BOB> logged it");
    expect(text).toContain("Monday 2 March 2026 at 10am: <@U0ALICE> moved it from open to *objective*");
    expect(text).not.toContain(ACTION.editProblem); // Carol is not the author

    await choose("U0BOB", problem.id, "details", problem.announcementTs!);
    const mine = h.slack.lastCall("views.open")!.args.view;
    const edit = mine.blocks.find((b: any) => b.type === "actions").elements[0];
    expect(edit.action_id).toBe(ACTION.editProblem);
    await h.interact(blockAction({ user: "U0BOB", actionId: edit.action_id, value: edit.value }));
    const form = h.slack.lastCall("views.push")!.args.view;
    expect(form.callback_id).toBe(CALLBACK.editProblem);

    const submit = (user: string, title: string) =>
      h.interact(
        viewSubmission({
          user,
          callbackId: CALLBACK.editProblem,
          privateMetadata: form.private_metadata,
          values: { [PROBLEM_BLOCK.title]: input.text(title), [PROBLEM_BLOCK.description]: input.text("Now with more detail.") },
        }),
      );
    const refused = await submit("U0CAROL", "Carol's title");
    expect(refused.json.errors[PROBLEM_BLOCK.title]).toMatch(/Only the person who logged a problem/);
    expect((await submit("U0BOB", "")).json.errors[PROBLEM_BLOCK.title]).toMatch(/Give the problem a short title/);
    expect((await submit("U0BOB", "One registration should do")).json).toEqual({ response_action: "clear" });
    expect(await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).toMatchObject({
      title: "One registration should do",
      description: "Now with more detail.",
      status: "objective",
    });
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain("*One registration should do*");
  });

  it("lets an organiser set an objective's owner, target date and progress, checking each", async () => {
    const problem = await logProblem();
    await choose("U0ALICE", problem.id, "objective", problem.announcementTs!);
    await choose("U0BOB", problem.id, "objective_details", problem.announcementTs!); // Bob is a member
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/Only the organisers of \*Starting a business\* can set an objective's owner/);
    await choose("U0ALICE", problem.id, "objective_details", problem.announcementTs!);
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(form.callback_id).toBe(CALLBACK.setObjective);
    const submit = (user: string, owner: string | null, date: string | null, progress: string) =>
      h.interact(
        viewSubmission({
          user,
          callbackId: CALLBACK.setObjective,
          privateMetadata: form.private_metadata,
          values: {
            [OBJECTIVE_BLOCK.owner]: { type: "users_select", selected_user: owner },
            [OBJECTIVE_BLOCK.targetDate]: { type: "datepicker", selected_date: date },
            [OBJECTIVE_BLOCK.progress]: input.select(progress),
          },
        }),
      );
    const notMember = await submit("U0ALICE", "U0STRANGER", "2026-09-30", "in_progress");
    expect(notMember.json.errors[OBJECTIVE_BLOCK.owner]).toMatch(/must be a member of Starting a business/);
    const refused = await submit("U0BOB", "U0BOB", "2026-09-30", "in_progress");
    expect(refused.json.response_action).toBe("errors");
    expect((await submit("U0ALICE", "U0BOB", "2026-09-30", "in_progress")).text).toBe("");
    expect(await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).toMatchObject({
      objectiveOwnerId: "U0BOB",
      objectiveTargetDate: new Date("2026-09-30T00:00:00Z"),
      objectiveStatus: "in_progress",
    });
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain(
      ":dart: *Objective:* owner <@U0BOB>  ·  by Wednesday 30 September 2026  ·  in progress",
    );
  });

  it("lets an organiser close a problem as a duplicate of another in the community", async () => {
    const first = await logProblem();
    await h.interact(problemSubmission("U0CAROL", { communityId, title: "Registering twice" }));
    const second = await h.db.problem.findFirstOrThrow({ where: { title: "Registering twice" } });
    await choose("U0ALICE", second.id, "duplicate", second.announcementTs!);
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(form.callback_id).toBe(CALLBACK.closeAsDuplicate);

    // The picker offers the community's other problems, not this one.
    const options = await h.interact({
      ...optionsRequest({ user: "U0ALICE", actionId: ACTION.problemPicker, value: "regist" }),
      view: { id: "V1", private_metadata: form.private_metadata },
    });
    const offered = options.json.options.map((o: any) => o.value);
    expect(offered).toContain(first.id);
    expect(offered).not.toContain(second.id);
    expect(options.json.options.map((o: any) => o.text.text)).toEqual([
      "People register with HMRC and Companies House separately",
      "Two registrations for one business",
    ]);

    const submit = (duplicateOf: string | null) =>
      h.interact(
        viewSubmission({
          user: "U0ALICE",
          callbackId: CALLBACK.closeAsDuplicate,
          privateMetadata: form.private_metadata,
          values: { [DUPLICATE_BLOCK.duplicateOf]: input.external(duplicateOf) },
        }),
      );
    expect((await submit(second.id)).json.errors[DUPLICATE_BLOCK.duplicateOf]).toMatch(/another problem of the same community/);
    expect((await submit(first.id)).text).toBe("");
    expect(await h.db.problem.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "duplicate",
      duplicateOfId: first.id,
    });
    const card = JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks);
    expect(card).toContain("Closed as a duplicate of *Two registrations for one business*");
    expect(card).not.toContain(ACTION.voteProblem);
    expect((await h.db.problemStatusChange.findFirstOrThrow({ where: { problemId: second.id } })).toStatus).toBe("duplicate");
  });

  it("refuses a member, ephemerally, and changes nothing", async () => {
    const problem = await logProblem();
    const updates = h.slack.callsTo("chat.update").length;
    await choose("U0BOB", problem.id, "objective", problem.announcementTs!);
    expect(h.slack.responses.at(-1)!.body).toMatchObject({
      response_type: "ephemeral",
      text: "Only the organisers of *Starting a business* can promote a problem to an objective. Nothing was changed.",
    });
    expect((await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).status).toBe("open");
    expect(await h.db.problemStatusChange.count()).toBe(0);
    expect(h.slack.callsTo("chat.update")).toHaveLength(updates);
  });

  it("two organisers acting at once: one change wins, the other is told", async () => {
    const problem = await logProblem();
    await h.db.membership.updateMany({ where: { slackUserId: "U0BOB" }, data: { role: "organiser" } });
    await Promise.all([
      choose("U0ALICE", problem.id, "objective", problem.announcementTs!),
      choose("U0BOB", problem.id, "objective", problem.announcementTs!),
    ]);
    expect(await h.db.problemStatusChange.count({ where: { problemId: problem.id } })).toBe(1);
    expect(h.slack.responses.at(-1)!.body.text).toMatch(/is an objective, so it cannot be promoted now|at the same moment/);
  });
});

describe("objectives in the charter and on App Home", () => {
  it("shows a promoted problem as an objective in /community info and on App Home", async () => {
    const problem = await logProblem();
    await h.db.problem.update({
      where: { id: problem.id },
      data: {
        status: "objective",
        objectiveStatus: "in_progress",
        objectiveOwnerId: "U0BOB",
        objectiveTargetDate: new Date("2026-06-30T00:00:00Z"),
      },
    });
    const info = (await h.command("info", { user: "U0ALICE", channel })).json;
    const text = JSON.stringify(info.blocks);
    expect(text).toContain(
      "*Our objectives*\\n• :dart: Two registrations for one business (owner <@U0BOB>, by Tuesday 30 June 2026, in progress)",
    );
    // The charter's open problems no longer include it.
    expect(text).not.toMatch(/Problems we are tackling[^"]*Two registrations/);

    await h.event({ type: "app_home_opened", user: "U0CAROL", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    expect(JSON.stringify(h.slack.lastCall("views.publish")!.args.view.blocks)).toContain(
      ":dart: Two registrations for one business (owner <@U0BOB>",
    );
  });
});

describe("the promotion suggestion", () => {
  it("tells the organisers once, when voters first come from the threshold's number of organisations", async () => {
    const problem = await logProblem();
    await seedMember(h, "U0DAVE", communityId, { organisation: "companies-house" });
    const suggestions = () => h.slack.callsTo("chat.postMessage").filter((p) => p.args.text?.endsWith("could be an objective"));
    await vote("U0BOB", problem.id); // DWP
    await vote("U0CAROL", problem.id); // DWP again: still one organisation
    await vote("U0ALICE", problem.id); // HMRC: two
    expect(suggestions()).toHaveLength(0);
    await vote("U0DAVE", problem.id); // Companies House: three, the default threshold
    expect(suggestions()).toHaveLength(1);
    expect(suggestions()[0].args.channel).toBe("U0ALICE"); // the organiser
    expect(JSON.stringify(suggestions()[0].args.blocks)).toContain("now affects 3 organisations (4 votes)");
    // Taking a vote back and giving it again does not suggest it twice.
    await vote("U0DAVE", problem.id);
    await vote("U0DAVE", problem.id);
    expect(suggestions()).toHaveLength(1);

    // The suggestion's button promotes it.
    const button = suggestions()[0].args.blocks.at(-1).elements[0];
    await h.interact(
      blockAction({
        user: "U0ALICE",
        actionId: button.action_id,
        value: button.value,
        channel: "D0ALICE",
        responseUrl: h.slack.responseUrl(),
      }),
    );
    expect((await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).status).toBe("objective");
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      ":dart: *Two registrations for one business* is now an objective of *Starting a business*.",
    );
    expect(JSON.stringify(h.slack.lastCall("chat.update")!.args.blocks)).toContain(":dart: Objective");
  });

  it("many votes crossing the threshold at once still suggest it once", async () => {
    const problem = await logProblem();
    await h.db.community.update({ where: { id: communityId }, data: { problemThreshold: 2 } });
    await Promise.all([vote("U0ALICE", problem.id), vote("U0BOB", problem.id), vote("U0CAROL", problem.id)]);
    expect(h.slack.callsTo("chat.postMessage").filter((p) => p.args.text?.endsWith("could be an objective"))).toHaveLength(1);
  });
});
