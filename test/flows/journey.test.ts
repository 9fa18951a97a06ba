// The service journey in Slack, through the real app over HTTP: /community
// journey for an empty journey, a small one and one of 40 stages with 2,000
// problems; the stage form (add, suggest, edit, per-field errors); each
// stage's menu (edit, move up and down, remove after asking); suggestions
// accepted and dismissed; a member refused when editing; the first draft
// from problems; the problem form's stage picker; the join form's stages and
// "Say which stages you work on".
import { ACTION, BLOCK, CALLBACK, PROBLEM_BLOCK, PROFILE_BLOCK, STAGE_BLOCK } from "../../src/views/ids";
import { blockKitProblems } from "../support/blockKit";
import { joinSubmission } from "../support/flows";
import type { Harness } from "../support/harness";
import { blockAction, input, overflowAction, viewSubmission } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";
import { seededWorld } from "../support/world";

const ALICE = "U0ALICE"; // organiser, HMRC
const BOB = "U0BOB"; // member, DWP
const CAROL = "U0CAROL"; // not a member

let h: Harness;
let communityId: string;
let channel: string;
const world = seededWorld(async (h) => {
  const community = await seedCommunity(h, ALICE, { organisation: "hmrc", profession: "policy", problems: null });
  await seedMember(h, BOB, community.id, { organisation: "dwp" });
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

interface Message {
  text: string;
  blocks: any[];
}

/** The command's answer: in the ack when it was ready in time, otherwise posted to response_url. */
async function journey(user: string, args = ""): Promise<Message> {
  const reply = await h.command(`journey${args ? ` ${args}` : ""}`, { user, channel });
  return reply.json?.text ? reply.json : (h.slack.responses.at(-1)!.body as Message);
}

/** The message a click answered with (replacing the journey), or what the clicker was told. */
const lastResponse = (): Message => h.slack.responses.at(-1)!.body as Message;

function click(user: string, actionId: string, value: string) {
  return h.interact(blockAction({ user, actionId, value, channel, responseUrl: h.slack.responseUrl(), blockId: BLOCK.journeyActions }));
}

function menu(user: string, stageId: string, what: "edit" | "up" | "down" | "remove", page = 0) {
  return h.interact(
    overflowAction({
      user,
      actionId: ACTION.stageMenu,
      value: JSON.stringify({ s: stageId, do: what, p: page }),
      channel,
      responseUrl: h.slack.responseUrl(),
    }),
  );
}

function stageForm(
  user: string,
  fields: { title?: string | null; description?: string; owners?: string[]; deliverers?: string[]; others?: string; link?: string },
  meta: Record<string, unknown> = { communityId },
) {
  return h.interact(
    viewSubmission({
      user,
      callbackId: CALLBACK.stage,
      privateMetadata: JSON.stringify(meta),
      values: {
        [STAGE_BLOCK.title]: input.text(fields.title === undefined ? "Register for tax" : fields.title),
        [STAGE_BLOCK.description]: input.text(fields.description ?? null),
        [STAGE_BLOCK.owners]: input.multiExternal(fields.owners ?? []),
        [STAGE_BLOCK.deliverers]: input.multiExternal(fields.deliverers ?? []),
        [STAGE_BLOCK.otherOwners]: input.text(fields.others ?? null),
        [STAGE_BLOCK.link]: input.text(fields.link ?? null),
      },
    }),
  );
}

const stagesInOrder = async () =>
  (await h.db.journeyStage.findMany({ where: { communityId, status: "accepted" }, orderBy: { position: "asc" } })).map((s) => s.title);

/** Adds accepted stages straight to the database, in order: for tests about something else. */
async function seedStages(titles: string[], owners: Record<number, string[]> = {}) {
  const made = [];
  for (const [i, title] of titles.entries()) {
    made.push(
      await h.db.journeyStage.create({
        data: {
          communityId,
          title,
          position: i,
          createdBy: ALICE,
          owners: { create: (owners[i] ?? []).map((organisation, j) => ({ organisation, organisationKey: organisation, position: j })) },
        },
      }),
    );
  }
  return made;
}

const texts = (message: Message) => JSON.stringify(message.blocks);
const buttonsOf = (message: Message) =>
  message.blocks
    .flatMap((b) => (b.type === "actions" ? b.elements : b.accessory ? [b.accessory] : []))
    .filter((e: any) => e.type === "button")
    .map((e: any) => e.text.text);

describe("/community journey", () => {
  it("explains an empty journey: organisers can add a stage, or draft one when problems say where they bite", async () => {
    let shown = await journey(ALICE);
    expect(shown.text).toBe("Starting a business has no service journey yet");
    expect(texts(shown)).toContain("The journey is the path a user takes through the service");
    expect(buttonsOf(shown)).toEqual(["Add a stage"]);

    await h.db.problem.create({
      data: { communityId, title: "Two registrations", stage: "Registering", source: "command", createdBy: BOB },
    });
    shown = await journey(ALICE);
    expect(buttonsOf(shown)).toEqual(["Draft from problems", "Add a stage"]);
    expect(texts(shown)).toContain("Some problems already say where in the journey they happen");

    // Members are told what the journey is and can suggest; anyone else can join.
    expect(buttonsOf(await journey(BOB))).toEqual(["Suggest a stage"]);
    const outsider = await journey(CAROL);
    expect(buttonsOf(outsider)).toEqual(["Join the community"]);
    expect(texts(outsider)).toContain("Join the community to suggest stages.");
  });

  it("shows a small journey: numbered stages, owners, problems, who works on them, and warnings", async () => {
    const [check, register, tax] = await seedStages(["Check what you need to do", "Register the company", "Register for tax"], {
      1: ["companies-house"],
      2: ["hmrc", "dwp"],
    });
    await h.db.stageOwner.updateMany({ where: { stageId: tax.id, organisation: "dwp" }, data: { role: "delivers" } });
    const problem = (title: string, stageId: string, status = "open") =>
      h.db.problem.create({ data: { communityId, title, stage: "typed", stageId, status, source: "command", createdBy: BOB } });
    const two = await problem("Two registrations", register.id);
    await problem("Unclear forms", register.id);
    await problem("Slow to set up", register.id, "objective");
    await h.db.problemVote.createMany({ data: [ALICE, BOB].map((slackUserId) => ({ problemId: two.id, slackUserId })) });
    await problem("Which taxes apply", tax.id);
    const bob = await h.db.membership.findFirstOrThrow({ where: { communityId, slackUserId: BOB } });
    await h.db.memberStage.create({ data: { membershipId: bob.id, stageId: tax.id } });

    const shown = await journey(BOB);
    expect(shown.text).toBe("The service journey of Starting a business: 3 stages");
    expect(blockKitProblems(shown.blocks, "message")).toEqual([]);
    const stages = shown.blocks.filter((b) => b.type === "section" && /^\*\d+\. /.test(b.text.text));
    expect(stages.map((b) => b.text.text.split("\n")[0])).toEqual([
      "*1. Check what you need to do*",
      "*2. Register the company*",
      "*3. Register for tax*",
    ]);
    // Members see no organisers' menu.
    expect(stages.every((b) => !b.accessory)).toBe(true);
    expect(stages[1].text.text).toContain("Owned by Companies House");
    expect(stages[1].text.text).toContain(
      ":warning: Warning: Companies House owns this stage but has no member in the community. Invite someone with `/community invite`.",
    );
    expect(stages[1].text.text).toContain(":warning: Warning: this stage has problems and nobody has said they work on it.");
    expect(stages[2].text.text).toContain("Owned by HMRC\nDWP delivers part of it");
    expect(stages[2].text.text).not.toContain("Warning");
    const figures = shown.blocks.filter((b) => b.type === "context").map((b) => b.elements[0].text);
    expect(figures).toContain(
      "2 open problems and 1 objective. Most votes: Two registrations (2 votes)\nNobody has said they work on it yet",
    );
    expect(figures).toContain("1 open problem\n1 member works on it, from DWP");
    expect(figures).toContain("No open problems\nNobody has said they work on it yet");
    expect(buttonsOf(shown)).toEqual(["Suggest a stage", "Say which stages you work on", "Export"]);

    // Organisers have a menu on each stage, with only the moves it can make.
    const organisers = await journey(ALICE);
    const menus = organisers.blocks
      .filter((b) => b.accessory?.action_id === ACTION.stageMenu)
      .map((b) => b.accessory.options.map((o: any) => o.text.text));
    expect(menus).toEqual([
      ["Edit", "Move down", "Remove"],
      ["Edit", "Move up", "Move down", "Remove"],
      ["Edit", "Move up", "Remove"],
    ]);
    expect(JSON.parse(organisers.blocks.find((b) => b.accessory)!.accessory.options[0].value)).toEqual({ s: check.id, do: "edit", p: 0 });
    expect(buttonsOf(organisers)).toEqual(["Add a stage", "Say which stages you work on", "Export"]);
  });

  it("pages a journey of 40 stages and 2,000 problems within Block Kit's limits", async () => {
    const stages = await seedStages(
      Array.from({ length: 40 }, (_, i) => `Stage ${String(i + 1).padStart(2, "0")} ${"of a long journey ".repeat(3)}`.slice(0, 80)),
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i, ["hmrc", "dwp", "companies-house", "ipo", "the-pensions-regulator"]])),
    );
    const problems = Array.from({ length: 2000 }, (_, i) => ({
      communityId,
      title: `Problem ${i} ${"x".repeat(130)}`,
      stage: "typed",
      stageId: stages[i % 40].id,
      // Each stage's 50 problems: the first 10 of them objectives.
      status: i < 400 ? "objective" : "open",
      source: "command",
      createdBy: BOB,
    }));
    for (let i = 0; i < problems.length; i += 500) await h.db.problem.createMany({ data: problems.slice(i, i + 500) });
    // Three suggestions wait, and a fourth: the organisers' first page shows three.
    for (let i = 0; i < 4; i++)
      await h.db.journeyStage.create({ data: { communityId, title: `Suggested ${i}`, position: i, status: "suggested", createdBy: BOB } });

    const first = await journey(ALICE);
    expect(blockKitProblems(first.blocks, "message")).toEqual([]);
    expect(first.blocks.length).toBeLessThanOrEqual(50);
    expect(texts(first)).toContain("Stages 1 to 12 of 40  ·  Page 1 of 4");
    expect(texts(first)).toContain("*Suggested stages waiting* (4)");
    expect(first.blocks.filter((b) => b.type === "actions" && b.elements[0].action_id === ACTION.acceptStage)).toHaveLength(3);
    expect(buttonsOf(first)).toContain("Next");
    expect(buttonsOf(first)).not.toContain("Previous");

    let value = first.blocks.at(-1).elements.find((e: any) => e.action_id === ACTION.journeyNext).value;
    const seen: string[] = [];
    for (const expected of [
      "Stages 13 to 24 of 40  ·  Page 2 of 4",
      "Stages 25 to 36 of 40  ·  Page 3 of 4",
      "Stages 37 to 40 of 40  ·  Page 4 of 4",
    ]) {
      await click(ALICE, ACTION.journeyNext, value);
      const page = lastResponse() as Message & { replace_original?: boolean };
      expect(page.replace_original).toBe(true);
      expect(blockKitProblems(page.blocks, "message")).toEqual([]);
      expect(texts(page)).toContain(expected);
      expect(texts(page)).not.toContain("Suggested stages waiting");
      seen.push(...page.blocks.filter((b) => /^\*\d+\. /.test(b.text?.text ?? "")).map((b) => b.text.text.split(".")[0]));
      value = page.blocks.at(-1).elements.find((e: any) => e.action_id === ACTION.journeyNext)?.value;
    }
    expect(seen).toEqual(Array.from({ length: 28 }, (_, i) => `*${i + 13}`));
    expect(value).toBeUndefined();
    // Every stage has 50 problems, 10 of them objectives.
    expect(texts(lastResponse())).toContain("40 open problems and 10 objectives");
    // A member's pages are within the limits too.
    expect(blockKitProblems((await journey(BOB)).blocks, "message")).toEqual([]);
  });

  it("is found by name from outside the community's channel", async () => {
    await seedStages(["Check what you need to do"]);
    const reply = await h.command("journey starting a business", { user: BOB, channel: "C0ELSEWHERE" });
    const shown = reply.json?.text ? reply.json : lastResponse();
    expect(shown.text).toBe("The service journey of Starting a business: 1 stage");
  });
});

