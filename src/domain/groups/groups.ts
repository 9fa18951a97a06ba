// Sub-groups: a large community splits into smaller groups focused on one area
// (for example user research) that meet more often and feed back to the whole.
// Organisers create them; the community's members join and leave them.
// Lookups by name are kept general: meetings and problems will belong to a group.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { Reason } from "../common/reasons";
import { closestByName, suggestedNames } from "../common/suggestions";
import { nameKey, slugify } from "../common/text";
import type { CommunityService } from "../communities/communities";
import { isOrganiser, requireOrganiser } from "../members/organisers";
import { type CommunityRecord, type GroupRecord, type Store, UniqueViolation, type WorkspaceKey } from "../ports";
import type { GroupDraft } from "./groupDraft";

/** A second submission of the same modal within this time is a repeat, not a clash (see create). */
const REPEAT_WINDOW_MS = 60_000;

export type CreateGroupResult =
  | { kind: "created"; group: GroupRecord }
  /** The same organiser submitted the same group again (a double click, a retry): nothing new was made. */
  | { kind: "duplicate"; group: GroupRecord };

export interface GroupListing {
  group: GroupRecord;
  /** Members who are still active in the community, earliest first. */
  memberIds: string[];
}

export interface GroupsOverview {
  community: CommunityRecord;
  groups: GroupListing[];
  viewerId: string;
  viewerIsMember: boolean;
  viewerIsOrganiser: boolean;
}

/** How a request names a group: its words, and the channel naming its community when the request gave one. */
export interface GroupQuery {
  words: string[];
  channelId: string | null;
}

export interface GroupInCommunity {
  community: CommunityRecord;
  group: GroupRecord;
}

export class GroupService {
  constructor(private readonly deps: { store: Store; clock: Clock; communities: CommunityService }) {}

  private get store() {
    return this.deps.store;
  }

  /** Refuses anyone but the community's organisers, before they fill in the form. */
  requireCreator(community: CommunityRecord, actorId: string): Promise<void> {
    return requireOrganiser(this.store, community, actorId, "create_groups");
  }

  /**
   * Stores the group with its creator as first member, without a channel yet:
   * the name is claimed first, so a clash never leaves a channel behind. The
   * channel is attached with complete(), or the group discarded if Slack
   * refuses the channel. Field errors: name, existingChannel.
   */
  async create(community: CommunityRecord, actorId: string, draft: GroupDraft): Promise<CreateGroupResult> {
    await this.requireCreator(community, actorId);
    const key = nameKey(draft.name);
    const clash = await this.store.groups.findByNameKey(community.id, key);
    if (clash) return this.repeatOrClash(community, clash, actorId, draft);
    if (draft.channel?.kind === "existing") await this.requireFreeChannel(community, draft.channel.channelId);
    try {
      const group = await this.store.groups.create({
        communityId: community.id,
        name: draft.name,
        nameKey: key,
        focus: draft.focus,
        createdBy: actorId,
        now: this.deps.clock.now(),
      });
      return { kind: "created", group };
    } catch (error) {
      // Two submissions at once: the unique key let one through.
      if (!(error instanceof UniqueViolation) || error.rule !== "name") throw error;
      const winner = await this.store.groups.findByNameKey(community.id, key);
      if (!winner) throw error;
      return this.repeatOrClash(community, winner, actorId, draft);
    }
  }

  /** Attaches the channel the group got (if any) and records the creation. */
  async complete(
    community: CommunityRecord,
    group: GroupRecord,
    actorId: string,
    channel: { kind: "new" | "existing"; channelId: string } | null,
  ): Promise<GroupRecord> {
    const done = channel ? await this.store.groups.setChannel(group.id, channel.channelId) : group;
    await recordAudit(this.store, community, actorId, "group.created", this.deps.clock.now(), {
      groupId: group.id,
      name: group.name,
      focus: group.focus,
      channelId: channel?.channelId ?? null,
      channel: channel?.kind ?? "none",
    });
    return done;
  }

  /** Undoes create() when the channel could not be made or linked, so the name is free again. */
  async discard(group: GroupRecord): Promise<void> {
    await this.store.groups.discard(group.id);
  }

  /** The community's group with exactly this name (any case and spacing), if there is one. */
  find(communityId: string, name: string): Promise<GroupRecord | null> {
    return this.store.groups.findByNameKey(communityId, nameKey(name));
  }

  /** The community's groups, by name. */
  list(communityId: string): Promise<GroupRecord[]> {
    return this.store.groups.list(communityId);
  }

