// Communities: create one from a checked draft, find one from what a person
// typed or where they typed it, list them, read a charter.

import type { Division } from "../../reference/bankHolidays";
import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { OrganiserAction } from "../common/reasons";
import { closestByName, suggestedNames } from "../common/suggestions";
import { nameKey, slugify } from "../common/text";
import { requireOrganiser } from "../members/organisers";
import type { CommunityRecord, CommunitySummary, MembershipRecord, ObjectiveSummary, ProblemSummary, Store, WorkspaceKey } from "../ports";
import { UniqueViolation } from "../ports";
import type { CommunityDraft } from "./communityDraft";
import type { CommunityDirectory } from "./directory";
import { checkSettings, type SettingsInput } from "./settingsDraft";

export const LIST_PAGE_SIZE = 10;
export const CHARTER_PROBLEMS_SHOWN = 5;

/**
 * How a request names a community: by its name (or slug, or a unique beginning
 * of either), or by a channel (the Slack edge reads "#sc-x" in a command as one).
 */
export type CommunityQuery = { name: string } | { channelId: string };

export interface Charter {
  community: CommunityRecord;
  organisers: MembershipRecord[];
  memberCount: number;
  objectives: ObjectiveSummary[];
  problems: { items: ProblemSummary[]; total: number };
}

export type CreateResult =
  | { kind: "created"; community: CommunityRecord }
  /** The same modal was submitted twice (a double click): nothing new was made. */
  | { kind: "duplicate"; community: CommunityRecord };

export class CommunityService {
  /**
   * Team id -> workspace row id. The mapping never changes once made, so every
   * replica may keep it: after the first request, no command spends a query on it.
   */
  private readonly workspaceIds = new Map<string, string>();

  constructor(private readonly deps: { store: Store; clock: Clock; directory: CommunityDirectory }) {}

  private get store() {
    return this.deps.store;
  }

  /** The workspace's row id, creating the row on first contact. */
  async workspaceId(key: WorkspaceKey): Promise<string> {
    const known = this.workspaceIds.get(key.teamId);
    if (known) return known;
    const id = await this.store.communities.ensureWorkspace(key);
    this.workspaceIds.set(key.teamId, id);
    return id;
  }

  /**
   * Stores the community, its organiser and its first problems in one write.
   * `requestId` (the modal's view id) makes a repeated submission harmless.
   * The channel is attached afterwards with attachChannel, or the community is
   * discarded if Slack refuses the channel.
   */
  async create(workspace: WorkspaceKey, actorId: string, draft: CommunityDraft, requestId: string | null): Promise<CreateResult> {
    const workspaceId = await this.workspaceId(workspace);
    if (requestId) {
      const earlier = await this.store.communities.findByRequestId(requestId);
      if (earlier) return { kind: "duplicate", community: earlier };
    }
    const key = nameKey(draft.name);
    const clash = await this.store.communities.findByNameKey(workspaceId, key);
    if (clash) {
      // A double click: the first submission can commit between the request-id read above and this one.
      const earlier = requestId ? await this.store.communities.findByRequestId(requestId) : null;
      if (earlier) return { kind: "duplicate", community: earlier };
      throw nameTaken(clash.name);
    }
    if (draft.channel.kind === "existing") {
      const owner = await this.store.communities.findByChannel(workspaceId, draft.channel.channelId);
      if (owner) throw channelTaken(owner.name, "existingChannel");
    }

    const now = this.deps.clock.now();
    // Two tries: a concurrent create may take the slug we picked.
    for (let attempt = 0; attempt < 2; attempt++) {
      const slug = await this.freeSlug(workspaceId, draft.name);
      try {
        const community = await this.store.communities.createCommunity({
          workspaceId,
          name: draft.name,
          nameKey: key,
          slug,
          service: draft.service,
          purpose: draft.purpose,
          meetingCadence: draft.cadence,
          timezone: draft.timezone,
          createdBy: actorId,
          createRequestId: requestId,
          contactMethods: draft.contactMethods,
          initialProblems: draft.problems,
          organiser: draft.organiser,
          now,
        });
        this.deps.directory.invalidate(workspaceId, actorId);
        return { kind: "created", community };
      } catch (error) {
        if (!(error instanceof UniqueViolation)) throw error;
        // A double click can break the name rule before the request rule:
        // whichever is reported, the same view id means the same submission.
        if (requestId) {
          const earlier = await this.store.communities.findByRequestId(requestId);
          if (earlier) return { kind: "duplicate", community: earlier };
        }
        if (error.rule === "name") throw nameTaken(draft.name);
        if (error.rule !== "slug") throw error;
      }
    }
    throw new AppError("conflict", { key: "community.name_race" }, "name");
  }