describe("the stage form", () => {
  it("adds an organiser's stage at the end of the journey and shows the journey again", async () => {
    await seedStages(["Check what you need to do"]);
    await click(ALICE, ACTION.addStage, communityId);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view).toMatchObject({ callback_id: CALLBACK.stage, title: { text: "Add a stage" }, submit: { text: "Add stage" } });
    const meta = JSON.parse(view.private_metadata);
    expect(meta).toEqual({ communityId, channelId: channel, page: 0 });

    const reply = await stageForm(
      ALICE,
      {
        title: "  Register   the company ",
        description: "Tell Companies House about the company.",
        owners: ["companies-house"],
        deliverers: ["hmrc"],
        others: "Anytown Council\n\nanytown council",
        link: "https://www.gov.uk/limited-company-formation",
      },
      meta,
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register the company"]);
    const stage = await h.db.journeyStage.findFirstOrThrow({
      where: { title: "Register the company" },
      include: { owners: { orderBy: { position: "asc" } } },
    });
    expect(stage.owners.map((o) => [o.organisation, o.organisationOther, o.role])).toEqual([
      ["companies-house", null, "owns"],
      ["hmrc", null, "delivers"],
      ["other", "Anytown Council", "owns"],
    ]);
    const shown = h.slack.lastCall("chat.postEphemeral")!.args;
    expect(shown).toMatchObject({ channel, user: ALICE });
    expect(shown.blocks[0].text.text).toBe("Added *Register the company* as stage 2.");
  });

  it("shows every field's error beside it, and writes nothing", async () => {
    const reply = await stageForm(ALICE, { title: "ab", link: "not a link", owners: ["not-an-organisation"], others: "x".repeat(101) });
    expect(reply.json).toEqual({
      response_action: "errors",
      errors: {
        [STAGE_BLOCK.title]: "Give the stage a title of at least 3 characters, for example Register the company.",
        [STAGE_BLOCK.link]: expect.any(String),
        [STAGE_BLOCK.owners]: expect.any(String),
        [STAGE_BLOCK.otherOwners]: expect.any(String),
      },
    });
    expect(await h.db.journeyStage.count()).toBe(0);
    // A form that lost its community says so.
    expect((await stageForm(ALICE, {}, {})).json).toEqual({
      response_action: "errors",
      errors: { [STAGE_BLOCK.title]: "This form has expired. Type `/community journey` again." },
    });
  });

  it("edits a stage from its menu, filled in as it is", async () => {
    const [, register] = await seedStages(["Check what you need to do", "Register the company"], { 1: ["companies-house"] });
    await menu(ALICE, register.id, "edit", 0);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view).toMatchObject({ callback_id: CALLBACK.stage, title: { text: "Edit a stage" } });
    expect(view.blocks[0].elements[0].text).toBe("Stage 2 of the journey of *Starting a business*.");
    const owners = view.blocks.find((b: any) => b.block_id === STAGE_BLOCK.owners);
    expect(owners.element.initial_options).toEqual([
      { text: expect.objectContaining({ text: "Companies House" }), value: "companies-house" },
    ]);
    const meta = JSON.parse(view.private_metadata);
    expect(meta).toEqual({ communityId, stageId: register.id, channelId: channel, page: 0 });
    expect((await stageForm(ALICE, { title: "Register your company", owners: ["companies-house", "hmrc"] }, meta)).json).toEqual({
      response_action: "clear",
    });
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register your company"]);
    expect(h.slack.lastCall("chat.postEphemeral")!.args.blocks[0].text.text).toBe("Saved your changes to *Register your company*.");
  });

  it("refuses a member who tries to edit, move or remove a stage, and changes nothing", async () => {
    const [check, register] = await seedStages(["Check what you need to do", "Register the company"]);
    for (const what of ["edit", "up", "remove"] as const) {
      await menu(BOB, register.id, what);
      expect(lastResponse().text).toBe("Only the organisers of *Starting a business* can change its journey. Nothing was changed.");
    }
    expect(h.slack.callsTo("views.open")).toEqual([]);
    await click(BOB, ACTION.removeStage, JSON.stringify({ s: check.id, p: 0 }));
    expect(lastResponse().text).toContain("Only the organisers");
    const forged = await stageForm(BOB, { title: "Taken over" }, { communityId, stageId: check.id });
    expect(forged.json.response_action).toBe("errors");
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register the company"]);
  });
});

