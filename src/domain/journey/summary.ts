// The journey in a few lines, for App Home and the digest: the stages where
// new problems were logged since the last digest, and the stages whose owning
// or delivering organisations have no member yet. Read for several
// communities at once in a fixed number of queries.
import { NEEDING_STATUSES, organisationKey } from "../members/coverage";
import { organisationShortLabel } from "../members/profiles";
import type { CommunityRecord, StageRecord, Store } from "../ports";

export interface StageNote {
  stage: Pick<StageRecord, "id" | "title">;
  /** 1 for the first stage. */
  number: number;
  /** Open problems and objectives logged against it since the period began. */
  newProblems: number;
  /** Its organisations with no member in the community, as people read them ("DWP"). */
  notRepresented: string[];
}

export interface JourneySummary {
  /** Accepted stages. */
  stages: number;
  /** Suggestions waiting for an organiser. */
  suggestions: number;
  /** Stages with new problems since the period began, in journey order. */
  withNewProblems: StageNote[];
  /** Stages with an organisation that has no member, in journey order. */
  notRepresented: StageNote[];
}

/** For each community, its journey since `since`: four queries, however many communities, stages and problems. */
export async function journeySummaries(
  store: Store,
  periods: Array<{ community: CommunityRecord; since: Date }>,
): Promise<Map<string, JourneySummary>> {
  const out = new Map<string, JourneySummary>();
  if (!periods.length) return out;
  const ids = periods.map((p) => p.community.id);
  const [stages, counts, organisations] = await Promise.all([
    store.journey.stagesOf(ids),
    store.journey.newProblemsByStage(
      periods.map((p) => ({ communityId: p.community.id, since: p.since })),
      NEEDING_STATUSES,
    ),
    store.coverage.organisations(ids),
  ]);
  const present = new Set(organisations.map((o) => `${o.communityId} ${organisationKey(o)}`));
  for (const id of ids) out.set(id, { stages: 0, suggestions: 0, withNewProblems: [], notRepresented: [] });
  for (const stage of stages) {
    const summary = out.get(stage.communityId);
    if (!summary) continue;
    if (stage.status !== "accepted") {
      summary.suggestions++;
      continue;
    }
    summary.stages++;
    const note: StageNote = {
      stage: { id: stage.id, title: stage.title },
      number: stage.position + 1,
      newProblems: counts.get(stage.id) ?? 0,
      notRepresented: stage.owners.filter((o) => !present.has(`${stage.communityId} ${organisationKey(o)}`)).map(organisationShortLabel),
    };
    if (note.newProblems) summary.withNewProblems.push(note);
    if (note.notRepresented.length) summary.notRepresented.push(note);
  }
  return out;
}
