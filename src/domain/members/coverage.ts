// Who is in a community and who is missing (the guidance's step 3, "identify
// who can help"): members grouped by organisation, how many organisations and
// professions are in, and the organisations its problems name that no member
// comes from. The grouping is pure; the service reads a fixed number of times
// however large the community, or however many communities App Home covers.
import { findOrganisation, OTHER_ORGANISATION_ID } from "../../reference/organisations";
import { OTHER_PROFESSION_ID } from "../../reference/professions";
import { nameKey } from "../common/text";
import type { CommunityRecord, MemberProfile, MembershipRecord, ProblemStatus, Store } from "../ports";
import { isOrganiser } from "./organisers";
import { organisationLabel, professionLabel } from "./profiles";

export const ORGANISATIONS_PER_PAGE = 10;
/** Members a page of one organisation's list names ("See all" on /community members). */
export const MEMBERS_PER_ORGANISATION_PAGE = 150;

/**
 * The problems whose organisations a community still needs: open ones and
 * objectives. A solved problem needs nobody's help any more, and a duplicate
 * is worked on under the problem it duplicates, so neither makes an
 * organisation "missing".
 */
export const NEEDING_STATUSES: ProblemStatus[] = ["open", "objective"];

export interface CoverageMember {
  slackUserId: string;
  /** A member by email's name (they have no Slack name to show). */
  displayName: string | null;
  /** What people read: "Policy", or the typed profession. */
  profession: string;
  organiser: boolean;
}

export interface OrganisationGroup {
  /** The organisation's id, or "other:" and the typed name folded (so "Anytown Council" and "anytown council" are one). */
  key: string;
  label: string;
  /** Organisers first, then by profession, then earliest joined. */
  members: CoverageMember[];
}

export interface MissingOrganisation {
  id: string;
  /** "HM Revenue & Customs (HMRC)" */
  label: string;
  /** "HMRC": the abbreviation, or the name when there is none. */
  shortLabel: string;
  /** How many open problems and objectives name it. */
  problems: number;
}

export interface CoverageSummary {
  memberCount: number;
  organisationCount: number;
  professionCount: number;
  /** Named on open problems or objectives, no active member: most problems first. */
  missing: MissingOrganisation[];
  /** Whether any open problem or objective names an organisation at all. */
  anyNamed: boolean;
}

export interface MembersPage {
  community: CommunityRecord;
  summary: CoverageSummary;
  /** This page's organisations, most members first. */
  organisations: OrganisationGroup[];
  page: number;
  pageCount: number;
}

/** A page of one organisation's members. */
export interface OrganisationMembersPage {
  community: CommunityRecord;
  /** The organisation's key (see organisationKey). */
  key: string;
  label: string;
  /** All its active members, and how many of them organise. */
  total: number;
  organisers: number;
  /** This page's members: organisers first, then by profession, then earliest joined. */
  members: CoverageMember[];
  /** The position in the whole list of this page's first member (0-based). */
  first: number;
  page: number;
  pageCount: number;
  /** The page of /community members to go back to. */
  from: number;
}

type OrganisationPart = Pick<MemberProfile, "organisation" | "organisationOther">;
type ProfessionPart = Pick<MemberProfile, "profession" | "professionOther">;

/**
 * One key per organisation: typed "Other" names are compared without regard to
 * case or spacing. Coverage groups by it and votes are counted by it, so
 * "Anytown  Council" is one organisation to both.
 */
export function organisationKey(profile: OrganisationPart): string {
  return profile.organisation === OTHER_ORGANISATION_ID ? `other:${nameKey(profile.organisationOther ?? "")}` : profile.organisation;
}

export function professionKey(profile: ProfessionPart): string {
  return profile.profession === OTHER_PROFESSION_ID ? `other:${nameKey(profile.professionOther ?? "")}` : profile.profession;
}