  /**
   * The community's group named `name`: exactly, or the one group whose name
   * begins so. Otherwise a not_found error that suggests the nearest names.
   */
  async named(community: CommunityRecord, name: string): Promise<GroupRecord> {
    const exact = await this.find(community.id, name);
    if (exact) return exact;
    const groups = await this.list(community.id);
    const key = nameKey(name);
    const starts = key ? groups.filter((g) => nameKey(g.name).startsWith(key)) : [];
    if (starts.length === 1) return starts[0];
    throw unknownGroup(community, name, starts.length > 1 ? starts : closestByName(groups, key), groups.length);
  }

  /** A group named by id in a request (a button's value): it must belong to an active community of the requester's workspace. */
  async byIdIn(workspace: WorkspaceKey, groupId: string): Promise<GroupInCommunity> {
    const gone = new AppError("not_found", { key: "group.gone" });
    const group = await this.store.groups.findById(groupId);
    if (!group) throw gone;
    // An archived community's group, or another workspace's, is as gone to the requester as a deleted one.
    const community = await this.deps.communities.byIdIn(workspace, group.communityId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? gone : error;
    });
    return { community, group };
  }

  /**
   * The group (and its community) a command names: "<group> [community]".
   * In order: a channel (the command's trailing mention) names the community; the whole text is
   * a group of the community this channel belongs to (its own channel or one of
   * its groups'); "<group> <community>" with the longest group name that leaves
   * a community's exact name or slug; the whole text is the only group so named
   * in the workspace. With no text, the group whose channel this is.
   */
  async locate(workspace: WorkspaceKey, query: GroupQuery, channelId: string | undefined, usage: string): Promise<GroupInCommunity> {
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    if (!workspaceId) throw new AppError("not_found", { key: "group.no_communities" });
    const { words, channelId: mentioned } = query;
    const here = await this.placeOf(workspaceId, channelId);
    if (words.length === 0 && !mentioned) {
      if (here?.group) return { community: here.community, group: here.group };
      throw new AppError("invalid_input", { key: "group.which", usage });
    }

    if (mentioned) {
      const place = await this.placeOf(workspaceId, mentioned);
      if (!place) throw new AppError("not_found", { key: "community.none_in_channel", channelId: mentioned });
      const rest = words.join(" ");
      if (!rest && place.group) return { community: place.community, group: place.group };
      return { community: place.community, group: await this.named(place.community, rest) };
    }

    const whole = words.join(" ");
    if (here) {
      const group = await this.find(here.community.id, whole);
      if (group) return { community: here.community, group };
    }

    const communities = await this.store.communities.names(workspaceId);
    const exactCommunity = (typed: string) => communities.find((c) => nameKey(c.name) === nameKey(typed) || c.slug === slugify(typed));
    let likeliest: { communityId: string; groupName: string } | null = null;
    for (let split = words.length - 1; split >= 1; split--) {
      const community = exactCommunity(words.slice(split).join(" "));
      if (!community) continue;
      const groupName = words.slice(0, split).join(" ");
      const group = await this.find(community.id, groupName);
      if (group) return { community: await this.deps.communities.byId(community.id), group };
      likeliest ??= { communityId: community.id, groupName };
    }

    const anywhere = await this.store.groups.findByNameKeyInWorkspace(workspaceId, nameKey(whole));
    if (anywhere.length === 1) return { community: await this.deps.communities.byId(anywhere[0].communityId), group: anywhere[0] };
    if (anywhere.length > 1) {
      const owners = communities.filter((c) => anywhere.some((g) => g.communityId === c.id));
      throw new AppError("invalid_input", {
        key: "group.ambiguous",
        name: anywhere[0].name,
        communities: owners.map((c) => c.name),
        usage,
      });
    }

    // Not found: explain against the community the person most likely meant.
    if (likeliest) {
      const community = await this.deps.communities.byId(likeliest.communityId);
      return { community, group: await this.named(community, likeliest.groupName) };
    }
    if (here) return { community: here.community, group: await this.named(here.community, whole) };
    throw new AppError("not_found", { key: "group.unknown_anywhere", typed: whole, usage });
  }

  /** The community whose channel this is, or whose group's channel it is, with that group (when one group alone uses it). */
  async placeOfChannel(
    workspace: WorkspaceKey,
    channelId: string | undefined,
  ): Promise<{ community: CommunityRecord; group?: GroupRecord } | null> {
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    return workspaceId ? this.placeOf(workspaceId, channelId) : null;
  }

  /** The community whose channel this is, or whose group's channel it is. */
  async communityOfChannel(workspace: WorkspaceKey, channelId: string | undefined): Promise<CommunityRecord | null> {
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    return workspaceId ? ((await this.placeOf(workspaceId, channelId))?.community ?? null) : null;
  }

  /** Community members only. "already": they were in it. Records group.joined. */
  async join(community: CommunityRecord, group: GroupRecord, slackUserId: string): Promise<"joined" | "already"> {
    const membership = await this.store.memberships.find(community.id, slackUserId);
    if (membership?.status !== "active") {
      throw new AppError("not_member", { key: "group.members_only", community: community.name, group: group.name });
    }
    const now = this.deps.clock.now();
    if (!(await this.store.groups.addMember(group.id, slackUserId, now))) return "already";
    await this.audit(community, slackUserId, "group.joined", group);
    return "joined";
  }

  /**
   * "not_in": they were not in it. Someone who has left the community may still
   * leave a group they were in; anyone else outside the community is told so.
   * Records group.left.
   */
  async leave(community: CommunityRecord, group: GroupRecord, slackUserId: string): Promise<"left" | "not_in"> {
    if (await this.store.groups.removeMember(group.id, slackUserId)) {
      await this.audit(community, slackUserId, "group.left", group);
      return "left";
    }
    const membership = await this.store.memberships.find(community.id, slackUserId);
    if (membership?.status !== "active") {
      throw new AppError("not_member", { key: "group.not_in_to_leave", community: community.name, group: group.name });
    }
    return "not_in";
  }

  /** Everything `/community groups` shows: each group with its members, and what the reader may do. */
  async overview(community: CommunityRecord, viewerId: string): Promise<GroupsOverview> {
    const [groups, members, membership] = await Promise.all([
      this.store.groups.list(community.id),
      this.store.groups.members(community.id),
      this.store.memberships.find(community.id, viewerId),
    ]);
    return {
      community,
      groups: groups.map((group) => ({ group, memberIds: members.get(group.id) ?? [] })),
      viewerId,
      viewerIsMember: membership?.status === "active",
      viewerIsOrganiser: isOrganiser(membership),
    };
  }

  private async audit(community: CommunityRecord, actorId: string, action: string, group: GroupRecord): Promise<void> {
    await recordAudit(this.store, community, actorId, action, this.deps.clock.now(), { groupId: group.id, name: group.name });
  }

  /** The community whose channel this is, or whose group's channel it is (with that group when only one uses it). */
  private async placeOf(
    workspaceId: string,
    channelId: string | undefined,
  ): Promise<{ community: CommunityRecord; group?: GroupRecord } | null> {
    if (!channelId) return null;
    const community = await this.store.communities.findByChannel(workspaceId, channelId);
    if (community && !community.archivedAt) return { community };
    const groups = await this.store.groups.findByChannel(workspaceId, channelId);
    if (groups.length === 0) return null;
    const owner = await this.deps.communities.byId(groups[0].communityId);
    const ofOwner = groups.filter((g) => g.communityId === owner.id);
    return ofOwner.length === 1 ? { community: owner, group: ofOwner[0] } : { community: owner };
  }

  private async repeatOrClash(
    community: CommunityRecord,
    existing: GroupRecord,
    actorId: string,
    draft: GroupDraft,
  ): Promise<CreateGroupResult> {
    const age = this.deps.clock.now().getTime() - existing.createdAt.getTime();
    // Group has no request id column: the same organiser sending the same name
    // and focus moments apart is Slack repeating a submission, not a clash.
    if (existing.createdBy === actorId && existing.focus === draft.focus && age >= 0 && age < REPEAT_WINDOW_MS) {
      return { kind: "duplicate", group: existing };
    }
    throw new ValidationError({ name: { key: "group.name_taken", community: community.name, name: existing.name } }, "conflict");
  }

  /** A linked channel must not already be a community's or another group's. Field: existingChannel. */
  private async requireFreeChannel(community: CommunityRecord, channelId: string): Promise<void> {
    const taken = (reason: Reason) => new ValidationError({ existingChannel: reason }, "conflict");
    if (channelId === community.slackChannelId) throw taken({ key: "group.channel_is_community", community: community.name });
    const owner = await this.store.communities.findByChannel(community.workspaceId, channelId);
    if (owner) throw taken({ key: "group.channel_of_community", community: owner.name });
    const [group] = await this.store.groups.findByChannel(community.workspaceId, channelId);
    if (group) throw taken({ key: "group.channel_of_group", group: group.name });
  }
}

function unknownGroup(community: CommunityRecord, typed: string, suggestions: GroupRecord[], groupCount: number): AppError {
  if (groupCount === 0) return new AppError("not_found", { key: "group.none_yet", community: community.name });
  return new AppError("not_found", { key: "group.unknown", community: community.name, typed, suggestions: suggestedNames(suggestions) });
}