describe("organisers' menu on a stage", () => {
  it("moves stages up and down, redrawing the journey in place", async () => {
    const [a, , c] = await seedStages(["Check what you need to do", "Register the company", "Register for tax"]);
    await menu(ALICE, c.id, "up");
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register for tax", "Register the company"]);
    const redrawn = lastResponse() as Message & { replace_original?: boolean };
    expect(redrawn.replace_original).toBe(true);
    expect(redrawn.blocks[0].text.text).toBe("*Register for tax* is now stage 2.");
    await menu(ALICE, a.id, "down");
    expect(await stagesInOrder()).toEqual(["Register for tax", "Check what you need to do", "Register the company"]);
  });

  it("asks before removing a stage; its problems keep their words and lose the link", async () => {
    const [, register] = await seedStages(["Check what you need to do", "Register the company", "Register for tax"]);
    const problem = await h.db.problem.create({
      data: {
        communityId,
        title: "Two registrations",
        stage: "Register the company",
        stageId: register.id,
        source: "command",
        createdBy: BOB,
      },
    });
    await menu(ALICE, register.id, "remove");
    const asked = lastResponse();
    expect(asked.text).toBe("Remove stage 2, Register the company?");
    expect(buttonsOf(asked)).toEqual(["Remove stage", "Cancel"]);
    expect(await stagesInOrder()).toHaveLength(3);

    // Cancel goes back to the journey.
    await click(ALICE, ACTION.journeyBack, asked.blocks[1].elements[1].value);
    expect(lastResponse().text).toBe("The service journey of Starting a business: 3 stages");

    await click(ALICE, ACTION.removeStage, asked.blocks[1].elements[0].value);
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register for tax"]);
    expect(await h.db.problem.findUniqueOrThrow({ where: { id: problem.id } })).toMatchObject({
      stageId: null,
      stage: "Register the company",
    });
    expect(lastResponse().blocks[0].text.text).toBe(
      "Removed *Register the company* from the journey. Its problems keep _Register the company_ as where they happen.",
    );
    // Clicked again on the old question: the stage is gone, and nothing else goes.
    await click(ALICE, ACTION.removeStage, asked.blocks[1].elements[0].value);
    expect(lastResponse().text).toBe("That stage is no longer in the journey. Type `/community journey` to see the journey as it is now.");
    expect(await stagesInOrder()).toHaveLength(2);
  });
});