/** A name for an organisation known only by its key: the reference name, or the typed name as folded. */
export function labelOfKey(key: string): string {
  return key.startsWith("other:") ? key.slice("other:".length) : organisationLabel({ organisation: key, organisationOther: null });
}

// One collator for every comparison: localeCompare with options builds one each
// call (about 5 µs), which was most of the time of a 5,000-member page.
const collator = new Intl.Collator("en-GB", { sensitivity: "base" });
const byLabel = (a: string, b: string) => collator.compare(a, b);

/**
 * Active members grouped by organisation: most members first, then by name.
 * An "Other" organisation is labelled as its earliest member typed it.
 */
export function groupByOrganisation(members: MembershipRecord[]): OrganisationGroup[] {
  const groups = new Map<string, OrganisationGroup & { joined: MembershipRecord[] }>();
  const earliestFirst = [...members].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  for (const m of earliestFirst) {
    const key = organisationKey(m);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: organisationLabel(m), members: [], joined: [] };
      groups.set(key, group);
    }
    group.joined.push(m);
  }
  return [...groups.values()]
    .map(({ key, label, joined }) => {
      const listed = joined.map((m) => ({
        slackUserId: m.slackUserId,
        displayName: m.displayName,
        profession: professionLabel(m),
        organiser: isOrganiser(m),
      }));
      // A stable sort: equal entries keep their join order.
      listed.sort((a, b) => Number(b.organiser) - Number(a.organiser) || byLabel(a.profession, b.profession));
      return { key, label, members: listed };
    })
    .sort((a, b) => b.members.length - a.members.length || byLabel(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Organisations named on problems (ids from the reference list) whose key no member has. */
export function missingOrganisations(
  named: Array<{ organisation: string; problems: number }>,
  represented: Set<string>,
): MissingOrganisation[] {
  const counts = new Map<string, number>();
  for (const n of named) {
    if (n.organisation === OTHER_ORGANISATION_ID || represented.has(n.organisation)) continue;
    counts.set(n.organisation, (counts.get(n.organisation) ?? 0) + n.problems);
  }
  return [...counts.entries()]
    .map(([id, problems]) => {
      const found = findOrganisation(id);
      return {
        id,
        label: organisationLabel({ organisation: id, organisationOther: null }),
        shortLabel: found?.abbreviation ?? found?.name ?? id,
        problems,
      };
    })
    .sort((a, b) => b.problems - a.problems || byLabel(a.label, b.label));
}

/** Coverage of one community from its active members and the organisations its problems name. */
export function coverageOf(
  members: MembershipRecord[],
  named: Array<{ organisation: string; problems: number }>,
): { summary: CoverageSummary; groups: OrganisationGroup[] } {
  const groups = groupByOrganisation(members);
  const summary: CoverageSummary = {
    memberCount: members.length,
    organisationCount: groups.length,
    professionCount: new Set(members.map(professionKey)).size,
    missing: missingOrganisations(named, new Set(groups.map((g) => g.key))),
    anyNamed: named.length > 0,
  };
  return { summary, groups };
}

/** The same summary for several communities, from the grouped reads (no member rows). */
export function summariseCoverage(
  communityIds: string[],
  organisations: Array<OrganisationPart & { communityId: string; members: number }>,
  professions: Array<ProfessionPart & { communityId: string }>,
  named: Array<{ communityId: string; organisation: string; problems: number }>,
): Map<string, CoverageSummary> {
  const orgsOf = bucket(organisations);
  const professionsOf = bucket(professions);
  const namedOn = bucket(named);
  const out = new Map<string, CoverageSummary>();
  for (const id of communityIds) {
    const orgs = orgsOf.get(id) ?? [];
    const problemsNamed = namedOn.get(id) ?? [];
    const keys = new Set(orgs.map(organisationKey));
    out.set(id, {
      memberCount: orgs.reduce((sum, o) => sum + o.members, 0),
      organisationCount: keys.size,
      professionCount: new Set((professionsOf.get(id) ?? []).map(professionKey)).size,
      missing: missingOrganisations(problemsNamed, keys),
      anyNamed: problemsNamed.length > 0,
    });
  }
  return out;
}

function bucket<T extends { communityId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.communityId);
    if (list) list.push(row);
    else out.set(row.communityId, [row]);
  }
  return out;
}

