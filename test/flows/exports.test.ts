// The journey's exports, end to end: the Export button gives a member two
// signed links; opening them (on the bot's own server) gives a GOV.UK
// step-by-step draft that matches the content schema's shape, and a service
// landscape CSV that a CSV parser reads back row for row. A tampered, expired or
// borrowed link gets a 4xx and the app keeps running.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { checkStage } from "../../src/domain/journey/stageDraft";
import { ACTION, BLOCK } from "../../src/views/ids";
import { type Harness, startHarness, TEAM_ID } from "../support/harness";
import { blockAction } from "../support/payloads";
import { seedCommunity, seedMember } from "../support/seed";

// Written from alphagov/govuk-content-schemas (formats/shared/definitions/_step_by_step_nav.jsonnet):
// strict objects, as the schema's additionalProperties: false.
const link = z.strictObject({ href: z.url(), text: z.string().min(1), context: z.string().optional() });
const paragraph = z.strictObject({ type: z.literal("paragraph"), text: z.string().min(1) });
const list = z.strictObject({
  type: z.literal("list"),
  style: z.enum(["choice", "required", "optional"]).optional(),
  contents: z.array(link),
});
const step = z.strictObject({
  title: z.string().min(1),
  logic: z.enum(["and", "or"]).optional(),
  optional: z.boolean().optional(),
  contents: z.array(z.union([paragraph, list])),
});
const stepByStepNav = z.strictObject({
  title: z.string().optional(),
  introduction: z.array(z.strictObject({ content_type: z.string(), content: z.string() })).optional(),
  steps: z.array(step),
});
const stepByStepDocument = z.strictObject({ title: z.string(), details: z.strictObject({ step_by_step_nav: stepByStepNav }) });

const team = { teamId: TEAM_ID };
let h: Harness;
let communityId: string;
let channel: string;
beforeEach(async () => {
  h = await startHarness();
  const community = await seedCommunity(h, "U0ALICE", { name: "Starting a business", problems: null });
  communityId = community.id;
  channel = community.slackChannelId!;
  await seedMember(h, "U0BOB", communityId, { organisation: "dwp" });
  const journey = h.app.services.journey;
  const check = await journey.addStage(
    team,
    communityId,
    "U0ALICE",
    checkStage({
      title: "Check what you need to do",
      description: 'Find out which "registrations" apply, and when',
      link: "https://www.gov.uk/set-up-business",
      owners: ["hmrc"],
    }),
  );
  const register = await journey.addStage(
    team,
    communityId,
    "U0ALICE",
    checkStage({ title: "Register the company", owners: ["companies-house"], deliverers: ["hmrc"], otherOwners: "Anytown, Council" }),
  );
  await journey.addStage(team, communityId, "U0ALICE", checkStage({ title: "=Employ people" }));
  const problem = await h.db.problem.create({
    data: { communityId, title: "Two registrations", source: "command", createdBy: "U0BOB", stageId: register.stage.id },
  });
  await h.db.problemOrganisation.create({ data: { problemId: problem.id, organisation: "dwp" } });
  await journey.setMemberStages(team, communityId, "U0BOB", [check.stage.id, register.stage.id]);
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

async function links(user = "U0BOB"): Promise<{ stepByStep: string; landscape: string }> {
  await h.interact(
    blockAction({
      user,
      actionId: ACTION.journeyExports,
      value: communityId,
      channel,
      responseUrl: h.slack.responseUrl(),
      blockId: BLOCK.charterActions,
    }),
  );
  const shown = JSON.stringify(h.slack.responses.at(-1)!.body.blocks);
  const urls = [...shown.matchAll(/<(https:\/\/communities\.test\/export\/[^|>]+)\|/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  expect(urls).toHaveLength(2);
  return { stepByStep: urls[0], landscape: urls[1] };
}

/** The link as the test server serves it (the public URL points elsewhere in tests). */
const local = (url: string) => url.replace("https://communities.test", h.url);

describe("the journey's exports", () => {
  it("give a step-by-step draft in the shape of GOV.UK's content schema", async () => {
    const { stepByStep } = await links();
    const res = await fetch(local(stepByStep));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="starting-a-business-step-by-step-2026-03-02.json"');
    const document = stepByStepDocument.parse(await res.json());
    expect(document.details.step_by_step_nav.steps).toEqual([
      {
        title: "Check what you need to do",
        contents: [
          { type: "paragraph", text: 'Find out which "registrations" apply, and when' },
          {
            type: "list",
            style: "required",
            contents: [{ text: "Check what you need to do", href: "https://www.gov.uk/set-up-business" }],
          },
        ],
      },
      { title: "Register the company", contents: [] },
      { title: "=Employ people", contents: [] },
    ]);
    expect(document.title).toBe("Starting a business: step by step");
  });

  it("give a service landscape that a CSV parser reads back row for row, with a byte-order mark and CRLF", async () => {
    const { landscape } = await links();
    const res = await fetch(local(landscape));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(
      text
        .slice(1)
        .split("\r\n")
        .every((line) => line === "" || line.startsWith('"')),
    ).toBe(true);
    const rows = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    expect(rows).toEqual([
      [
        "Step",
        "Stage",
        "Organisation",
        "Role",
        "Open problems at this stage",
        "Objectives at this stage",
        "Members from this organisation working on this stage",
      ],
      ["1", "Check what you need to do", "HM Revenue & Customs (HMRC)", "Owns", "0", "0", "0"],
      ["1", "Check what you need to do", "Department for Work and Pensions (DWP)", "Affected", "0", "0", "1"],
      ["2", "Register the company", "Companies House", "Owns", "1", "0", "0"],
      ["2", "Register the company", "HM Revenue & Customs (HMRC)", "Delivers", "1", "0", "0"],
      ["2", "Register the company", "anytown, council", "Owns", "1", "0", "0"],
      ["2", "Register the company", "Department for Work and Pensions (DWP)", "Affected", "1", "0", "1"],
      // A spreadsheet would run "=…" as a formula: it is kept as text.
      ["3", "'=Employ people", "", "Affected", "0", "0", "0"],
    ]);
  });

  it("answer a tampered, borrowed, expired or unknown link with a 4xx, and keep serving", async () => {
    const { stepByStep, landscape } = await links();
    const tampered = local(stepByStep).replace(/sig=[^&]+/, "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await fetch(tampered)).status).toBe(404);
    const other = await seedCommunity(h, "U0CAROL", { name: "Employing people", service: "Employing people" });
    expect((await fetch(local(stepByStep).replace(communityId, other.id))).status).toBe(404);
    expect((await fetch(local(stepByStep).replace("step-by-step.json", "service-landscape.csv"))).status).toBe(404);
    expect((await fetch(`${h.url}/export/${communityId}/secrets.txt?expires=1&sig=x`)).status).toBe(404);
    h.clock.advance(61 * 60_000);
    const expired = await fetch(local(landscape));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This link has expired");
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it("are for the community's members", async () => {
    await h.interact(
      blockAction({ user: "U0NOBODY", actionId: ACTION.journeyExports, value: communityId, channel, responseUrl: h.slack.responseUrl() }),
    );
    expect(h.slack.responses.at(-1)!.body.text).toBe(
      "Only members of *Starting a business* can add to its journey. Join it first with `/community join`.",
    );
  });
});
