import {
  findOrganisation,
  ORGANISATIONS,
  type OrganisationKind,
  OTHER_ORGANISATION_ID,
  searchOrganisations,
} from "../../src/reference/organisations";
import { findProfession, OTHER_PROFESSION_ID, PROFESSIONS } from "../../src/reference/professions";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe("organisations", () => {
  it("has unique kebab-case ids and short names", () => {
    const all = ids(ORGANISATIONS);
    expect(new Set(all).size).toBe(all.length);
    for (const o of ORGANISATIONS) {
      expect(o.id).toMatch(KEBAB);
      expect(o.name.length).toBeGreaterThan(0);
      expect(o.name.length).toBeLessThanOrEqual(75);
    }
  });

  it("does not include the reserved 'other' id", () => {
    expect(OTHER_ORGANISATION_ID).toBe("other");
    expect(findOrganisation(OTHER_ORGANISATION_ID)).toBeUndefined();
    expect(ORGANISATIONS.some((o) => o.name.toLowerCase() === "other")).toBe(false);
  });

  it("has at least 90 organisations covering every kind", () => {
    expect(ORGANISATIONS.length).toBeGreaterThanOrEqual(90);
    const kinds: OrganisationKind[] = [
      "ministerial_department",
      "non_ministerial_department",
      "agency_or_public_body",
      "devolved_administration",
      "local_government",
      "other",
    ];
    for (const kind of kinds) {
      expect(ORGANISATIONS.some((o) => o.kind === kind)).toBe(true);
    }
  });

  it.each([
    ["hmrc", "HM Revenue & Customs"],
    ["dwp", "Department for Work and Pensions"],
    ["companies-house", "Companies House"],
    ["dbt", "Department for Business and Trade"],
    ["dfe", "Department for Education"],
    ["the-pensions-regulator", "The Pensions Regulator"],
    ["british-business-bank", "British Business Bank"],
  ])("includes %s", (id, name) => {
    expect(findOrganisation(id)?.name).toBe(name);
  });

  it("lists ministerial departments first by default", () => {
    const firstNonMinisterial = ORGANISATIONS.findIndex((o) => o.kind !== "ministerial_department");
    expect(firstNonMinisterial).toBeGreaterThan(0);
    expect(ORGANISATIONS.slice(firstNonMinisterial).some((o) => o.kind === "ministerial_department")).toBe(false);
  });

  describe("searchOrganisations", () => {
    it("ranks an exact abbreviation first", () => {
      expect(searchOrganisations("hmrc")[0]?.id).toBe("hmrc");
      expect(searchOrganisations("dwp")[0]?.id).toBe("dwp");
      expect(searchOrganisations("dfe")[0]?.id).toBe("dfe");
    });

    it("matches words in names and aliases", () => {
      expect(ids(searchOrganisations("revenue"))).toContain("hmrc");
      expect(ids(searchOrganisations("jobcentre"))).toContain("dwp");
      expect(ids(searchOrganisations("inland revenue"))).toContain("hmrc");
      expect(ids(searchOrganisations("levelling up"))).toContain("mhclg");
      expect(ids(searchOrganisations("beis"))).toEqual(expect.arrayContaining(["dbt", "desnz", "dsit"]));
    });

    it("ranks companies-house in the top 3 for 'ch'", () => {
      expect(ids(searchOrganisations("ch").slice(0, 3))).toContain("companies-house");
    });

    it("treats '&' and 'and' alike", () => {
      expect(searchOrganisations("HM Revenue and Customs")[0]?.id).toBe("hmrc");
      expect(searchOrganisations("hm courts & tribunals")[0]?.id).toBe("hmcts");
    });

    it("is case-insensitive", () => {
      expect(ids(searchOrganisations("HMRC"))).toEqual(ids(searchOrganisations("hmrc")));
      expect(ids(searchOrganisations("Companies HOUSE"))).toEqual(ids(searchOrganisations("companies house")));
    });

    it("returns the default order for an empty query, up to the limit", () => {
      expect(searchOrganisations("").length).toBeLessThanOrEqual(100);
      expect(searchOrganisations("", 5)).toEqual(ORGANISATIONS.slice(0, 5));
      expect(searchOrganisations("   ", 3)).toHaveLength(3);
    });

    it("respects the limit", () => {
      expect(searchOrganisations("a").length).toBeGreaterThan(3);
      expect(searchOrganisations("a", 3)).toHaveLength(3);
      expect(searchOrganisations("department", 1)).toHaveLength(1);
      expect(searchOrganisations("hmrc", 0)).toEqual([]);
    });

    it("returns nothing for a query that matches nothing", () => {
      expect(searchOrganisations("zzzzqqqq")).toEqual([]);
    });
  });
});

describe("professions", () => {
  it("has at most 60 entries with unique kebab-case ids and short names", () => {
    expect(PROFESSIONS.length).toBeLessThanOrEqual(60);
    const all = ids(PROFESSIONS);
    expect(new Set(all).size).toBe(all.length);
    for (const prof of PROFESSIONS) {
      expect(prof.id).toMatch(KEBAB);
      expect(prof.name.length).toBeGreaterThan(0);
      expect(prof.name.length).toBeLessThanOrEqual(75);
    }
  });

  it("does not include the reserved 'other' id", () => {
    expect(OTHER_PROFESSION_ID).toBe("other");
    expect(findProfession(OTHER_PROFESSION_ID)).toBeUndefined();
  });

  it.each(["policy", "operational-delivery", "user-centred-design"])("includes %s", (id) => {
    expect(findProfession(id)?.id).toBe(id);
  });
});