/** One page of an organisation's members (none when nobody from it is left); a stale page number shows the last page. */
export function organisationMembersPage(
  community: CommunityRecord,
  key: string,
  group: OrganisationGroup | undefined,
  page: number,
  from: number,
): OrganisationMembersPage {
  const all = group?.members ?? [];
  const pageCount = Math.max(1, Math.ceil(all.length / MEMBERS_PER_ORGANISATION_PAGE));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  return {
    community,
    key,
    label: group?.label ?? labelOfKey(key),
    total: all.length,
    organisers: all.filter((m) => m.organiser).length,
    members: all.slice(current * MEMBERS_PER_ORGANISATION_PAGE, (current + 1) * MEMBERS_PER_ORGANISATION_PAGE),
    first: current * MEMBERS_PER_ORGANISATION_PAGE,
    page: current,
    pageCount,
    from,
  };
}

export class CoverageService {
  constructor(private readonly deps: { store: Store }) {}

  /**
   * One page of `/community members`: any workspace member may look. Two reads
   * (the active members, the organisations named on problems, grouped),
   * whatever the page. A stale page number shows the last page.
   */
  async page(community: CommunityRecord, page: number): Promise<MembersPage> {
    const { store } = this.deps;
    const [members, named] = await Promise.all([
      store.memberships.activeMembers(community.id),
      store.coverage.problemOrganisations([community.id], NEEDING_STATUSES),
    ]);
    const { summary, groups } = coverageOf(members, named);
    const pageCount = Math.max(1, Math.ceil(groups.length / ORGANISATIONS_PER_PAGE));
    const current = Math.min(Math.max(0, page), pageCount - 1);
    const organisations = groups.slice(current * ORGANISATIONS_PER_PAGE, (current + 1) * ORGANISATIONS_PER_PAGE);
    return { community, summary, organisations, page: current, pageCount };
  }

  /**
   * One organisation's members, a page at a time, for "See all" when the list
   * of organisations names only some of them. `from` is the page of that list
   * to go back to. An organisation nobody is in any more shows no members.
   */
  async organisation(community: CommunityRecord, key: string, page: number, from: number): Promise<OrganisationMembersPage> {
    const members = await this.deps.store.memberships.activeMembers(community.id);
    const group = groupByOrganisation(members.filter((m) => organisationKey(m) === key))[0];
    return organisationMembersPage(community, key, group, page, from);
  }

  /**
   * The organisations its open problems and objectives name that no member
   * comes from, most named first: two grouped reads, however many members.
   */
  async missing(community: CommunityRecord): Promise<MissingOrganisation[]> {
    const { store } = this.deps;
    const [organisations, named] = await Promise.all([
      store.coverage.organisations([community.id]),
      store.coverage.problemOrganisations([community.id], NEEDING_STATUSES),
    ]);
    return missingOrganisations(named, new Set(organisations.map(organisationKey)));
  }

  /**
   * App Home: coverage of the communities the viewer organises (members see
   * none), in three grouped reads however many there are.
   */
  async forOrganiser(entries: Array<{ community: CommunityRecord; membership: MembershipRecord }>): Promise<Map<string, CoverageSummary>> {
    const ids = entries.filter((e) => isOrganiser(e.membership)).map((e) => e.community.id);
    if (!ids.length) return new Map();
    const { store } = this.deps;
    const [organisations, professions, named] = await Promise.all([
      store.coverage.organisations(ids),
      store.coverage.professions(ids),
      store.coverage.problemOrganisations(ids, NEEDING_STATUSES),
    ]);
    return summariseCoverage(ids, organisations, professions, named);
  }
}