  async attachChannel(communityId: string, channelId: string, actorId: string): Promise<CommunityRecord> {
    try {
      const community = await this.store.communities.attachChannel(communityId, channelId, actorId, this.deps.clock.now());
      this.deps.directory.invalidate(community.workspaceId);
      return community;
    } catch (error) {
      if (error instanceof UniqueViolation && error.rule === "channel") {
        const community = await this.store.communities.findById(communityId);
        const owner = community ? await this.store.communities.findByChannel(community.workspaceId, channelId) : null;
        throw channelTaken(owner?.name ?? null, "existingChannel");
      }
      throw error;
    }
  }

  /** Undoes create() when the channel could not be made, so the name is free again. */
  async discard(community: CommunityRecord): Promise<void> {
    await this.store.communities.discardCommunity(community.id);
    this.deps.directory.invalidate(community.workspaceId, community.createdBy);
  }

  /** One page of the workspace's communities, marked with the viewer's memberships. */
  async list(
    workspace: WorkspaceKey,
    viewerId: string,
    page: number,
  ): Promise<{ items: CommunitySummary[]; total: number; page: number; pageCount: number }> {
    const workspaceId = await this.workspaceId(workspace);
    const wanted = Math.max(0, page);
    const fetch = (p: number) => this.deps.directory.page(workspaceId, viewerId, p * LIST_PAGE_SIZE, LIST_PAGE_SIZE);
    let result = await fetch(wanted);
    const pageCount = Math.max(1, Math.ceil(result.total / LIST_PAGE_SIZE));
    // A stale "Next" button can point past the end after communities are archived.
    const current = Math.min(wanted, pageCount - 1);
    if (current !== wanted) result = await fetch(current);
    return { ...result, page: current, pageCount };
  }

  async byId(communityId: string): Promise<CommunityRecord> {
    const community = await this.store.communities.findById(communityId);
    if (!community) throw new AppError("not_found", { key: "community.gone" });
    // A button on an old message of an archived community: say so, and how to bring it back.
    if (community.archivedAt) throw archived(community);
    return community;
  }

  /**
   * A community named by id in a request (a button's value, a modal's metadata):
   * the id is the requester's word, so it must belong to their workspace.
   */
  async byIdIn(workspace: WorkspaceKey, communityId: string): Promise<CommunityRecord> {
    const community = await this.byId(communityId);
    if (community.workspaceId !== (await this.workspaceId(workspace))) {
      throw new AppError("not_found", { key: "community.other_workspace" });
    }
    return community;
  }

