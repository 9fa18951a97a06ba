// What a department can take away from a community's journey:
// - a GOV.UK step-by-step draft, in the shape of the step_by_step_nav content
//   schema (alphagov/govuk-content-schemas), for a content team to start from;
// - the service landscape: one row a stage and organisation, with what the
//   organisation does there (owns, delivers, or is affected by its problems).
import type { CommunityRecord, LandscapeFacts, StageFigures, StageRecord } from "../ports";

/** A link in a step's list: the stage's GOV.UK page or service. */
export interface StepLink {
  text: string;
  href: string;
}

export type StepContent =
  | { type: "paragraph"; text: string }
  | { type: "list"; style: "required" | "optional" | "choice"; contents: StepLink[] };

export interface StepByStepStep {
  title: string;
  /** Set when a step is done alongside the one before ("and") or instead of it ("or"); our stages follow one another. */
  logic?: "and" | "or";
  contents: StepContent[];
}

/** GOV.UK's step_by_step_nav: a title, an introduction in govspeak, and the steps. */
export interface StepByStepNav {
  title: string;
  introduction: Array<{ content_type: "text/govspeak"; content: string }>;
  steps: StepByStepStep[];
}

/** The draft a content team starts from. Words are the community's own; the content team rewrites them. */
export function stepByStepDraft(
  community: CommunityRecord,
  stages: StageRecord[],
  words: { title(service: string): string; introduction(service: string): string },
): StepByStepNav {
  return {
    title: words.title(community.service),
    introduction: [{ content_type: "text/govspeak", content: words.introduction(community.service) }],
    steps: stages
      .filter((s) => s.status === "accepted")
      .map((stage) => {
        const contents: StepContent[] = [];
        if (stage.description) contents.push({ type: "paragraph", text: stage.description });
        if (stage.link) contents.push({ type: "list", style: "required", contents: [{ text: stage.title, href: stage.link }] });
        return { title: stage.title, contents };
      }),
  };
}

export type LandscapeRole = "owns" | "delivers" | "affected";

export interface LandscapeRow {
  stageNumber: number;
  stage: string;
  /** The organisation's key (an id, or other:<folded name>). */
  organisationKey: string;
  role: LandscapeRole;
  openProblems: number;
  objectives: number;
  /** Members from this organisation who work on this stage. */
  members: number;
}

/**
 * One row a stage and organisation: owners and deliverers first, then the
 * organisations its problems name and those its members come from (as
 * "affected", unless they own or deliver it). A stage nobody is on yet still
 * gets one row, so every stage is in the sheet.
 */
export function landscapeRows(
  stages: StageRecord[],
  figures: Map<string, StageFigures>,
  facts: LandscapeFacts,
  ownerKey: (owner: StageRecord["owners"][number]) => string,
): LandscapeRow[] {
  const rows: LandscapeRow[] = [];
  stages
    .filter((s) => s.status === "accepted")
    .forEach((stage, index) => {
      const f = figures.get(stage.id);
      const base = { stageNumber: index + 1, stage: stage.title, openProblems: f?.openProblems ?? 0, objectives: f?.objectives ?? 0 };
      const memberCount = new Map(facts.members.filter((m) => m.stageId === stage.id).map((m) => [m.organisationKey, m.members]));
      const seen = new Set<string>();
      const add = (organisationKey: string, role: LandscapeRole) => {
        if (seen.has(organisationKey)) return;
        seen.add(organisationKey);
        rows.push({ ...base, organisationKey, role, members: memberCount.get(organisationKey) ?? 0 });
      };
      for (const owner of stage.owners) add(ownerKey(owner), owner.role);
      for (const a of facts.affected.filter((x) => x.stageId === stage.id)) add(a.organisationKey, "affected");
      for (const key of memberCount.keys()) add(key, "affected");
      if (!seen.size) rows.push({ ...base, organisationKey: "", role: "affected", members: 0 });
    });
  return rows;
}