describe("suggestions", () => {
  it("are made by members, and accepted or dismissed by organisers, their author told", async () => {
    await seedStages(["Check what you need to do"]);
    await click(BOB, ACTION.addStage, communityId);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view).toMatchObject({ title: { text: "Suggest a stage" }, submit: { text: "Suggest stage" } });
    await stageForm(BOB, { title: "Register for tax", owners: ["hmrc"] }, JSON.parse(view.private_metadata));
    await stageForm(BOB, { title: "Something unrelated" }, JSON.parse(view.private_metadata));
    expect(await stagesInOrder()).toEqual(["Check what you need to do"]);
    expect(h.slack.lastCall("chat.postEphemeral")!.args.blocks[0].text.text).toBe(
      "Thank you. Your suggestion, *Something unrelated*, is waiting for an organiser. You will be told whether they add it to the journey.",
    );

    const shown = await journey(ALICE);
    expect(texts(shown)).toContain("*Suggested stages waiting* (2)");
    expect(texts(shown)).toContain("*Register for tax*, suggested by <@U0BOB>");
    const answers = shown.blocks.filter((b) => b.type === "actions" && b.elements[0].action_id === ACTION.acceptStage);
    // A member cannot answer them.
    await click(BOB, ACTION.acceptStage, answers[0].elements[0].value);
    expect(lastResponse().text).toContain("Only the organisers");

    h.slack.reset();
    await click(ALICE, ACTION.acceptStage, answers[0].elements[0].value);
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register for tax"]);
    expect(lastResponse().blocks[0].text.text).toBe(
      "Added *Register for tax* as stage 2, at the end of the journey. Move it from its menu.",
    );
    expect(h.slack.callsTo("chat.postMessage").map((c) => [c.args.channel, c.args.text])).toEqual([
      [
        BOB,
        "The stage you suggested, *Register for tax*, is now stage 2 of the journey of *Starting a business*. Type `/community journey starting-a-business` to see it.",
      ],
    ]);

    await click(ALICE, ACTION.dismissStage, answers[1].elements[1].value);
    expect(await h.db.journeyStage.count({ where: { status: "suggested" } })).toBe(0);
    expect(h.slack.callsTo("chat.postMessage").at(-1)!.args.text).toContain("*Something unrelated*, was not added");
    // Dismissing an accepted stage from an old message removes nothing.
    await click(ALICE, ACTION.dismissStage, answers[0].elements[1].value);
    expect(lastResponse().text).toBe("That suggestion has already been accepted or dismissed.");
    expect(await stagesInOrder()).toEqual(["Check what you need to do", "Register for tax"]);
  });

  it("cannot be made by someone who is not a member", async () => {
    await click(CAROL, ACTION.addStage, communityId);
    expect(h.slack.callsTo("views.open")).toEqual([]);
    expect(lastResponse().text).toContain("Only members of *Starting a business* can add to its journey.");
  });
});

