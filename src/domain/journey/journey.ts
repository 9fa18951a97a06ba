// The service journey: the spine of a community. Its stages are in the shape of
// GOV.UK step-by-step navigation; problems, members, meetings and findings
// hang on them. Organisers shape it; members suggest stages.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import type { CommunityService } from "../communities/communities";
import { organisationKey } from "../members/coverage";
import { isOrganiser, requireOrganiser } from "../members/organisers";
import { organisationShortLabel } from "../members/profiles";
import type { CommunityRecord, StageFields, StageFigures, StageMeeting, StageRecord, Store, WorkspaceKey } from "../ports";
import { type DraftStage, draftStages } from "./draftFromText";
import { STAGE_LIMITS } from "./stageDraft";
import { type JourneySummary, journeySummaries } from "./summary";

/** Stages a page of `/community journey` shows: each takes two blocks and a divider, inside Slack's 50. */
export const JOURNEY_PAGE_SIZE = 12;

/** How many times a move is tried again when another change to the order got there first. */
const MOVE_TRIES = 5;

export interface JourneyStage {
  stage: StageRecord;
  /** 1 for the first stage. */
  number: number;
  figures: StageFigures;
  /** Owning organisations (by the owner record) with no member in the community. */
  ownersNotRepresented: StageRecord["owners"];
  /** It has open problems or objectives, and no member says they work on it. */
  problemsButNobody: boolean;
  /** The organisations most of its members come from, as people read them ("HMRC", or the name as first typed); figures.memberOrganisationCount says how many in all. */
  memberOrganisations: string[];
  /** The latest finding or output shared about it, if any. */
  latestFinding: { id: string; title: string; link: string | null } | null;
  /** The next scheduled meeting that covers it, if any. */
  nextMeeting: StageMeeting | null;
}

export interface JourneyPage {
  community: CommunityRecord;
  stages: JourneyStage[];
  /** All accepted stages, and how many suggestions wait. */
  total: number;
  suggestions: number;
  page: number;
  pageCount: number;
  viewerIsOrganiser: boolean;
  viewerIsMember: boolean;
  /** For organisers: the suggestions waiting, oldest first (empty for anyone else). */
  waiting: StageRecord[];
  /** For an organiser of a journey with no stages: whether its problems say where they bite, so a draft can be made. */
  canDraft: boolean;
}

export type AddedStage = { kind: "added"; stage: StageRecord } | { kind: "suggested"; stage: StageRecord };

const EMPTY: StageFigures = {
  openProblems: 0,
  objectives: 0,
  topProblem: null,
  members: 0,
  memberOrganisations: [],
  memberOrganisationCount: 0,
};

export class JourneyService {
  constructor(private readonly deps: { store: Store; clock: Clock; communities: CommunityService }) {}

  private get store() {
    return this.deps.store;
  }

  /** One page of the journey as `viewerId` sees it, read in a fixed number of queries. */
  async journey(workspace: WorkspaceKey, communityId: string, viewerId: string, page: number): Promise<JourneyPage> {
    return this.journeyOf(await this.deps.communities.byIdIn(workspace, communityId), viewerId, page);
  }

  /** The same, for a community the caller has already found in the requester's workspace (the command resolved it). */
  async journeyOf(community: CommunityRecord, viewerId: string, page: number): Promise<JourneyPage> {
    const [all, organisations, viewer] = await Promise.all([
      this.store.journey.stages(community.id),
      this.store.coverage.represented(community.id),
      this.store.memberships.find(community.id, viewerId),
    ]);
    const accepted = all.filter((s) => s.status === "accepted");
    // Each organisation as its members spelt it first, for the organisations working on a stage.
    const labels = new Map<string, string>();
    for (const o of organisations) if (!labels.has(organisationKey(o))) labels.set(organisationKey(o), organisationShortLabel(o));
    const present = new Set(labels.keys());
    const viewerIsOrganiser = isOrganiser(viewer);
    // Only an empty journey, and only for its organisers, asks whether there is anything to draft from.
    const canDraft = !accepted.length && viewerIsOrganiser && (await this.store.journey.unlinkedStageTexts(community.id)).length > 0;
    const pageCount = Math.max(1, Math.ceil(accepted.length / JOURNEY_PAGE_SIZE));
    const current = Math.min(Math.max(0, page), pageCount - 1);
    const shown = accepted.slice(current * JOURNEY_PAGE_SIZE, (current + 1) * JOURNEY_PAGE_SIZE);
    // Figures and meetings for this page's stages only: a third of the rows of a 40-stage journey.
    const ids = shown.map((s) => s.id);
    const [figures, findings, meetings] = shown.length
      ? await Promise.all([
          this.store.journey.figures(community.id, ids),
          this.store.findings.latestByStage(community.id),
          this.store.meetingStages.nextByStage(community.id, ids, this.deps.clock.now()),
        ])
      : [new Map<string, StageFigures>(), new Map(), new Map<string, StageMeeting>()];
    return {
      community,
      stages: shown.map((stage, i) => {
        const f = figures.get(stage.id) ?? EMPTY;
        return {
          stage,
          number: current * JOURNEY_PAGE_SIZE + i + 1,
          figures: f,
          ownersNotRepresented: stage.owners.filter((o) => !present.has(organisationKey(o))),
          problemsButNobody: f.openProblems + f.objectives > 0 && f.members === 0,
          memberOrganisations: f.memberOrganisations.map((key) => labels.get(key) ?? key),
          latestFinding: findings.get(stage.id) ?? null,
          nextMeeting: meetings.get(stage.id) ?? null,
        };
      }),
      total: accepted.length,
      suggestions: all.length - accepted.length,
      page: current,
      pageCount,
      viewerIsOrganiser,
      viewerIsMember: viewer?.status === "active",
      waiting: viewerIsOrganiser ? all.filter((s) => s.status === "suggested") : [],
      canDraft,
    };
  }

