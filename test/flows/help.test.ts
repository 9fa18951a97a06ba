import { ACTION } from "../../src/views/ids";
import { type Harness, startHarness } from "../support/harness";

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
  it.each(["", "help", "HELP"])("answers %j in the ack, ephemerally, listing every subcommand", async (text) => {
    const reply = await h.command(text);
    expect(reply.status).toBe(200);
    expect(reply.json.response_type).toBe("ephemeral");
    const body = allText(reply);
    for (const usage of [
      "/community help",
      "/community create [name]",
      "/community list",
      "/community info [name]",
      "/community join [name]",
      "/community leave [name]",
    ]) {
      expect(body).toContain(usage);
    }
    const buttons = reply.json.blocks.flatMap((b: any) => (b.type === "actions" ? b.elements : []));
    expect(buttons).toContainEqual(
      expect.objectContaining({ action_id: ACTION.openCreateModal, text: expect.objectContaining({ text: "Create a community" }) }),
    );
    // The help is answered in the ack itself: no Web API call was needed.
    expect(h.slack.responses).toHaveLength(0);
  });

  it("suggests the closest subcommand for a typo", async () => {
    const reply = await h.command("lsit");
    expect(reply.json.text).toBe("I don't know `/community lsit`. Did you mean `/community list`?");
    expect(allText(reply)).toContain("/community create [name]");
  });

  it("gives the help without a guess when nothing is close", async () => {
    const reply = await h.command("frobnicate the widgets");
    expect(reply.json.text).toBe("I don't know `/community frobnicate`. Here is what you can do:");
  });

  it("escapes what the user typed", async () => {
    const reply = await h.command("<!channel>");
    expect(reply.json.text).toContain("&lt;!channel&gt;");
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
  it.each(asks)("/community %s asks for `%s`", async (text, usage) => {
    h.slack.reset();
    const reply = await h.command(text, { channel: "C0ELSEWHERE" });
    const said = String(reply.json?.text ?? h.slack.responses.at(-1)?.body.text);
    expect(said).toContain(`Which community? Type \`${usage}\``);
  });
});