describe("the first draft from problems", () => {
  it("offers organisers stages made from where problems say they happen, to change or leave out before they are saved", async () => {
    const problem = (title: string, stage: string | null) =>
      h.db.problem.create({ data: { communityId, title, stage, source: "command", createdBy: BOB } });
    const a = await problem("Two registrations", "Registering the company");
    const b = await problem("Which licences", "registering the company.");
    const c = await problem("Payroll", "Employing people");
    const d = await problem("Something odd", "On the moon");
    const e = await problem("No stage said", null);

    // Members cannot draft.
    await click(BOB, ACTION.draftJourney, communityId);
    expect(lastResponse().text).toContain("Only the organisers");
    expect(h.slack.callsTo("views.open")).toEqual([]);

    const shown = await journey(ALICE);
    const draftButton = shown.blocks.at(-1).elements.find((e: any) => e.action_id === ACTION.draftJourney);
    await click(ALICE, ACTION.draftJourney, draftButton.value);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view).toMatchObject({ callback_id: CALLBACK.journeyDraft, title: { text: "Draft the journey" } });
    const inputs = view.blocks.filter((b: any) => b.type === "input");
    expect(inputs.map((b: any) => [b.block_id, b.label.text, b.element.initial_value, b.hint.text])).toEqual([
      ["draft_0", "Stage 1", "Registering the company", "From 2 problems."],
      ["draft_1", "Stage 2", "Employing people", "From 1 problem."],
      ["draft_2", "Stage 3", "On the moon", "From 1 problem."],
    ]);
    const meta = JSON.parse(view.private_metadata);
    expect(meta).toEqual({ communityId, keys: ["registering the company", "employing people", "on the moon"], channelId: channel });

    const submit = (values: Array<string | null>) =>
      h.interact(
        viewSubmission({
          user: ALICE,
          callbackId: CALLBACK.journeyDraft,
          privateMetadata: view.private_metadata,
          values: Object.fromEntries(values.map((v, i) => [`draft_${i}`, input.text(v)])),
        }),
      );
    // Each title is checked beside its input; clearing every one is not a journey.
    expect((await submit(["Register the company", "ab", null])).json).toEqual({
      response_action: "errors",
      errors: { draft_1: "Give the stage a title of at least 3 characters, for example Register the company." },
    });
    expect((await submit([null, " ", null])).json).toEqual({
      response_action: "errors",
      errors: { draft_0: "Keep at least one stage, or close this form to add the stages yourself." },
    });
    expect(await h.db.journeyStage.count()).toBe(0);

    expect((await submit(["Register the company", "Employ people", null])).json).toEqual({ response_action: "clear" });
    const stages = await h.db.journeyStage.findMany({ where: { communityId }, orderBy: { position: "asc" } });
    expect(stages.map((s) => s.title)).toEqual(["Register the company", "Employ people"]);
    const rows = await h.db.problem.findMany({ where: { id: { in: [a.id, b.id, c.id, d.id, e.id] } } });
    const linked = (id: string) => rows.find((r) => r.id === id)!;
    expect([a, b, c, d, e].map((p) => [linked(p.id).stageId, linked(p.id).stage])).toEqual([
      [stages[0].id, "Registering the company"],
      [stages[0].id, "registering the company."],
      [stages[1].id, "Employing people"],
      [null, "On the moon"],
      [null, null],
    ]);
    const after = h.slack.lastCall("chat.postEphemeral")!.args;
    expect(after.blocks[0].text.text).toBe(
      "Added 2 stages to the journey. Each problem is tied to the stage its words made. Put the stages in order from their menus.",
    );
    expect(after.text).toBe("The service journey of Starting a business: 2 stages");
    // The journey has stages now: no second draft.
    expect((await submit(["Register the company", "Employ people", null])).json.errors.draft_0).toBe(
      "*Starting a business* already has a journey. Add, change or remove its stages instead.",
    );
  });
});

