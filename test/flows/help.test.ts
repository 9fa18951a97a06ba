import { ACTION } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";
import { seedCommunity, seedMember } from "../support/seed";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function allText(reply: { json: any }): string {
  return JSON.stringify(reply.json.blocks);
}

describe("replies that are not ready within the budget", () => {
  it("are acked at once and delivered to response_url", async () => {
    const slow = await startHarness({}, { replyBudgetMs: 0 });
    try {
      const reply = await slow.command("list");
      expect(reply.status).toBe(200);
      expect(reply.text).toBe("");
      expect(slow.slack.responses).toHaveLength(1);
      expect(slow.slack.responses[0].body).toMatchObject({
        response_type: "ephemeral",
        text: "There are no communities in this workspace yet.",
      });
      const error = await slow.command("info nothing-here");
      expect(error.text).toBe("");
      expect(slow.slack.responses[1].body.text).toMatch(/There is no community called "nothing-here"/);
    } finally {
      await slow.close();
    }
  });
});

describe("/community help", () => {
  it.each(["", "help", "HELP"])("answers %j in the ack, ephemerally, with every topic and its commands", async (text) => {
    const reply = await h.command(text);
    expect(reply.status).toBe(200);
    expect(reply.json.response_type).toBe("ephemeral");
    const body = allText(reply);
    for (const title of [
      "Getting started",
      "Problems and objectives",
      "People and invitations",
      "Groups",
      "Meetings",
      "Settings and the charter",
    ])
      expect(body).toContain(`*${title}*`);
    for (const name of ["create", "list", "info", "join", "leave", "invite", "meeting", "edit", "archive", "delete"])
      expect(body).toContain(`\`${name}\``);
    expect(body).toContain("Type `/community help meetings` for how to use them.");
    const buttons = reply.json.blocks.flatMap((b: any) => (b.type === "actions" ? b.elements : []));
    expect(buttons).toContainEqual(
      expect.objectContaining({ action_id: ACTION.openCreateModal, text: expect.objectContaining({ text: "Create a community" }) }),
    );
    // The help is answered in the ack itself: no Web API call was needed.
    expect(h.slack.responses).toHaveLength(0);
  });

  it.each([
    ["help meetings", "Meetings", ["/community meeting", "/community meetings"]],
    [
      "help Getting started",
      "Getting started",
      ["/community create [name]", "/community list", "/community info [name]", "/community join [name]", "/community leave [name]"],
    ],
    [
      "help charter",
      "Settings and the charter",
      [
        "/community edit [name]",
        "/community archive [name]",
        "/community unarchive [name]",
        "/community delete [name]",
        "/community settings [name]",
      ],
    ],
  ])("gives one topic's commands with their usage for %j", async (text, title, usages) => {
    const reply = await h.command(text);
    expect(reply.json.text).toBe(`Help: ${title}`);
    const body = allText(reply);
    for (const usage of usages) expect(body).toContain(usage);
    expect(body).not.toContain("/community invite");
  });

  it("gives one command's usage, and its topic, for /community help <command>", async () => {
    const reply = await h.command("help invite");
    expect(reply.json.text).toMatch(/^`\/community invite /);
    expect(allText(reply)).toContain("More like this: `/community help people`.");
  });

  it("names the topics when asked for one that does not exist", async () => {
    const reply = await h.command("help gardening");
    expect(reply.json.text).toBe(
      'There is no help on "gardening". The topics are `start` (getting started), `problems` (problems and objectives), `journey` (the service journey), `people` (people and invitations), ' +
        "`groups` (groups), `meetings` (meetings), `settings` (settings and the charter). Type `/community help` followed by one of them.",
    );
  });

  it("suggests the closest subcommand for a typo, with its usage, not the whole help", async () => {
    const reply = await h.command("lsit");
    expect(reply.json.text).toBe("There is no command `/community lsit`. Did you mean `/community list`?");
    expect(allText(reply)).toContain("`/community list`\\nSee every community");
    expect(allText(reply)).not.toContain("/community create [name]");
  });

  it("points at the help when nothing is close", async () => {
    const reply = await h.command("frobnicate the widgets");
    expect(reply.json.text).toBe("There is no command `/community frobnicate`, and no community with that name.");
    expect(allText(reply)).toContain("Type `/community help` to see what you can do, or `/community list` to find a community.");
  });

  it("escapes what the user typed", async () => {
    const reply = await h.command("<!channel>");
    expect(reply.json.text).toContain("&lt;!channel&gt;");
  });
});

describe("/community <a community's name>", () => {
  it("shows that community's charter, however its name is typed", async () => {
    const world = await startHarness();
    try {
      await seedCommunity(world, "U0ALICE", { name: "Starting a business", service: "Registering a company" });
      for (const typed of ["Starting a business", "starting a BUSINESS", "starting-a-business"]) {
        const reply = await world.command(typed, { user: "U0BOB" });
        expect(reply.json.text).toBe("The charter of Starting a business");
        expect(JSON.stringify(reply.json.blocks)).toContain(ACTION.joinCommunity);
      }
      // A command word still wins over a name.
      expect((await world.command("list", { user: "U0BOB" })).json.text).not.toBe("The charter of Starting a business");
    } finally {
      await world.close();
    }
  });
});

describe("a command that needs a community, run outside one's channel without naming one", () => {
  // What each asks the person to type, from its own usage in the help (each is written once).
  const asks: Array<[string, string]> = [
    ["info", "/community info <name>"],
    ["members", "/community members <name>"],
    ["join #", "/community join <name>"],
    ["leave", "/community leave <name>"],
    ["make-organiser <@U0BOB>", "/community make-organiser @someone <name>"],
    ["step-down", "/community step-down <name>"],
    ["remove <@U0BOB>", "/community remove @someone <name>"],
    ["invite <@U0BOB> #", "/community invite @someone <name>"],
    ["reach-out", "/community reach-out <name>"],
    ["groups", "/community groups <community>"],
    ["group create", "/community group create <community>"],
    ["problems", "/community problems <name>"],
    ["digest", "/community digest <name>"],
    ["settings", "/community settings <name>"],
  ];
  beforeAll(async () => {
    // Two communities the asker is not in: nothing can be assumed for them.
    await seedCommunity(h, "U0CAROL", { name: "Employing people", service: "Employing people" });
    await seedCommunity(h, "U0CAROL", { name: "Paying tax", service: "Paying tax" });
  });

  it.each(asks)("/community %s asks for `%s`", async (text, usage) => {
    h.slack.reset();
    const reply = await h.command(text, { channel: "C0ELSEWHERE" });
    const said = String(reply.json?.text ?? h.slack.responses.at(-1)?.body.text);
    expect(said).toContain(`Which community? Type \`${usage}\``);
  });
});