  /** App Home's lines about each community's journey, since each one's last digest: a fixed number of queries for all of them. */
  summaries(periods: Array<{ community: CommunityRecord; since: Date }>): Promise<Map<string, JourneySummary>> {
    return journeySummaries(this.store, periods);
  }

  /** The accepted stages in order (pickers, the join form). */
  async stages(communityId: string): Promise<StageRecord[]> {
    return (await this.store.journey.stages(communityId)).filter((s) => s.status === "accepted");
  }

  /** The community, for the stage form: organisers add stages, members suggest them. */
  async forAdding(
    workspace: WorkspaceKey,
    communityId: string,
    actorId: string,
  ): Promise<{ community: CommunityRecord; organiser: boolean }> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    const membership = await this.store.memberships.find(community.id, actorId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "journey.members_only", community: community.name });
    return { community, organiser: isOrganiser(membership) };
  }

  /** An organiser's stage goes last in the journey; a member's waits as a suggestion. */
  async addStage(workspace: WorkspaceKey, communityId: string, actorId: string, fields: StageFields): Promise<AddedStage> {
    const { community, organiser } = await this.forAdding(workspace, communityId, actorId);
    const existing = await this.store.journey.stages(community.id);
    if (existing.filter((s) => s.status === "accepted").length >= STAGE_LIMITS.stagesMax) {
      throw new AppError("conflict", { key: "journey.too_many_stages", max: STAGE_LIMITS.stagesMax });
    }
    const now = this.deps.clock.now();
    const stage = await this.store.journey.addStage(community.id, fields, organiser ? "accepted" : "suggested", actorId, now);
    await recordAudit(this.store, community, actorId, organiser ? "journey.stage_added" : "journey.stage_suggested", now, {
      stageId: stage.id,
      title: stage.title,
    });
    return organiser ? { kind: "added", stage } : { kind: "suggested", stage };
  }

  /** The stage, for its edit form: organisers only. */
  async forEditing(workspace: WorkspaceKey, stageId: string, actorId: string): Promise<{ community: CommunityRecord; stage: StageRecord }> {
    const stage = await this.stageIn(workspace, stageId);
    const community = await this.asOrganiser(workspace, stage.communityId, actorId);
    return { community, stage };
  }

  async editStage(workspace: WorkspaceKey, stageId: string, actorId: string, fields: StageFields): Promise<StageRecord> {
    const { community } = await this.forEditing(workspace, stageId, actorId);
    const now = this.deps.clock.now();
    const stage = await this.store.journey.updateStage(stageId, fields, now);
    await recordAudit(this.store, community, actorId, "journey.stage_edited", now, { stageId, title: stage.title });
    return stage;
  }

  /** Removes a stage (or dismisses a suggestion). Its problems keep their text; nothing else hangs on it. */
  async removeStage(
    workspace: WorkspaceKey,
    stageId: string,
    actorId: string,
  ): Promise<{ community: CommunityRecord; stage: StageRecord }> {
    const { community, stage } = await this.forEditing(workspace, stageId, actorId);
    await this.store.journey.removeStage(stageId);
    const action = stage.status === "suggested" ? "journey.suggestion_dismissed" : "journey.stage_removed";
    await recordAudit(this.store, community, actorId, action, this.deps.clock.now(), { stageId, title: stage.title });
    return { community, stage };
  }

  /** Dismisses a member's suggestion; a stage accepted meanwhile stays. */
  async dismissSuggestion(
    workspace: WorkspaceKey,
    stageId: string,
    actorId: string,
  ): Promise<{ community: CommunityRecord; stage: StageRecord }> {
    const { stage } = await this.forEditing(workspace, stageId, actorId);
    if (stage.status !== "suggested") throw new AppError("conflict", { key: "journey.not_a_suggestion" });
    return this.removeStage(workspace, stageId, actorId);
  }

  async acceptSuggestion(workspace: WorkspaceKey, stageId: string, actorId: string): Promise<StageRecord> {
    const { community } = await this.forEditing(workspace, stageId, actorId);
    const accepted = await this.store.journey.accept(stageId, this.deps.clock.now());
    if (!accepted) throw new AppError("conflict", { key: "journey.not_a_suggestion" });
    await recordAudit(this.store, community, actorId, "journey.suggestion_accepted", this.deps.clock.now(), {
      stageId,
      title: accepted.title,
    });
    return accepted;
  }

  /**
   * Moves a stage one place up or down, or to a place (0 first). The order is
   * read and written against the journey's version: when another organiser's
   * change lands first, the move is worked out again on the new order, so two
   * moves at once both take effect and the order stays whole.
   */
  async moveStage(workspace: WorkspaceKey, stageId: string, actorId: string, to: "up" | "down" | number): Promise<StageRecord[]> {
    const { community } = await this.forEditing(workspace, stageId, actorId);
    for (let attempt = 0; attempt < MOVE_TRIES; attempt++) {
      const version = await this.store.journey.version(community.id);
      const order = (await this.stages(community.id)).map((s) => s.id);
      const from = order.indexOf(stageId);
      if (from < 0) throw new AppError("not_found", { key: "journey.stage_gone" });
      const target = to === "up" ? from - 1 : to === "down" ? from + 1 : to;
      const place = Math.min(Math.max(0, target), order.length - 1);
      if (place === from) return this.stages(community.id);
      order.splice(from, 1);
      order.splice(place, 0, stageId);
      if (await this.store.journey.reorder(community.id, order, version)) return this.stages(community.id);
    }
    throw new AppError("conflict", { key: "journey.order_busy" });
  }

  /** What the first draft would be: only for a community with no stages yet. */
  async draft(workspace: WorkspaceKey, communityId: string, actorId: string): Promise<{ community: CommunityRecord; draft: DraftStage[] }> {
    const community = await this.asOrganiser(workspace, communityId, actorId);
    if ((await this.stages(community.id)).length) throw new AppError("conflict", { key: "journey.has_stages", community: community.name });
    const draft = draftStages(await this.store.journey.unlinkedStageTexts(community.id));
    if (!draft.length) throw new AppError("not_found", { key: "journey.nothing_to_draft", community: community.name });
    return { community, draft };
  }

  /**
   * Makes the stages the organiser kept from the draft (by key, with the title
   * they gave it) and links each problem whose text made that group. The draft is
   * worked out again from the problems as they are now, so a problem logged
   * since is linked too, and one that changed is left with its text.
   */
  async acceptDraft(
    workspace: WorkspaceKey,
    communityId: string,
    actorId: string,
    kept: Array<{ key: string; title: string }>,
  ): Promise<StageRecord[]> {
    const { community, draft } = await this.draft(workspace, communityId, actorId);
    const byKey = new Map(draft.map((d) => [d.key, d]));
    const chosen = kept.filter((k) => byKey.has(k.key) && k.title.trim());
    const now = this.deps.clock.now();
    const made = await this.store.journey.addStagesWithProblems(
      community.id,
      chosen.map((k) => ({
        fields: { title: k.title.trim(), description: "", link: null, owners: [] },
        problemIds: byKey.get(k.key)?.problemIds ?? [],
      })),
      actorId,
      now,
    );
    await recordAudit(this.store, community, actorId, "journey.drafted", now, { stages: made.length });
    return made;
  }

  /** What the exports are made from: the community (not archived), its stages, their figures, and who is on each. */
  async exportData(communityId: string) {
    const community = await this.deps.communities.byId(communityId);
    const [stages, figures, facts] = await Promise.all([
      this.stages(community.id),
      this.store.journey.figures(community.id),
      this.store.journey.landscapeFacts(community.id),
    ]);
    return { community, stages, figures, facts };
  }

  /** The stages a member works on; they say so in the join form or later. */
  async memberStages(communityId: string, userId: string): Promise<string[]> {
    return this.store.journey.memberStageIds(communityId, userId);
  }

  /** For "Say which stages you work on": the journey's stages and the member's own; members only. */
  async forMemberStages(
    workspace: WorkspaceKey,
    communityId: string,
    userId: string,
  ): Promise<{ community: CommunityRecord; stages: StageRecord[]; chosen: string[] }> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    const membership = await this.store.memberships.find(community.id, userId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "journey.members_only", community: community.name });
    const [stages, chosen] = await Promise.all([this.stages(community.id), this.memberStages(community.id, userId)]);
    return { community, stages, chosen };
  }

  async setMemberStages(workspace: WorkspaceKey, communityId: string, userId: string, stageIds: string[]): Promise<void> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    const membership = await this.store.memberships.find(community.id, userId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "journey.members_only", community: community.name });
    await this.store.journey.setMemberStages(community.id, userId, [...new Set(stageIds)]);
  }

  private async asOrganiser(workspace: WorkspaceKey, communityId: string, actorId: string): Promise<CommunityRecord> {
    const community = await this.deps.communities.byIdIn(workspace, communityId);
    await requireOrganiser(this.store, community, actorId, "edit_journey");
    return community;
  }

  /** A stage named by id in a request: it must be in a community of the requester's workspace. */
  private async stageIn(workspace: WorkspaceKey, stageId: string): Promise<StageRecord> {
    const stage = await this.store.journey.findStage(stageId);
    if (!stage) throw new AppError("not_found", { key: "journey.stage_gone" });
    await this.deps.communities.byIdIn(workspace, stage.communityId);
    return stage;
  }
}
