// A community's end, undone or for good. Archiving keeps every record but takes
// the community out of the list, search and pickers and stops its digests and
// reminders (the dispatcher skips the messages of an archived community), until
// an organiser unarchives it. Deleting removes its data, after the organiser has
// typed its name. Neither touches the Slack channel: that stays the workspace's.
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import { closestByName, suggestedNames } from "../common/suggestions";
import { nameKey } from "../common/text";
import { requireOrganiser } from "../members/organisers";
import type { CommunityRecord, RemovedCounts, Store, WorkspaceKey } from "../ports";
import type { CommunityService } from "./communities";
import type { CommunityDirectory } from "./directory";

/** Whether a community's messages may still go: the dispatcher asks before building one. */
export type CommunityStanding = "active" | "archived" | "deleted";

export interface Deletion {
  /** The community as it was, for the reply and the channel's last message. */
  community: CommunityRecord;
  removed: RemovedCounts;
}

export class LifecycleService {
  constructor(private readonly deps: { store: Store; clock: Clock; directory: CommunityDirectory; communities: CommunityService }) {}

  private get store() {
    return this.deps.store;
  }

  /** Archives the community. Only its organisers may; archiving an archived community is refused with what to do instead. */
  async archive(workspace: WorkspaceKey, communityId: string, actorId: string): Promise<CommunityRecord> {
    const community = await this.inWorkspace(workspace, communityId);
    await requireOrganiser(this.store, community, actorId, "archive");
    if (community.archivedAt) throw new AppError("conflict", { key: "community.archived", community: community.name });
    const now = this.deps.clock.now();
    const archived = await this.store.communities.setArchived(community.id, now, this.audit(community, actorId, "community.archived", now));
    this.deps.directory.invalidate(community.workspaceId);
    return archived;
  }

  async unarchive(workspace: WorkspaceKey, communityId: string, actorId: string): Promise<CommunityRecord> {
    const community = await this.inWorkspace(workspace, communityId);
    await requireOrganiser(this.store, community, actorId, "unarchive");
    if (!community.archivedAt) throw new AppError("conflict", { key: "community.not_archived", community: community.name });
    const now = this.deps.clock.now();
    const restored = await this.store.communities.setArchived(
      community.id,
      null,
      this.audit(community, actorId, "community.unarchived", now),
    );
    this.deps.directory.invalidate(community.workspaceId);
    return restored;
  }

  /**
   * Deletes the community once `typedName` matches its name (ignoring case and
   * spacing, as names are compared everywhere). An archived community can be
   * deleted too: archiving first is the cautious way to get there.
   */
  async delete(workspace: WorkspaceKey, communityId: string, actorId: string, typedName: string): Promise<Deletion> {
    const community = await this.inWorkspace(workspace, communityId);
    await requireOrganiser(this.store, community, actorId, "delete");
    if (!typedName.trim()) throw new ValidationError({ confirm: { key: "community.delete_confirm_missing", community: community.name } });
    if (nameKey(typedName) !== nameKey(community.name)) {
      throw new ValidationError({ confirm: { key: "community.delete_confirm_mismatch", community: community.name } });
    }
    const now = this.deps.clock.now();
    // The event outlives the community: it names it, who deleted it and what went, and nothing about its members.
    const removed = await this.store.communities.deleteCommunity(community.id, {
      workspaceId: community.workspaceId,
      communityId: null,
      actorId,
      action: "community.deleted",
      detail: { communityId: community.id, name: community.name },
      at: now,
    });
    this.deps.directory.invalidate(community.workspaceId);
    return { community, removed };
  }

  /** The community, for the delete form: its organisers only, archived or not. */
  async forDeleting(workspace: WorkspaceKey, communityId: string, actorId: string): Promise<CommunityRecord> {
    const community = await this.inWorkspace(workspace, communityId);
    await requireOrganiser(this.store, community, actorId, "delete");
    return community;
  }

  /** The archived communities this person organises: what `/community unarchive` offers. */
  async archivedFor(workspace: WorkspaceKey, actorId: string): Promise<CommunityRecord[]> {
    const workspaceId = await this.deps.communities.workspaceId(workspace);
    return this.store.communities.archivedOrganisedBy(workspaceId, actorId);
  }

  /**
   * An archived community by the name an organiser typed. Archived communities
   * are out of the usual lookup (resolve), so this one searches only them.
   */
  async archivedNamed(workspace: WorkspaceKey, actorId: string, typed: string): Promise<CommunityRecord> {
    const workspaceId = await this.deps.communities.workspaceId(workspace);
    const key = nameKey(typed.replace(/^#/, ""));
    const exact = await this.store.communities.findByNameKey(workspaceId, key);
    if (exact?.archivedAt) return exact;
    if (exact) throw new AppError("conflict", { key: "community.not_archived", community: exact.name });
    const archived = await this.store.communities.archivedOrganisedBy(workspaceId, actorId);
    const starts = archived.filter((c) => nameKey(c.name).startsWith(key));
    if (starts.length === 1) return starts[0];
    if (!archived.length) throw new AppError("not_found", { key: "community.no_archived" });
    throw new AppError("not_found", {
      key: "community.unknown_archived",
      typed: typed.trim(),
      suggestions: suggestedNames(starts.length > 1 ? starts : closestByName(archived, key)),
    });
  }

  /** Whether the community's messages may go: checked when each falls due, so archiving stops them and unarchiving lets later ones go. */
  async standing(communityId: string): Promise<CommunityStanding> {
    const community = await this.store.communities.findById(communityId);
    if (!community) return "deleted";
    return community.archivedAt ? "archived" : "active";
  }

  /** A community named by id in a request, archived or not, in the requester's workspace. */
  private async inWorkspace(workspace: WorkspaceKey, communityId: string): Promise<CommunityRecord> {
    const community = await this.store.communities.findById(communityId);
    if (!community || community.workspaceId !== (await this.deps.communities.workspaceId(workspace))) {
      throw new AppError("not_found", { key: "community.gone" });
    }
    return community;
  }

  private audit(community: CommunityRecord, actorId: string, action: string, at: Date) {
    return { workspaceId: community.workspaceId, communityId: community.id, actorId, action, at };
  }
}
