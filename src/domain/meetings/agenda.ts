// Agendas: members put items on the next meeting of their community (or of a
// group, from the group's channel), from a command or straight from a message;
// organisers, and whoever scheduled the meeting, reorder and remove them. The
// order is written against the meeting's agendaVersion, so two organisers
// moving items at once both get their move and the order stays whole.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, normaliseName, parseWebLink } from "../common/text";
import type { CommunityService } from "../communities/communities";
import { isOrganiser } from "../members/organisers";
import type { AgendaItemRecord, AgendaSource, CommunityRecord, GroupRecord, MeetingRecord, Store, WorkspaceKey } from "../ports";

export const AGENDA_LIMITS = { titleMin: 3, titleMax: 150, linkMax: 500, itemsMax: 50 } as const;
/** Items a page of `/community agenda` shows: one block each, inside Slack's 50 a message. */
export const AGENDA_PAGE_SIZE = 20;
/** How many times a move is tried again when another change to the order got there first. */
const MOVE_TRIES = 5;

/** Where a request points: a community, or one of its groups. */
export interface AgendaPlace {
  community: CommunityRecord;
  group: GroupRecord | null;
}

/** A meeting whose agenda a request is about, with where it belongs. */
export interface AgendaTarget extends AgendaPlace {
  meeting: MeetingRecord;
}

export interface AgendaPage extends AgendaTarget {
  /** This page's items; each keeps its position (0 first) in the whole agenda. */
  items: AgendaItemRecord[];
  total: number;
  page: number;
  pageCount: number;
  viewerId: string;
  /** The reader may reorder and remove every item (an organiser, or whoever scheduled the meeting). */
  canArrange: boolean;
}

/** What the add form sends. `topic` is "stage:<id>" or "problem:<id>" from its one picker. */
export interface AgendaItemInput {
  title?: string | null;
  link?: string | null;
  topic?: string | null;
  messagePermalink?: string | null;
}

export type AgendaMove = "up" | "down" | "top";

export interface TopicChoice {
  id: string;
  title: string;
}

/** Problems the add form's picker offers (most votes first): with the stages, inside a select's 100 options. */
const TOPIC_PROBLEMS = 50;

/** The stage or problem a picker's value names; anything else names nothing. */
export function readTopic(topic: string | null | undefined): { stageId: string | null; problemId: string | null } {
  const match = /^(stage|problem):([A-Za-z0-9_-]{1,40})$/.exec(topic ?? "");
  return { stageId: match?.[1] === "stage" ? match[2] : null, problemId: match?.[1] === "problem" ? match[2] : null };
}

export class AgendaService {
  constructor(private readonly deps: { store: Store; clock: Clock; communities: CommunityService }) {}

  private get store() {
    return this.deps.store;
  }

  /** The place's next meeting (the soonest not yet started), or a refusal that says there is none. */
  async next(place: AgendaPlace): Promise<AgendaTarget> {
    const meeting = await this.store.agenda.nextMeeting(place.community.id, place.group?.id ?? null, this.deps.clock.now());
    if (!meeting) {
      throw new AppError("not_found", { key: "agenda.no_meeting", community: place.community.name, group: place.group?.name ?? null });
    }
    return { ...place, meeting };
  }

  /** A meeting named by id in a request: it must be in the requester's workspace. */
  async target(workspace: WorkspaceKey, meetingId: string): Promise<AgendaTarget> {
    const meeting = await this.store.meetings.findById(meetingId);
    if (!meeting) throw new AppError("not_found", { key: "meeting.gone" });
    const community = await this.deps.communities.byIdIn(workspace, meeting.communityId);
    const group = meeting.groupId ? await this.store.groups.findById(meeting.groupId) : null;
    return { meeting, community, group };
  }

  /** The community's members only: anyone else is told how to join. */
  async requireMember(community: CommunityRecord, actorId: string): Promise<void> {
    const membership = await this.store.memberships.find(community.id, actorId);
    if (membership?.status !== "active") throw new AppError("not_member", { key: "agenda.members_only", community: community.name });
  }

  /** The meeting, if the actor may add to its agenda now: a member, before it starts. */
  async forAdding(workspace: WorkspaceKey, meetingId: string, actorId: string): Promise<AgendaTarget> {
    const target = await this.target(workspace, meetingId);
    await this.requireMember(target.community, actorId);
    this.requireOpen(target.meeting);
    return target;
  }