describe("the stages a member works on", () => {
  it("are chosen from the journey, and shown on it", async () => {
    const [check, register, tax] = await seedStages(["Check what you need to do", "Register the company", "Register for tax"]);
    await click(BOB, ACTION.memberStages, communityId);
    const view = h.slack.lastCall("views.open")!.args.view;
    expect(view).toMatchObject({ callback_id: CALLBACK.memberStages, title: { text: "Stages you work on" } });
    const picker = view.blocks.find((b: any) => b.block_id === PROFILE_BLOCK.stages);
    expect(picker.element.options.map((o: any) => [o.text.text, o.value])).toEqual([
      ["1. Check what you need to do", check.id],
      ["2. Register the company", register.id],
      ["3. Register for tax", tax.id],
    ]);
    expect(picker.element.initial_options).toBeUndefined();

    const save = (stageIds: string[]) =>
      h.interact(
        viewSubmission({
          user: BOB,
          callbackId: CALLBACK.memberStages,
          privateMetadata: view.private_metadata,
          values: {
            [PROFILE_BLOCK.stages]: {
              type: "multi_static_select",
              selected_options: stageIds.map((value) => ({ value, text: { type: "plain_text", text: value } })),
            },
          },
        }),
      );
    // An id that is no stage of this journey names nothing.
    expect((await save([register.id, tax.id, "cnotastage"])).json).toEqual({ response_action: "clear" });
    expect(h.slack.lastCall("chat.postEphemeral")!.args.blocks[0].text.text).toBe("Saved: you work on 2 stages of this journey.");
    const figures = (await journey(BOB)).blocks.filter((b) => b.type === "context").map((b) => b.elements[0].text);
    expect(figures.filter((t) => t.includes("1 member works on it, from DWP"))).toHaveLength(2);

    // Opened again, their stages are chosen.
    await click(BOB, ACTION.memberStages, communityId);
    const again = h.slack.lastCall("views.open")!.args.view.blocks.find((b: any) => b.block_id === PROFILE_BLOCK.stages);
    expect(again.element.initial_options.map((o: any) => o.value)).toEqual([register.id, tax.id]);
    expect((await save([])).json).toEqual({ response_action: "clear" });
    expect(h.slack.lastCall("chat.postEphemeral")!.args.blocks[0].text.text).toBe(
      "Saved: you have not said you work on any stage of this journey.",
    );
    expect(await h.db.memberStage.count()).toBe(0);

    // Someone who is not a member has no stages to choose.
    await click(CAROL, ACTION.memberStages, communityId);
    expect(lastResponse().text).toContain("Only members of *Starting a business*");
  });
});

describe("the problem form's stage picker", () => {
  function logProblem(user: string, where: { stageId?: string | null; stage?: string | null }, title = "Two registrations") {
    return h.interact(
      viewSubmission({
        user,
        callbackId: CALLBACK.logProblem,
        privateMetadata: JSON.stringify({ communityId }),
        values: {
          [PROBLEM_BLOCK.title]: input.text(title),
          [PROBLEM_BLOCK.description]: input.text(null),
          [PROBLEM_BLOCK.affects]: input.multiExternal([]),
          ...(where.stageId !== undefined ? { [PROBLEM_BLOCK.stageId]: input.select(where.stageId) } : {}),
          [PROBLEM_BLOCK.stage]: input.text(where.stage ?? null),
          [PROBLEM_BLOCK.link]: input.text(null),
        },
      }),
    );
  }

  it("offers the journey's stages and Somewhere else, and ties the problem to the stage it picks", async () => {
    // No journey yet: where it bites is typed, as before.
    await h.command("problem", { user: BOB, channel });
    let form = h.slack.lastCall("views.open")!.args.view;
    expect(form.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stageId)).toBeUndefined();
    expect(form.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stage).label.text).toBe("Where in the user journey it bites");

    const [check, register] = await seedStages(["Check what you need to do", "Register the company"]);
    await h.command("problem", { user: BOB, channel });
    form = h.slack.lastCall("views.open")!.args.view;
    const picker = form.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stageId);
    expect(picker.element.options.map((o: any) => [o.text.text, o.value])).toEqual([
      ["1. Check what you need to do", check.id],
      ["2. Register the company", register.id],
      ["Somewhere else (type it below)", "elsewhere"],
    ]);
    expect(form.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stage).label.text).toBe("If somewhere else: where it bites");

    // A stage picked: tied to it, with its title as where it bites (words typed as well are not kept).
    expect((await logProblem(BOB, { stageId: register.id, stage: "typed anyway" })).json).toEqual({ response_action: "clear" });
    expect(await h.db.problem.findFirstOrThrow({ where: { title: "Two registrations" } })).toMatchObject({
      stageId: register.id,
      stage: "Register the company",
    });
    // Somewhere else: the words typed, and no stage.
    await logProblem(BOB, { stageId: "elsewhere", stage: "On the moon" }, "Odd one");
    expect(await h.db.problem.findFirstOrThrow({ where: { title: "Odd one" } })).toMatchObject({ stageId: null, stage: "On the moon" });
    const figures = (await journey(BOB)).blocks.filter((b) => b.type === "context").map((b) => b.elements[0].text);
    expect(figures[2]).toMatch(/^1 open problem\n/);

    // A stage removed while the form was open, or another community's: refused beside the picker, nothing logged.
    const other = await seedCommunity(h, CAROL, { name: "Employing people", service: "Employing people", problems: null });
    const theirs = await h.db.journeyStage.create({ data: { communityId: other.id, title: "Their stage", position: 0, createdBy: CAROL } });
    await h.db.journeyStage.delete({ where: { id: check.id } });
    for (const stageId of [check.id, theirs.id]) {
      expect((await logProblem(BOB, { stageId }, "Refused")).json).toEqual({
        response_action: "errors",
        errors: { [PROBLEM_BLOCK.stageId]: "That stage is no longer in the journey. Choose another stage, or Somewhere else." },
      });
    }
    expect(await h.db.problem.count({ where: { title: "Refused" } })).toBe(0);
  });
});

