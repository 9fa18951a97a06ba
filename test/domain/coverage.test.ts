// The two ways coverage is counted (from member rows for /community members,
// from grouped rows for App Home) must agree.

import { CoverageService, coverageOf, organisationKey, summariseCoverage } from "../../src/domain/members/coverage";
import type { CommunityRecord, MembershipRecord, Store } from "../../src/domain/ports";
import { NO_EMAIL } from "../support/records";

function member(
  i: number,
  organisation: string,
  organisationOther: string | null,
  profession: string,
  professionOther: string | null,
): MembershipRecord {
  return {
    id: `m${i}`,
    communityId: "c1",
    slackUserId: `U${i}`,
    organisation,
    organisationOther,
    profession,
    professionOther,
    role: "member",
    status: "active",
    digestByDm: false,
    joinedAt: new Date(i * 1000),
    leftAt: null,
    ...NO_EMAIL,
  };
}

const members = [
  member(1, "hmrc", null, "policy", null),
  member(2, "other", "Anytown Council", "other", "Town planning"),
  member(3, "other", "  anytown   COUNCIL ", "other", "town planning"),
  member(4, "dwp", null, "policy", null),
  member(5, "other", "Somewhere Else", "user-research", null),
];
const named = [
  { organisation: "dwp", problems: 2 },
  { organisation: "companies-house", problems: 1 },
  { organisation: "dbt", problems: 3 },
];

describe("coverage", () => {
  it("groups typed organisations and professions without regard to case or spacing, and lists the missing by problems", () => {
    const { summary, groups } = coverageOf(members, named);
    expect(summary).toEqual({
      memberCount: 5,
      organisationCount: 4,
      professionCount: 3,
      anyNamed: true,
      missing: [
        { id: "dbt", label: "Department for Business and Trade (DBT)", shortLabel: "DBT", problems: 3 },
        { id: "companies-house", label: "Companies House", shortLabel: "Companies House", problems: 1 },
      ],
    });
    // The "Other" group is named as its earliest member typed it; two members beat one, then by name.
    expect(groups.map((g) => [g.label, g.members.length])).toEqual([
      ["Anytown Council", 2],
      ["Department for Work and Pensions (DWP)", 1],
      ["HM Revenue & Customs (HMRC)", 1],
      ["Somewhere Else", 1],
    ]);
  });

  it("gives App Home the same summary from grouped rows", () => {
    // What the grouped reads return: one row per distinct stored value (typed variants stay apart until folded).
    const organisations = members.map((m) => ({
      communityId: m.communityId,
      organisation: m.organisation,
      organisationOther: m.organisationOther,
      members: 1,
    }));
    const professions = members.map((m) => ({
      communityId: m.communityId,
      profession: m.profession,
      professionOther: m.professionOther,
      members: 1,
    }));
    const summaries = summariseCoverage(
      ["c1", "c2"],
      organisations,
      professions,
      named.map((n) => ({ ...n, communityId: "c1" })),
    );
    expect(summaries.get("c1")).toEqual(coverageOf(members, named).summary);
    expect(summaries.get("c2")).toEqual({ memberCount: 0, organisationCount: 0, professionCount: 0, missing: [], anyNamed: false });
  });

  it("folds a typed organisation's name one way, for coverage and for counting votes alike", () => {
    const key = (organisationOther: string) => organisationKey({ organisation: "other", organisationOther });
    expect(key("Anytown  Council")).toBe("other:anytown council");
    expect(new Set(["Anytown Council", " anytown  COUNCIL ", "Anytown\tCouncil"].map(key)).size).toBe(1);
    expect(organisationKey({ organisation: "hmrc", organisationOther: null })).toBe("hmrc");
  });

  it("finds who is missing from the grouped reads, reading no member rows", async () => {
    const organisations = members.map((m) => ({
      communityId: m.communityId,
      organisation: m.organisation,
      organisationOther: m.organisationOther,
      members: 1,
    }));
    const store = {
      memberships: {
        activeMembers: () => {
          throw new Error("missing() read every member");
        },
      },
      coverage: {
        organisations: async (ids: string[]) => organisations.filter((o) => ids.includes(o.communityId)),
        problemOrganisations: async (ids: string[], statuses: string[]) => {
          expect(statuses).toEqual(["open", "objective"]);
          return ids.includes("c1") ? named.map((n) => ({ ...n, communityId: "c1" })) : [];
        },
      },
    } as unknown as Store;
    const missing = await new CoverageService({ store }).missing({ id: "c1" } as CommunityRecord);
    expect(missing).toEqual(coverageOf(members, named).summary.missing);
    expect(missing.map((m) => m.id)).toEqual(["dbt", "companies-house"]);
  });
});
