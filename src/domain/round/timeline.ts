// Each organisation's delivery timeline: what it has told the community's rounds
// over time, one entry a thing it told about (updates about one thing share a
// projectKey), each with where it stood at each round. So a policy change that takes
// months in clearance in one department is in front of the others all along.
// /community updates shows it, the most recently changed things first, a page at a time.

import { searchOrganisations } from "../../reference/organisations";
import { AppError } from "../common/errors";
import { nameKey } from "../common/text";
import type { CommunityRecord, ProjectHistory, Store } from "../ports";
import { organisationLabels } from "./askWho";

/** Things a page shows: one block each, well inside Slack's 50 a message. */
export const UPDATES_PAGE_SIZE = 10;

export interface TimelinePage {
  community: CommunityRecord;
  /** Only this organisation's, or (null) every organisation's. */
  organisation: { key: string; label: string } | null;
  projects: Array<ProjectHistory & { label: string }>;
  total: number;
  page: number;
  pageCount: number;
}

export class DeliveryTimeline {
  constructor(private readonly deps: { store: Store }) {}

  /** A page of the timeline; a page past the end shows the last. */
  async page(community: CommunityRecord, organisation: { key: string; label: string } | null, page: number): Promise<TimelinePage> {
    const { store } = this.deps;
    const fetch = (p: number) => store.round.timeline(community.id, organisation?.key ?? null, p * UPDATES_PAGE_SIZE, UPDATES_PAGE_SIZE);
    const wanted = Math.max(0, page);
    let found = await fetch(wanted);
    const pageCount = Math.max(1, Math.ceil(found.total / UPDATES_PAGE_SIZE));
    const current = Math.min(wanted, pageCount - 1);
    if (current !== wanted) found = await fetch(current);
    const projects = found.projects.map((p) => ({ ...p, label: p.updates[0]?.organisationName ?? p.organisation }));
    return { community, organisation, projects, total: found.total, page: current, pageCount };
  }

  /** The organisation a person typed, among those in the community or that have told it something. */
  async organisation(community: CommunityRecord, typed: string): Promise<{ key: string; label: string }> {
    const { store } = this.deps;
    const [told, organisations] = await Promise.all([
      store.round.organisationsWithUpdates(community.id),
      store.round.organisations(community.id),
    ]);
    const known = new Map<string, string>(organisationLabels(organisations));
    for (const o of told) known.set(o.organisation, o.organisationName);
    const wanted = nameKey(typed);
    // The reference list knows abbreviations, old names and aliases ("Inland Revenue" is HMRC).
    const reference = searchOrganisations(typed, 1)[0]?.id;
    const exact = [...known].filter(([key, label]) => nameKey(label) === wanted || key === wanted || key === reference);
    const starts = [...known].filter(([, label]) => nameKey(label).startsWith(wanted));
    const [match] = exact.length === 1 ? exact : starts.length === 1 ? starts : [];
    if (match) return { key: match[0], label: match[1] };
    const names = [...new Set(told.map((o) => o.organisationName))].sort().slice(0, 20);
    throw new AppError("not_found", { key: "updates.unknown_organisation", typed, known: names });
  }
}
