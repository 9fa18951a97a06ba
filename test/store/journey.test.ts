// The service journey on each database (SQLite here, PostgreSQL in that project):
// stages added, edited, reordered (two organisers at once), removed, suggested
// and accepted; the first draft from problems' free text; the figures the
// journey shows, read in a fixed number of queries.
import type { ValidationError } from "../../src/domain/common/errors";
import { draftStages, stageTextKey } from "../../src/domain/journey/draftFromText";
import { checkStage } from "../../src/domain/journey/stageDraft";
import type { StageFields } from "../../src/domain/ports";
import { TEAM_ID } from "../support/harness";
import { seedCommunity, seedMember } from "../support/seed";
import { openServices, type ServiceWorld } from "../support/services";

const team = { teamId: TEAM_ID };
let w: ServiceWorld;
let communityId: string;
beforeEach(async () => {
  w = await openServices();
  communityId = (await seedCommunity(w, "U0ALICE", { problems: null })).id;
  await seedMember(w, "U0BOB", communityId, { organisation: "dwp" });
});
afterEach(async () => {
  await w.close();
});

const stage = (title: string, owners: string[] = []): StageFields => checkStage({ title, owners });
const journey = () => w.services.journey;
const titles = async () => (await journey().stages(communityId)).map((s) => s.title);

async function add(...names: string[]) {
  const made = [];
  for (const name of names) {
    const added = await journey().addStage(team, communityId, "U0ALICE", stage(name));
    made.push(added.stage);
  }
  return made;
}

async function problem(title: string, where: string | null, status = "open") {
  return w.db.problem.create({
    data: { communityId, title, stage: where, status, source: "command", createdBy: "U0BOB", createdAt: w.clock.now() },
  });
}

describe("stages", () => {
  it("are added in order by organisers, suggested by members, and accepted or dismissed by organisers", async () => {
    await add("Check what you need to do", "Register the company");
    const suggested = await journey().addStage(team, communityId, "U0BOB", stage("Register for tax", ["hmrc"]));
    expect(suggested.kind).toBe("suggested");
    expect(await titles()).toEqual(["Check what you need to do", "Register the company"]);
    await expect(journey().acceptSuggestion(team, suggested.stage.id, "U0BOB")).rejects.toMatchObject({ code: "forbidden" });
    const accepted = await journey().acceptSuggestion(team, suggested.stage.id, "U0ALICE");
    expect(accepted).toMatchObject({ status: "accepted", position: 2, owners: [{ organisation: "hmrc", organisationOther: null }] });
    await expect(journey().acceptSuggestion(team, suggested.stage.id, "U0ALICE")).rejects.toMatchObject({
      reason: { key: "journey.not_a_suggestion" },
    });
    const dismissed = await journey().addStage(team, communityId, "U0BOB", stage("Something else"));
    await journey().removeStage(team, dismissed.stage.id, "U0ALICE");
    expect(await titles()).toEqual(["Check what you need to do", "Register the company", "Register for tax"]);
    await expect(journey().addStage(team, communityId, "U0NOBODY", stage("Outsider's stage"))).rejects.toMatchObject({
      code: "not_member",
    });
  });

  it("are edited by organisers only, with each field checked", async () => {
    const [first] = await add("Check what you need to do");
    const fields = checkStage({
      title: "Check what you need",
      description: "Find out which registrations apply",
      link: "https://www.gov.uk/set-up-limited-company",
      owners: ["hmrc", "companies-house"],
      otherOwners: "Anytown Council",
    });
    const edited = await journey().editStage(team, first.id, "U0ALICE", fields);
    expect(edited).toMatchObject({ title: "Check what you need", link: "https://www.gov.uk/set-up-limited-company" });
    expect(edited.owners.map((o) => [o.organisationOther ?? o.organisation, o.role])).toEqual([
      ["hmrc", "owns"],
      ["companies-house", "owns"],
      ["Anytown Council", "owns"],
    ]);
    await expect(journey().editStage(team, first.id, "U0BOB", fields)).rejects.toMatchObject({
      code: "forbidden",
      reason: { action: "edit_journey" },
    });
    await expect(journey().editStage({ teamId: "T0OTHER" }, first.id, "U0ALICE", fields)).rejects.toMatchObject({ code: "not_found" });
    const refused = (() => {
      try {
        return checkStage({ title: "ab", link: "not a link", owners: ["not-an-organisation"] });
      } catch (error) {
        return error as ValidationError;
      }
    })();
    expect(Object.keys((refused as ValidationError).fieldErrors).sort()).toEqual(["link", "owners", "title"]);
  });

  it("move up, down and to a place, and the order stays whole", async () => {
    const [a, b, c, d] = await add("A stage", "B stage", "C stage", "D stage");
    await journey().moveStage(team, d.id, "U0ALICE", "up");
    expect(await titles()).toEqual(["A stage", "B stage", "D stage", "C stage"]);
    await journey().moveStage(team, a.id, "U0ALICE", "down");
    await journey().moveStage(team, c.id, "U0ALICE", 0);
    expect(await titles()).toEqual(["C stage", "B stage", "A stage", "D stage"]);
    // Past either end stays at the end.
    await journey().moveStage(team, b.id, "U0ALICE", 99);
    expect(await titles()).toEqual(["C stage", "A stage", "D stage", "B stage"]);
    expect((await journey().stages(communityId)).map((s) => s.position)).toEqual([0, 1, 2, 3]);
  });

  it("reordered by two organisers at once end in one consistent order with both moves made", async () => {
    await w.db.membership.updateMany({ where: { communityId, slackUserId: "U0BOB" }, data: { role: "organiser" } });
    const stages = await add("One", "Two", "Three", "Four", "Five", "Six");
    for (let round = 0; round < 5; round++) {
      const order = await journey().stages(communityId);
      const first = order[0];
      const last = order[order.length - 1];
      await Promise.all([journey().moveStage(team, first.id, "U0ALICE", "down"), journey().moveStage(team, last.id, "U0BOB", 0)]);
      const after = await journey().stages(communityId);
      expect(after.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(new Set(after.map((s) => s.id))).toEqual(new Set(stages.map((s) => s.id)));
      // Both moves happened, in whichever order they landed.
      expect(after[0].id).toBe(last.id);
      expect(after.findIndex((s) => s.id === first.id)).toBeGreaterThanOrEqual(1);
      expect(after.findIndex((s) => s.id === first.id)).toBeLessThanOrEqual(2);
    }
  });

  it("removed: its problems keep their text and lose the link, and the rest close up", async () => {
    const [, register] = await add("Check", "Register the company", "Employ people");
    const p = await problem("Two registrations", "registering");
    await w.db.problem.update({ where: { id: p.id }, data: { stageId: register.id } });
    await seedMember(w, "U0CAROL", communityId);
    await journey().setMemberStages(team, communityId, "U0CAROL", [register.id]);
    await journey().removeStage(team, register.id, "U0ALICE");
    expect(await w.db.problem.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ stageId: null, stage: "registering" });
    expect(await titles()).toEqual(["Check", "Employ people"]);
    expect((await journey().stages(communityId)).map((s) => s.position)).toEqual([0, 1]);
    expect(await journey().memberStages(communityId, "U0CAROL")).toEqual([]);
  });
});