describe("no dead ends", () => {
  let w: Harness;
  beforeEach(async () => {
    w = await startHarness();
  });
  afterEach(async () => {
    await w.close();
  });
  const openedMetadata = () => (w.slack.lastCall("views.open")!.args.view as { private_metadata: string }).private_metadata;
  const said = (reply: { json: any }) => (reply.json?.text ? reply.json : w.slack.responses.at(-1)?.body);

  it("with no community yet, a command that needs one says how to start one, with a button", async () => {
    const reply = said(await w.command("info", { channel: "C0ELSEWHERE" }));
    expect(reply.text).toBe("There are no communities in this workspace yet. Start one with `/community create`.");
    expect(JSON.stringify(reply.blocks)).toContain(ACTION.openCreateModal);
  });

  it("with several, asks which, with a button to see them all", async () => {
    await seedCommunity(w, "U0CAROL", { name: "Employing people", service: "Employing people" });
    await seedCommunity(w, "U0CAROL", { name: "Paying tax", service: "Paying tax" });
    const reply = said(await w.command("info", { user: "U0ALICE", channel: "C0ELSEWHERE" }));
    expect(reply.text).toContain("Which community?");
    expect(JSON.stringify(reply.blocks)).toContain(ACTION.listNext);
  });

  it("for someone in exactly one community, info, leave, problem and meeting use it without asking", async () => {
    const only = await seedCommunity(w, "U0CAROL", { name: "Employing people", service: "Employing people" });
    await seedCommunity(w, "U0DAVE", { name: "Paying tax", service: "Paying tax" });
    await seedMember(w, "U0BOB", only.id);
    expect(said(await w.command("info", { user: "U0BOB", channel: "C0ELSEWHERE" })).text).toBe("The charter of Employing people");
    w.slack.reset();
    await w.command("problem", { user: "U0BOB", channel: "C0ELSEWHERE" });
    expect(JSON.parse(openedMetadata())).toEqual({ communityId: only.id });
    await w.command("meeting", { user: "U0CAROL", channel: "C0ELSEWHERE" });
    expect(JSON.parse(openedMetadata()).communityId).toBe(only.id);
    expect(said(await w.command("leave", { user: "U0BOB", channel: "C0ELSEWHERE" })).text).toContain("Employing people");
    expect((await w.db.membership.findFirstOrThrow({ where: { communityId: only.id, slackUserId: "U0BOB" } })).status).toBe("left");
  });
});