  /**
   * The next meeting of each place the person belongs to (their communities, and
   * the groups they are in), soonest first: what the add form offers when the
   * request did not come from a community's or a group's channel.
   */
  async choicesFor(workspace: WorkspaceKey, actorId: string, limit: number): Promise<AgendaTarget[]> {
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    const communityIds = workspaceId ? await this.store.memberships.activeCommunityIds(workspaceId, actorId) : [];
    const now = this.deps.clock.now();
    const { items } = await this.store.meetings.upcoming(communityIds, now, 100);
    const memberOf = new Map<string, Set<string>>();
    const seen = new Set<string>();
    const out: AgendaTarget[] = [];
    for (const meeting of items) {
      const place = `${meeting.communityId}:${meeting.groupId ?? ""}`;
      if (meeting.startsAt <= now || seen.has(place)) continue;
      seen.add(place);
      const community = await this.deps.communities.byId(meeting.communityId);
      const group = meeting.groupId ? await this.store.groups.findById(meeting.groupId) : null;
      if (group) {
        if (!memberOf.has(community.id)) {
          const members = await this.store.groups.members(community.id);
          memberOf.set(community.id, new Set([...members].filter(([, ids]) => ids.includes(actorId)).map(([id]) => id)));
        }
        if (!memberOf.get(community.id)?.has(group.id)) continue;
      }
      out.push({ meeting, community, group });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** What an item can be about, for the add form's one picker: the journey's stages in order, and the most-voted open problems. */
  async topics(community: CommunityRecord, viewerId: string): Promise<{ stages: TopicChoice[]; problems: TopicChoice[] }> {
    const [stages, problems] = await Promise.all([
      this.store.journey.stages(community.id),
      this.store.problems.list(community.id, ["open", "objective"], viewerId, { offset: 0, limit: TOPIC_PROBLEMS }),
    ]);
    return {
      stages: stages.filter((s) => s.status === "accepted").map(({ id, title }) => ({ id, title })),
      problems: problems.items.map(({ id, title }) => ({ id, title })),
    };
  }

  /** Field keys in errors: title, link. `requestId` makes a second submission of the same form harmless. */
  async add(
    workspace: WorkspaceKey,
    meetingId: string,
    actorId: string,
    input: AgendaItemInput,
    source: AgendaSource,
    requestId: string | null,
  ): Promise<{ target: AgendaTarget; item: AgendaItemRecord; repeated: boolean }> {
    const target = await this.target(workspace, meetingId);
    await this.requireMember(target.community, actorId);
    if (requestId) {
      const earlier = await this.store.agenda.findByRequestId(requestId);
      if (earlier) return { target, item: earlier, repeated: true };
    }
    this.requireOpen(target.meeting);
    const errors: FieldErrors = {};
    const title = normaliseName(input.title ?? "");
    if (title.length < AGENDA_LIMITS.titleMin) errors.title = { key: "agenda.title_missing", min: AGENDA_LIMITS.titleMin };
    else if (title.length > AGENDA_LIMITS.titleMax)
      errors.title = { key: "text.this_too_long", max: AGENDA_LIMITS.titleMax, length: title.length };
    const rawLink = cleanText(input.link ?? "", "line").trim();
    const link = rawLink ? parseWebLink(rawLink) : null;
    if (rawLink && (!link || link.length > AGENDA_LIMITS.linkMax)) errors.link = { key: "link.not_link" };
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const permalink = input.messagePermalink ? parseWebLink(input.messagePermalink) : null;
    const now = this.deps.clock.now();
    let made: AgendaItemRecord[] | null;
    try {
      made = await this.store.agenda.add(
        meetingId,
        [{ title, proposedBy: actorId, link, messagePermalink: permalink, ...readTopic(input.topic), source, requestId }],
        AGENDA_LIMITS.itemsMax,
        now,
      );
    } catch (error) {
      // The double click raced us to the unique request id: the first one's item stands.
      const earlier =
        requestId && (error as { rule?: string }).rule === "request" ? await this.store.agenda.findByRequestId(requestId) : null;
      if (earlier) return { target, item: earlier, repeated: true };
      throw error;
    }
    if (!made?.length) throw new AppError("conflict", { key: "agenda.full", title: target.meeting.title, max: AGENDA_LIMITS.itemsMax });
    await recordAudit(this.store, target.community, actorId, "agenda.item_added", now, { meetingId, itemId: made[0].id, title, source });
    return { target, item: made[0], repeated: false };
  }

  /** One page of the meeting's agenda for the reader, with what they may change. */
  async page(workspace: WorkspaceKey, meetingId: string, viewerId: string, page: number): Promise<AgendaPage> {
    const target = await this.target(workspace, meetingId);
    const [items, canArrange] = await Promise.all([this.store.agenda.items(meetingId), this.canArrange(target, viewerId)]);
    const pageCount = Math.max(1, Math.ceil(items.length / AGENDA_PAGE_SIZE));
    const current = Math.min(Math.max(0, page), pageCount - 1);
    const shown = items.slice(current * AGENDA_PAGE_SIZE, (current + 1) * AGENDA_PAGE_SIZE);
    return { ...target, items: shown, total: items.length, page: current, pageCount, viewerId, canArrange };
  }

  /**
   * Moves an item one place up or down, or to the top. The order is read and
   * written against the agenda's version: when another change lands first, the
   * move is worked out again on the new order.
   */
  async move(
    workspace: WorkspaceKey,
    itemId: string,
    actorId: string,
    to: AgendaMove,
  ): Promise<{ target: AgendaTarget; item: AgendaItemRecord; index: number }> {
    const { target, item } = await this.forChanging(workspace, itemId, actorId, "arrange");
    for (let attempt = 0; attempt < MOVE_TRIES; attempt++) {
      const version = await this.store.agenda.version(target.meeting.id);
      const order = (await this.store.agenda.items(target.meeting.id)).map((i) => i.id);
      const from = order.indexOf(itemId);
      if (from < 0) throw new AppError("not_found", { key: "agenda.item_gone" });
      const place = Math.min(Math.max(0, to === "up" ? from - 1 : to === "down" ? from + 1 : 0), order.length - 1);
      if (place === from) return { target, item, index: from };
      order.splice(from, 1);
      order.splice(place, 0, itemId);
      if (await this.store.agenda.reorder(target.meeting.id, order, version)) {
        await recordAudit(this.store, target.community, actorId, "agenda.item_moved", this.deps.clock.now(), { itemId, from, to: place });
        return { target, item, index: place };
      }
    }
    throw new AppError("conflict", { key: "agenda.order_busy" });
  }

  /** Removes an item: organisers, whoever scheduled the meeting, and the person who proposed it. */
  async remove(workspace: WorkspaceKey, itemId: string, actorId: string): Promise<{ target: AgendaTarget; item: AgendaItemRecord }> {
    const { target, item } = await this.forChanging(workspace, itemId, actorId, "remove");
    if (!(await this.store.agenda.remove(itemId))) throw new AppError("not_found", { key: "agenda.item_gone" });
    await recordAudit(this.store, target.community, actorId, "agenda.item_removed", this.deps.clock.now(), { itemId, title: item.title });
    return { target, item };
  }

  /** Organisers, and whoever scheduled the meeting. */
  private async canArrange(target: AgendaTarget, actorId: string): Promise<boolean> {
    if (target.meeting.createdBy === actorId) return true;
    return isOrganiser(await this.store.memberships.find(target.community.id, actorId));
  }

  private async forChanging(workspace: WorkspaceKey, itemId: string, actorId: string, doing: "arrange" | "remove") {
    const item = await this.store.agenda.findItem(itemId);
    if (!item) throw new AppError("not_found", { key: "agenda.item_gone" });
    const target = await this.target(workspace, item.meetingId);
    const ownItem = doing === "remove" && item.proposedBy === actorId;
    if (!ownItem && !(await this.canArrange(target, actorId))) {
      throw new AppError("forbidden", { key: "agenda.arrangers_only", community: target.community.name, doing });
    }
    return { target, item };
  }

  /** A cancelled meeting, or one that has started, takes no more items. */
  private requireOpen(meeting: MeetingRecord): void {
    if (meeting.status === "cancelled") throw new AppError("gone", { key: "meeting.cancelled_no_change", title: meeting.title });
    if (meeting.startsAt <= this.deps.clock.now()) throw new AppError("gone", { key: "agenda.meeting_started", title: meeting.title });
  }
}
