// A community's web page, for people outside Slack: who may open it (organisers
// choose in its settings), and what it shows, read in a fixed number of queries
// however large the community (see bench/web.ts): its charter, objectives with
// their owners' organisations, the most-voted open problems with the
// organisations they affect, the journey's stages, the meetings coming up, and the
// organisations represented and not yet represented.
import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { isPageVisibility, type PageVisibility } from "../common/vocabulary";
import { type MissingOrganisation, missingOrganisations, NEEDING_STATUSES, organisationKey } from "../members/coverage";
import { organisationShortLabel } from "../members/profiles";
import type { PageAccessRecord, PageCommunity, PageMeeting, PageObjective, PageProblem, StageRecord, Store } from "../ports";

/** How many objectives the page lists (those under way first), and how many of the most-voted open problems. */
export const PAGE_OBJECTIVES = 20;
export const PAGE_PROBLEMS = 10;
/** How many of the meetings coming up it lists. */
export const PAGE_MEETINGS = 5;
/**
 * How long a replica trusts its copy of who may open a page. A page view is otherwise
 * one read of one short row, but a Prisma query costs about 1.5 ms of CPU, eight times
 * the rest of a cached view. So a new address or a change of visibility made on another
 * replica reaches this one within 2 seconds (as the community list does, see
 * directory.ts); on the replica that saved it, at once (forget()).
 */
export const ACCESS_TTL_MS = 2000;
const ACCESS_ENTRIES = 1000;

export interface RepresentedOrganisation {
  key: string;
  /** "HMRC": the abbreviation, or the name (as its first member typed it, for one not on the list). */
  label: string;
  members: number;
}

export interface CommunityPageData {
  community: PageCommunity;
  /** The workspace's Slack team id, for the link to the channel; null if unknown. */
  teamId: string | null;
  memberCount: number;
  objectives: { items: PageObjective[]; total: number };
  problems: { items: PageProblem[]; total: number };
  /** The journey's accepted stages, in order, with who owns or delivers each. */
  stages: StageRecord[];
  meetings: { items: PageMeeting[]; total: number };
  /** Most members first. */
  represented: RepresentedOrganisation[];
  /** Named on open problems or objectives, with no member: most named first (as /community members says). */
  missing: MissingOrganisation[];
}

/** Field key: pageVisibility. */
export function checkPageSettings(
  input: { visibility: string | null; newAddress: boolean },
  errors: FieldErrors,
): { visibility: PageVisibility; newAddress: boolean } {
  const visibility = input.visibility ?? "link_only";
  if (!isPageVisibility(visibility)) {
    errors.pageVisibility = { key: "settings.page_visibility" };
    return { visibility: "link_only", newAddress: input.newAddress };
  }
  return { visibility, newAddress: input.newAddress };
}

export class CommunityPageService {
  /** Team ids never change once a workspace has one, so every replica may keep them. */
  private readonly teamIds = new Map<string, string>();
  private readonly accessRows = new Map<string, { record: PageAccessRecord; until: number }>();

  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** Who may open the page named by an address (see ACCESS_TTL_MS); not_found when there is no such community. */
  async access(communityId: string): Promise<PageAccessRecord> {
    const now = this.deps.clock.now().getTime();
    const kept = this.accessRows.get(communityId);
    if (kept && kept.until > now) return kept.record;
    const found = communityId.length <= 40 ? await this.deps.store.communityPages.access(communityId) : null;
    // Addresses that name nothing are not kept: a flood of made-up ones would push out real ones.
    if (!found) throw new AppError("not_found", { key: "community.gone" });
    this.accessRows.delete(communityId);
    this.accessRows.set(communityId, { record: found, until: now + ACCESS_TTL_MS });
    if (this.accessRows.size > ACCESS_ENTRIES) this.accessRows.delete(this.accessRows.keys().next().value as string);
    return found;
  }

  /** The community's page settings changed here: the next view reads them again. */
  forget(communityId: string): void {
    this.accessRows.delete(communityId);
  }

  /** What the page shows: one read for the community, then seven at once (six once its workspace's team id is known), whatever its size. */
  async read(communityId: string): Promise<CommunityPageData> {
    const { store, clock } = this.deps;
    const community = await store.communityPages.community(communityId);
    if (!community) throw new AppError("not_found", { key: "community.gone" });
    const [teamId, objectives, problems, stages, meetings, organisations, named] = await Promise.all([
      this.teamId(community.workspaceId),
      store.communityPages.objectives(community.id, PAGE_OBJECTIVES),
      store.communityPages.topOpenProblems(community.id, PAGE_PROBLEMS),
      store.communityPages.acceptedStages(community.id),
      store.communityPages.upcomingMeetings(community.id, clock.now(), PAGE_MEETINGS),
      store.communityPages.organisations(community.id),
      store.coverage.problemOrganisations([community.id], NEEDING_STATUSES),
    ]);
    const represented = new Map<string, RepresentedOrganisation>();
    for (const o of organisations) {
      const key = organisationKey(o);
      const known = represented.get(key);
      if (known) known.members += o.members;
      else represented.set(key, { key, label: organisationShortLabel(o), members: o.members });
    }
    const byMembers = [...represented.values()].sort((a, b) => b.members - a.members || a.label.localeCompare(b.label, "en-GB"));
    return {
      community,
      teamId,
      memberCount: byMembers.reduce((sum, o) => sum + o.members, 0),
      objectives,
      problems,
      stages,
      meetings,
      represented: byMembers,
      missing: missingOrganisations(named, new Set(represented.keys())),
    };
  }

  private async teamId(workspaceId: string): Promise<string | null> {
    const known = this.teamIds.get(workspaceId);
    if (known) return known;
    const teamId = await this.deps.store.communityPages.teamId(workspaceId);
    if (teamId) this.teamIds.set(workspaceId, teamId);
    return teamId;
  }
}