  /**
   * The community a command is about: the one `query` names, else the one whose
   * channel (`channelId`) the command came from. `usage` is what to type, in the
   * edge's own words, for the refusal when neither names one.
   */
  async resolve(
    workspace: WorkspaceKey,
    query: CommunityQuery,
    channelId: string | undefined,
    usage: string,
    opts: { soleMembershipOf?: string } = {},
  ): Promise<CommunityRecord> {
    const workspaceId = await this.workspaceId(workspace);
    if ("channelId" in query) {
      const owner = await this.inChannel(workspace, query.channelId);
      if (owner) return owner;
      throw new AppError("not_found", { key: "community.none_in_channel", channelId: query.channelId });
    }
    const wanted = query.name.trim().replace(/^#/, "");
    if (!wanted) {
      const implied = await this.implied(workspace, channelId, opts.soleMembershipOf);
      if (implied) return implied;
      // No community at all: asking "which?" would be a dead end.
      if (!(await this.store.communities.names(workspaceId)).length) throw new AppError("not_found", { key: "community.none_yet" });
      throw new AppError("invalid_input", { key: "community.which", usage });
    }
    const byName = await this.store.communities.findByNameKey(workspaceId, nameKey(wanted));
    if (byName?.archivedAt) throw archived(byName);
    if (byName) return byName;
    const bySlug = await this.store.communities.findBySlug(workspaceId, slugify(wanted));
    if (bySlug && !bySlug.archivedAt) return bySlug;

    const all = await this.store.communities.names(workspaceId);
    const key = nameKey(wanted);
    const starts = all.filter((c) => nameKey(c.name).startsWith(key) || c.slug.startsWith(slugify(wanted)));
    if (starts.length === 1) return this.byId(starts[0].id);
    throw new AppError("not_found", {
      key: "community.unknown",
      typed: wanted,
      suggestions: suggestedNames(starts.length > 1 ? starts : closestByName(all, key)),
    });
  }

  /** Communities whose name contains the query, for pickers. */
  async search(workspace: WorkspaceKey, query: string, limit: number): Promise<Array<{ id: string; name: string }>> {
    const workspaceId = await this.workspaceId(workspace);
    const key = nameKey(query);
    const all = await this.store.communities.names(workspaceId);
    const starts = all.filter((c) => nameKey(c.name).startsWith(key));
    const contains = all.filter((c) => !nameKey(c.name).startsWith(key) && nameKey(c.name).includes(key));
    return [...starts, ...contains].slice(0, limit);
  }

  /**
   * The community a request means without naming one: the one whose channel it
   * came from, else (given `memberId`) the only community that person is in.
   */
  async implied(workspace: WorkspaceKey, channelId: string | undefined, memberId?: string): Promise<CommunityRecord | null> {
    const here = await this.inChannel(workspace, channelId);
    if (here || !memberId) return here;
    const mine = await this.store.memberships.activeCommunityIds(await this.workspaceId(workspace), memberId);
    return mine.length === 1 ? this.byId(mine[0]) : null;
  }

  /** The community whose channel this is, if any. */
  async inChannel(workspace: WorkspaceKey, channelId: string | undefined): Promise<CommunityRecord | null> {
    if (!channelId) return null;
    const workspaceId = await this.workspaceId(workspace);
    const here = await this.store.communities.findByChannel(workspaceId, channelId);
    return here && !here.archivedAt ? here : null;
  }

  async charter(communityId: string): Promise<Charter> {
    const community = await this.byId(communityId);
    const [members, objectives, problems] = await Promise.all([
      this.store.memberships.activeMembers(communityId),
      this.store.problems.objectives([communityId]),
      this.store.problems.stillOpen(communityId, CHARTER_PROBLEMS_SHOWN),
    ]);
    return {
      community,
      organisers: members.filter((m) => m.role === "organiser"),
      memberCount: members.length,
      objectives,
      problems,
    };
  }

  /** The community's settings, for its organisers only. */
  async asOrganiser(communityId: string, actorId: string, doing: OrganiserAction): Promise<CommunityRecord> {
    const community = await this.byId(communityId);
    await requireOrganiser(this.store, community, actorId, doing);
    return community;
  }

  /** Field errors as checkSettings keys them. `communityId` comes from the form, so it is checked against the workspace. */
  async updateSettings(
    workspace: WorkspaceKey,
    communityId: string,
    actorId: string,
    input: SettingsInput,
  ): Promise<{ community: CommunityRecord; digestChanged: boolean; bankHolidaysBefore: Division | null; roundChanged: boolean }> {
    const community = await this.byIdIn(workspace, communityId);
    await requireOrganiser(this.store, community, actorId, "change_settings");
    const settings = checkSettings(community, input);
    const now = this.deps.clock.now();
    const updated = await this.store.communities.updateSettings(community.id, settings);
    const digestChanged = JSON.stringify(settings.digest) !== JSON.stringify(community.digest);
    await recordAudit(this.store, community, actorId, "community.settings_changed", now, { ...settings });
    const bankHolidaysBefore = updated.bankHolidays !== community.bankHolidays ? community.bankHolidays : null;
    const roundChanged = bankHolidaysBefore !== null || updated.roundDaysBefore !== community.roundDaysBefore;
    return { community: updated, digestChanged, bankHolidaysBefore, roundChanged };
  }

  private async freeSlug(workspaceId: string, name: string): Promise<string> {
    const base = slugify(name);
    const taken = new Set(await this.store.communities.slugsStartingWith(workspaceId, base));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) {
      const candidate = `${base}-${n}`;
      if (!taken.has(candidate)) return candidate;
    }
  }
}

/** The name field's error when another community in the workspace has the name (create and edit charter). */
export function nameTaken(name: string): ValidationError {
  return new ValidationError({ name: { key: "community.name_taken", name } }, "conflict");
}

function archived(community: CommunityRecord): AppError {
  return new AppError("gone", { key: "community.archived", community: community.name });
}

/** `field` is the modal input the channel came from (only a linked channel can be taken). */
function channelTaken(owner: string | null, field: "existingChannel"): ValidationError {
  return new ValidationError({ [field]: { key: "community.channel_taken", owner } }, "conflict");
}