describe("the problem form opened outside a community's channel", () => {
  it("shows the journey's stages once the community is chosen, keeping what was entered", async () => {
    const [, register] = await seedStages(["Check what you need to do", "Register the company"]);
    await h.command("problem", { user: CAROL, channel: "D0CAROL" });
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(form.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.community)).toMatchObject({ dispatch_action: true });
    expect(form.blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stageId)).toBeUndefined();

    const state = {
      values: {
        [PROBLEM_BLOCK.community]: { [ACTION.problemCommunity]: input.external(communityId) },
        [PROBLEM_BLOCK.title]: { value: input.text("Two registrations") },
        [PROBLEM_BLOCK.description]: { value: input.text(null) },
        [PROBLEM_BLOCK.affects]: { [ACTION.organisations]: input.multiExternal(["hmrc"]) },
        [PROBLEM_BLOCK.stage]: { value: input.text("typed first") },
        [PROBLEM_BLOCK.link]: { value: input.text(null) },
      },
    };
    await h.interact({
      ...blockAction({ user: CAROL, actionId: ACTION.problemCommunity }),
      view: {
        id: "V0PROBLEM",
        type: "modal",
        callback_id: CALLBACK.logProblem,
        hash: "h1",
        private_metadata: form.private_metadata,
        state,
      },
      actions: [
        {
          type: "external_select",
          action_id: ACTION.problemCommunity,
          block_id: PROBLEM_BLOCK.community,
          action_ts: "1.1",
          selected_option: { value: communityId, text: { type: "plain_text", text: "Starting a business" } },
        },
      ],
    });
    const update = h.slack.lastCall("views.update")!.args;
    expect(update).toMatchObject({ view_id: "V0PROBLEM", hash: "h1" });
    const blocks = update.view.blocks;
    expect(blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.community).element.initial_option.value).toBe(communityId);
    expect(blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stageId).element.options.map((o: any) => o.value)).toEqual([
      expect.any(String),
      register.id,
      "elsewhere",
    ]);
    expect(blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.title).element.initial_value).toBe("Two registrations");
    expect(blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.stage).element.initial_value).toBe("typed first");
    expect(blocks.find((b: any) => b.block_id === PROBLEM_BLOCK.affects).element.initial_options).toEqual([
      expect.objectContaining({ value: "hmrc", text: expect.objectContaining({ text: "HM Revenue & Customs (HMRC)" }) }),
    ]);

    // Submitted with the community and a stage picked in the form (anyone may log a problem).
    const reply = await h.interact(
      viewSubmission({
        user: CAROL,
        callbackId: CALLBACK.logProblem,
        privateMetadata: update.view.private_metadata,
        values: {
          [PROBLEM_BLOCK.community]: input.external(communityId),
          [PROBLEM_BLOCK.title]: input.text("Two registrations"),
          [PROBLEM_BLOCK.affects]: input.multiExternal(["hmrc"]),
          [PROBLEM_BLOCK.stageId]: input.select(register.id),
          [PROBLEM_BLOCK.stage]: input.text(null),
        },
      }),
    );
    expect(reply.json).toEqual({ response_action: "clear" });
    expect(await h.db.problem.findFirstOrThrow({ where: { title: "Two registrations" } })).toMatchObject({
      stageId: register.id,
      stage: "Register the company",
    });
  });
});