describe("the first draft from problems' free text", () => {
  it("groups texts ignoring case, punctuation, plurals and small typos, in the order met, keeping the usual spelling", () => {
    const draft = draftStages([
      { problemId: "p1", stageText: "Registering the company" },
      { problemId: "p2", stageText: "registering the company." },
      { problemId: "p3", stageText: "Registring the company" },
      { problemId: "p4", stageText: "PAYE registration" },
      { problemId: "p5", stageText: "  " },
      { problemId: "p6", stageText: "Registering the companies" },
    ]);
    expect(draft.map((d) => [d.title, d.problemIds])).toEqual([
      ["Registering the company", ["p1", "p2", "p3", "p6"]],
      ["PAYE registration", ["p4"]],
    ]);
    expect(stageTextKey("The  Companies!")).toBe("the company");
  });

  it("makes the stages the organiser kept, links their problems, and leaves a problem whose text matched nothing with its text", async () => {
    const a = await problem("Two registrations", "Registering the company");
    const b = await problem("Which licences", "registering the company");
    const c = await problem("Payroll", "Employing people");
    const d = await problem("Something odd", "On the moon");
    const solved = await problem("Old one", "Registering the company", "solved");
    const { draft } = await journey().draft(team, communityId, "U0ALICE");
    expect(draft.map((s) => s.title)).toEqual(["Registering the company", "Employing people", "On the moon"]);
    await expect(journey().draft(team, communityId, "U0BOB")).rejects.toMatchObject({ code: "forbidden" });

    const made = await journey().acceptDraft(team, communityId, "U0ALICE", [
      { key: draft[0].key, title: "Register the company" },
      { key: draft[1].key, title: "Employ people" },
      // The organiser dropped the third.
    ]);
    expect(made.map((s) => s.title)).toEqual(["Register the company", "Employ people"]);
    const linked = async (id: string) => (await w.db.problem.findUniqueOrThrow({ where: { id } })).stageId;
    expect([await linked(a.id), await linked(b.id), await linked(c.id), await linked(d.id), await linked(solved.id)]).toEqual([
      made[0].id,
      made[0].id,
      made[1].id,
      null,
      null,
    ]);
    expect((await w.db.problem.findUniqueOrThrow({ where: { id: d.id } })).stage).toBe("On the moon");
    // With stages, there is no draft any more.
    await expect(journey().draft(team, communityId, "U0ALICE")).rejects.toMatchObject({ reason: { key: "journey.has_stages" } });
  });

  it("says there is nothing to draft from when no problem says where it bites", async () => {
    await problem("Two registrations", null);
    await expect(journey().draft(team, communityId, "U0ALICE")).rejects.toMatchObject({ reason: { key: "journey.nothing_to_draft" } });
  });
});