describe("the join form", () => {
  it("asks which stages of the journey the person works on, and keeps their answer when they update their details", async () => {
    const [, register, tax] = await seedStages(["Check what you need to do", "Register the company", "Register for tax"]);
    await h.interact(
      blockAction({ user: CAROL, actionId: ACTION.joinCommunity, value: communityId, channel, responseUrl: h.slack.responseUrl() }),
    );
    const form = h.slack.lastCall("views.open")!.args.view;
    expect(form.callback_id).toBe(CALLBACK.joinCommunity);
    const picker = form.blocks.find((b: any) => b.block_id === PROFILE_BLOCK.stages);
    expect(picker).toMatchObject({ optional: true, label: { text: "Stages of the journey you work on" } });
    expect(picker.element.options.map((o: any) => o.text.text)).toEqual([
      "1. Check what you need to do",
      "2. Register the company",
      "3. Register for tax",
    ]);

    const join = (user: string, stageIds: string[] | null) => {
      const payload = joinSubmission(user, { communityId, organisation: "companies-house" }) as any;
      if (stageIds)
        payload.view.state.values[PROFILE_BLOCK.stages] = {
          value: {
            type: "multi_static_select",
            selected_options: stageIds.map((value) => ({ value, text: { type: "plain_text", text: value } })),
          },
        };
      return h.interact(payload);
    };
    expect((await join(CAROL, [register.id, tax.id])).json?.response_action).toBeUndefined();
    const mine = async (user: string) =>
      (await h.db.memberStage.findMany({ where: { membership: { slackUserId: user } }, include: { stage: true } }))
        .map((m) => m.stage.title)
        .sort();
    expect(await mine(CAROL)).toEqual(["Register for tax", "Register the company"]);

    // Opened again to update their details, their stages are chosen; a join form without the question leaves them.
    await h.interact(
      blockAction({ user: CAROL, actionId: ACTION.joinCommunity, value: communityId, channel, responseUrl: h.slack.responseUrl() }),
    );
    const again = h.slack.lastCall("views.open")!.args.view.blocks.find((b: any) => b.block_id === PROFILE_BLOCK.stages);
    expect(again.element.initial_options.map((o: any) => o.value)).toEqual([register.id, tax.id]);
    await join(CAROL, null);
    expect(await mine(CAROL)).toEqual(["Register for tax", "Register the company"]);
    await join(CAROL, [tax.id]);
    expect(await mine(CAROL)).toEqual(["Register for tax"]);
    // Companies House now has a member: no warning for a stage it owns.
    expect(await h.db.membership.count({ where: { communityId, organisation: "companies-house", status: "active" } })).toBe(1);
  });
});

describe("App Home and the digest", () => {
  const homeOf = async (user: string) => {
    await h.event({ type: "app_home_opened", user, channel: "D0HOME", tab: "home", event_ts: "1.1" });
    const view = h.slack.lastCall("views.publish")!.args.view;
    expect(blockKitProblems(view.blocks, "home")).toEqual([]);
    return view.blocks.find((b: any) => b.type === "section" && b.text.text.startsWith("*Starting a business*")).text.text as string;
  };

  it("show the stages with new problems since the last digest, and the stages not yet represented", async () => {
    // No journey yet: its organisers are asked to start one; members see nothing of it.
    expect(await homeOf(ALICE)).toContain("*Journey:* no stages yet. Type `/community journey starting-a-business` to add them.");
    expect(await homeOf(BOB)).not.toContain("Journey");

    const [check, register, tax] = await seedStages(["Check what you need to do", "Register the company", "Register for tax"], {
      1: ["companies-house"],
      2: ["hmrc"],
    });
    // The last digest was Monday 2 March at 9am: two problems at Register the company since, older ones before.
    const since = new Date("2026-03-02T09:00:00Z");
    const problem = (stageId: string, at: Date, status = "open") =>
      h.db.problem.create({ data: { communityId, title: "A problem", stageId, status, source: "command", createdBy: BOB, createdAt: at } });
    await problem(register.id, h.clock.now());
    await problem(register.id, new Date(since.getTime() + 60_000), "objective");
    await problem(register.id, new Date(since.getTime() - 60_000));
    await problem(tax.id, new Date("2026-02-20T10:00:00Z"));
    await problem(check.id, h.clock.now(), "solved");
    await h.db.journeyStage.create({ data: { communityId, title: "Get funding", position: 0, status: "suggested", createdBy: BOB } });

    expect(await homeOf(ALICE)).toContain(
      "*Journey:* 3 stages, 1 suggestion waiting. New problems since the last digest at 2. Register the company (2).\nNot yet represented at 2. Register the company (Companies House).",
    );
    expect(await homeOf(BOB)).toContain(
      "*Journey:* 3 stages. New problems since the last digest at 2. Register the company (2).\nNot yet represented at 2. Register the company (Companies House).",
    );

    const reply = await h.command("digest", { user: ALICE, channel });
    const digest = (reply.json?.text ? reply.json : lastResponse()) as Message;
    expect(blockKitProblems(digest.blocks, "message")).toEqual([]);
    expect(digest.blocks.map((b) => b.text?.text)).toContain(
      "*The journey*\nNew problems by stage:\n• 2. Register the company: 2 new problems\nStages not yet represented:\n• 2. Register the company: no member from Companies House\n1 suggested stage is waiting for an organiser.\nThe whole journey: `/community journey starting-a-business`",
    );
  });
});