describe("the journey's figures", () => {
  it("counts each stage's open problems and objectives, names its most-voted one, its members, and warns where nobody is", async () => {
    const check = (await journey().addStage(team, communityId, "U0ALICE", stage("Check", ["hmrc"]))).stage;
    const [register, employ] = await add("Register", "Employ");
    await journey().editStage(team, register.id, "U0ALICE", stage("Register", ["companies-house", "dwp"]));
    const p1 = await problem("One", null);
    const p2 = await problem("Two", null);
    const p3 = await problem("Three", null, "objective");
    await w.db.problem.updateMany({ where: { id: { in: [p1.id, p2.id, p3.id] } }, data: { stageId: register.id } });
    await w.db.problemVote.createMany({ data: ["U0A", "U0B"].map((u) => ({ problemId: p2.id, slackUserId: u, organisation: "dwp" })) });
    await journey().setMemberStages(team, communityId, "U0BOB", [check.id]);

    const page = await journey().journey(team, communityId, "U0BOB", 0);
    const byTitle = Object.fromEntries(page.stages.map((s) => [s.stage.title, s]));
    expect(byTitle.Register.figures).toMatchObject({
      openProblems: 2,
      objectives: 1,
      topProblem: { id: p2.id, title: "Two", votes: 2 },
      members: 0,
    });
    expect(byTitle.Register.problemsButNobody).toBe(true);
    // Companies House owns it and nobody from there is in; DWP is (Bob).
    expect(byTitle.Register.ownersNotRepresented.map((o) => o.organisation)).toEqual(["companies-house"]);
    expect(byTitle.Check.figures).toMatchObject({ members: 1, memberOrganisations: ["dwp"] });
    expect(byTitle.Check.ownersNotRepresented).toEqual([]);
    expect(byTitle.Employ.problemsButNobody).toBe(false);
    expect(page).toMatchObject({ total: 3, page: 0, pageCount: 1, viewerIsOrganiser: false, viewerIsMember: true });
    expect(page.stages.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(employ.title).toBe("Employ");
  });

  it("names each stage's three largest organisations, most members first, with typed names folded, and counts the rest", async () => {
    const [stage] = await add("Register");
    const people: Array<[string, string, string | null]> = [
      ["U0D1", "hmrc", null],
      ["U0D2", "hmrc", null],
      ["U0D3", "hmrc", null],
      ["U0D4", "other", "Anytown Council"],
      ["U0D5", "other", "anytown council"],
      ["U0D6", "companies-house", null],
      ["U0D7", "ipo", null],
    ];
    for (const [user, organisation, organisationOther] of people) {
      await w.db.membership.create({
        data: { communityId, slackUserId: user, organisation, organisationOther, profession: "policy", role: "member", status: "active" },
      });
      await journey().setMemberStages(team, communityId, user, [stage.id]);
    }
    // Bob (DWP) too, and someone who left, who does not count.
    await journey().setMemberStages(team, communityId, "U0BOB", [stage.id]);
    await w.db.membership.update({ where: { communityId_slackUserId: { communityId, slackUserId: "U0D7" } }, data: { status: "left" } });
    const [shown] = (await journey().journey(team, communityId, "U0ALICE", 0)).stages;
    expect(shown.figures).toMatchObject({
      members: 7,
      memberOrganisations: ["hmrc", "other:anytown council", "companies-house"],
      memberOrganisationCount: 4,
    });
    expect(shown.memberOrganisations).toEqual(["HMRC", "Anytown Council", "Companies House"]);
  });
});
