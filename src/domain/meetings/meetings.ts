// Meetings: schedule one (or a series), answer Going / Maybe / Can't go, edit or
// reschedule, cancel; and keep each series one occurrence ahead.

import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import type { MeetingAction } from "../common/reasons";
import { isOrganiser } from "../members/organisers";
import type { CommunityRecord, MeetingRecord, RsvpAnswer, Store, WorkspaceKey } from "../ports";
import type { Cancellation, MeetingCard, MeetingChange, UpcomingMeeting } from "./meetingCards";
import type { MeetingDraft } from "./meetingDraft";
import { hasEnded, rollSeries } from "./occurrences";
import { occurrenceStart } from "./recurrence";
import { replanMeeting } from "./reminders";

/** How many of those going a card names; the rest are counted. */
export const GOING_NAMED = 30;
export const UPCOMING_SHOWN = 10;
export const HOME_MEETINGS_SHOWN = 5;
/** How long a claim to post an announcement holds before another replica may try. */
export const ANNOUNCE_LEASE_MS = 60_000;

export type { Cancellation, MeetingCard, MeetingChange, UpcomingMeeting } from "./meetingCards";

/** "this" changes one occurrence of a series; "following" changes it and the ones after. */
export type SeriesScope = "this" | "following";

export class MeetingService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private get store() {
    return this.deps.store;
  }

  /** Organisers may schedule; members too when the community allows it. Anyone else is refused. */
  async requireScheduler(community: CommunityRecord, actorId: string): Promise<void> {
    const membership = await this.store.memberships.find(community.id, actorId);
    const active = membership?.status === "active";
    if (active && (membership.role === "organiser" || community.membersCanSchedule)) return;
    throw new AppError("forbidden", {
      key: "meeting.schedulers_only",
      community: community.name,
      membersCanSchedule: community.membersCanSchedule,
      isMember: active,
    });
  }

  /**
   * Schedules a meeting, or the first of a series together with the next one.
   * A second submission of the same modal (a double click) returns the first's meetings.
   */
  async schedule(
    community: CommunityRecord,
    actorId: string,
    draft: MeetingDraft,
    requestId: string | null,
    /** A group's meeting: the group is the community's (the caller found it so). */
    groupId: string | null = null,
  ): Promise<{ meetings: MeetingRecord[]; repeated: boolean }> {
    await this.requireScheduler(community, actorId);
    if (requestId) {
      const earlier = await this.store.meetings.findByRequestId(requestId);
      if (earlier.length) return { meetings: earlier, repeated: true };
    }
    const now = this.deps.clock.now();
    const recurring = draft.rule.kind !== "none";
    const nextStart = recurring ? occurrenceStart(draft.rule, draft.startsAt, community.timezone, 1) : null;
    let meetings: MeetingRecord[];
    try {
      meetings = await this.store.meetings.schedule(
        {
          communityId: community.id,
          groupId,
          fields: draft.fields,
          stageIds: draft.stageIds,
          startsAt: draft.startsAt,
          timezone: community.timezone,
          createdBy: actorId,
          createRequestId: requestId,
          now,
        },
        recurring ? { rule: draft.rule, nextStart } : undefined,
      );
    } catch (error) {
      // The double click raced us to the unique request id: the first one's meetings stand.
      if (requestId && (error as { rule?: string }).rule === "request")
        return { meetings: await this.store.meetings.findByRequestId(requestId), repeated: true };
      throw error;
    }
    for (const meeting of meetings) await replanMeeting(this.store, meeting, now);
    await recordAudit(this.store, community, actorId, "meeting.scheduled", now, {
      meetingId: meetings[0].id,
      title: draft.fields.title,
      startsAt: draft.startsAt.toISOString(),
      rule: draft.rule,
    });
    return { meetings, repeated: false };
  }

  async byId(meetingId: string): Promise<MeetingRecord> {
    const meeting = await this.store.meetings.findById(meetingId);
    if (!meeting) throw new AppError("not_found", { key: "meeting.gone" });
    return meeting;
  }

  async card(meetingId: string): Promise<MeetingCard> {
    return this.cardOf(await this.byId(meetingId));
  }

  private async cardOf(meeting: MeetingRecord, community?: CommunityRecord): Promise<MeetingCard> {
    const [found, tally, series, next, stages, agenda, group, outcomes] = await Promise.all([
      community ? Promise.resolve(community) : this.store.communities.findById(meeting.communityId),
      this.store.meetings.tally(meeting.id, GOING_NAMED),
      meeting.seriesId ? this.store.meetings.series(meeting.seriesId) : Promise.resolve(null),
      // The next occurrence as it really is (one may have been moved or cancelled on its own).
      meeting.seriesId ? this.store.meetings.nextOccurrence(meeting.seriesId, meeting.occurrence) : Promise.resolve(null),
      this.store.meetingStages.stagesOf([meeting.id]),
      this.store.agenda.items(meeting.id),
      meeting.groupId ? this.store.groups.findById(meeting.groupId) : Promise.resolve(null),
      this.store.outcomes.summaries([meeting.id]),
    ]);
    if (!found) throw new AppError("not_found", { key: "meeting.community_gone" });
    // A series ended at or before this meeting no longer repeats, as far as this meeting is concerned.
    const repeating = series && (series.lastIndex === null || meeting.occurrence < series.lastIndex) ? series : null;
    const nextStart = repeating ? (next?.startsAt ?? null) : null;
    return {
      meeting,
      community: found,
      group,
      tally,
      series: repeating,
      nextStart,
      stages: stages.get(meeting.id) ?? [],
      agenda,
      outcome: outcomes.get(meeting.id) ?? null,
    };
  }

  /** A meeting named by id in a request: it must belong to the requester's workspace. */
  /** The meeting's card, if it is in the workspace; null: asked from a signed web link, which is its own authority. */
  private async inWorkspace(workspace: WorkspaceKey | null, meetingId: string): Promise<MeetingCard> {
    const card = await this.card(meetingId);
    if (!workspace) return card;
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    if (card.community.workspaceId !== workspaceId) throw new AppError("not_found", { key: "meeting.gone" });
    return card;
  }

  /** The meeting's card, if the actor may change it: an organiser, or whoever scheduled it. */
  async asEditor(workspace: WorkspaceKey, meetingId: string, actorId: string, doing: MeetingAction): Promise<MeetingCard> {
    const card = await this.inWorkspace(workspace, meetingId);
    if (card.meeting.createdBy === actorId) return card;
    if (isOrganiser(await this.store.memberships.find(card.community.id, actorId))) return card;
    throw new AppError("forbidden", { key: "meeting.editors_only", community: card.community.name, action: doing });
  }

  /**
   * Edits or reschedules a meeting. In a series, "this" changes one occurrence
   * and "following" changes it and every later one (the rule too). A one-off
   * given a rule becomes the first of a series.
   */
  async edit(
    workspace: WorkspaceKey,
    meetingId: string,
    actorId: string,
    draft: MeetingDraft,
    scope: SeriesScope,
    seenSequence: number | undefined,
  ): Promise<{ changes: MeetingChange[]; cancellations: Cancellation[]; seriesId: string | null }> {
    const { meeting, community, series } = await this.asEditor(workspace, meetingId, actorId, "change");
    if (meeting.status === "cancelled") throw new AppError("gone", { key: "meeting.cancelled_no_change", title: meeting.title });
    const now = this.deps.clock.now();
    const changes: MeetingChange[] = [];
    const cancellations: Cancellation[] = [];
    const content = { fields: draft.fields, stageIds: draft.stageIds };
    const change = async (before: MeetingRecord, startsAt: Date, expectedSequence?: number) => {
      const after = await this.store.meetings.update(before.id, { ...content, startsAt }, now, expectedSequence);
      if (after) changes.push({ before, after, tell: await this.store.meetings.respondents(before.id, ["going", "maybe"]) });
      return after;
    };

    // Only if it is still the version the editor opened: a repeated submit, or someone else's
    // change in between, must not be applied twice or silently overwritten.
    if (!(await change(meeting, draft.startsAt, seenSequence ?? meeting.sequence))) {
      throw new AppError("conflict", { key: "meeting.changed_meanwhile" });
    }
    let seriesId = series?.id ?? null;
    if (!series && draft.rule.kind !== "none") {
      seriesId = (await this.store.meetings.startSeries(meeting.id, draft.rule, now)).id;
    } else if (series && scope === "following") {
      const ends = draft.rule.kind === "none";
      await this.store.meetings.updateSeries(series.id, {
        ...(ends ? { lastIndex: meeting.occurrence } : { rule: draft.rule, anchorStart: draft.startsAt, anchorIndex: meeting.occurrence }),
        template: draft.fields,
        stageIds: draft.stageIds,
      });
      for (const later of await this.store.meetings.occurrences(series.id, meeting.occurrence + 1)) {
        if (later.status !== "scheduled") continue;
        if (ends) {
          const gone = await this.cancelOne(later.id, now);
          if (gone) cancellations.push(gone);
          continue;
        }
        const startsAt = occurrenceStart(draft.rule, draft.startsAt, community.timezone, later.occurrence - meeting.occurrence);
        if (startsAt) await change(later, startsAt);
      }
    }
    // Pending reminders follow the meeting: at its new time, or none once it is cancelled.
    for (const { after } of changes) await replanMeeting(this.store, after, now);
    for (const { meeting: gone } of cancellations) await replanMeeting(this.store, gone, now);
    await recordAudit(this.store, community, actorId, "meeting.changed", now, {
      meetingId,
      scope,
      startsAt: draft.startsAt.toISOString(),
      title: draft.fields.title,
      rule: draft.rule,
    });
    return { changes, cancellations, seriesId };
  }

  /** Cancels a meeting, or (in a series) it and every later one. */
  async cancel(workspace: WorkspaceKey, meetingId: string, actorId: string, scope: SeriesScope): Promise<Cancellation[]> {
    const { meeting, community, series } = await this.asEditor(workspace, meetingId, actorId, "cancel");
    if (meeting.status === "cancelled") throw new AppError("gone", { key: "meeting.already_cancelled", title: meeting.title });
    const now = this.deps.clock.now();
    const targets = [meeting];
    if (series && scope === "following") {
      await this.store.meetings.updateSeries(series.id, { lastIndex: meeting.occurrence - 1 });
      targets.push(...(await this.store.meetings.occurrences(series.id, meeting.occurrence + 1)).filter((m) => m.status === "scheduled"));
    }
    const cancellations: Cancellation[] = [];
    for (const target of targets) {
      const gone = await this.cancelOne(target.id, now);
      if (gone) cancellations.push(gone);
    }
    if (!cancellations.length) throw new AppError("gone", { key: "meeting.already_cancelled", title: meeting.title });
    for (const { meeting: gone } of cancellations) await replanMeeting(this.store, gone, now);
    await recordAudit(this.store, community, actorId, "meeting.cancelled", now, {
      meetingId,
      scope,
      cancelled: cancellations.map((c) => c.meeting.id),
    });
    return cancellations;
  }

  /** Cancels one meeting if it is still scheduled, with everyone who answered (to be told); null if it was not. */
  private async cancelOne(meetingId: string, now: Date): Promise<Cancellation | null> {
    if (!(await this.store.meetings.cancel(meetingId, now))) return null;
    const meeting = await this.store.meetings.findById(meetingId);
    return meeting ? { meeting, tell: await this.store.meetings.respondents(meetingId, ["going", "maybe", "not_going"]) } : null;
  }

  /** Records Going / Maybe / Can't go; answering again replaces the answer. */
  async answer(workspace: WorkspaceKey | null, meetingId: string, slackUserId: string, answer: RsvpAnswer): Promise<MeetingCard> {
    const { meeting } = await this.inWorkspace(workspace, meetingId);
    if (meeting.status === "cancelled") throw new AppError("gone", { key: "meeting.cancelled_no_answers", title: meeting.title });
    const now = this.deps.clock.now();
    if (hasEnded(meeting, now)) throw new AppError("gone", { key: "meeting.over", title: meeting.title });
    const membership = await this.store.memberships.find(meeting.communityId, slackUserId);
    await this.store.meetings.answer(
      meeting.id,
      slackUserId,
      answer,
      membership?.status === "active" ? membership.organisation : null,
      now,
    );
    return this.cardOf(meeting);
  }

  claimAnnouncement(meetingId: string, channelId: string): Promise<boolean> {
    return this.store.meetings.claimAnnouncement(meetingId, channelId, this.deps.clock.now(), ANNOUNCE_LEASE_MS);
  }

  /** A series' announced occurrences still to come, whose cards show its next date. */
  async announcedInSeries(seriesId: string): Promise<string[]> {
    const now = this.deps.clock.now();
    const occurrences = await this.store.meetings.occurrences(seriesId, 0);
    return occurrences.filter((m) => m.status === "scheduled" && m.announcementTs && !hasEnded(m, now)).map((m) => m.id);
  }

  /** One-offs whose announcement failed or whose poster died: the tick tries them again. */
  async unannounced(): Promise<MeetingRecord[]> {
    const now = this.deps.clock.now();
    return this.store.meetings.unannounced(now, new Date(now.getTime() - ANNOUNCE_LEASE_MS), 20);
  }

  recordAnnouncement(meetingId: string, channelId: string, ts: string): Promise<void> {
    return this.store.meetings.setAnnouncement(meetingId, channelId, ts);
  }

  releaseAnnouncement(meetingId: string): Promise<void> {
    return this.store.meetings.releaseAnnouncement(meetingId);
  }

  /** A meeting, or null if it has gone (for builders that skip rather than fail). */
  find(meetingId: string): Promise<MeetingRecord | null> {
    return this.store.meetings.findById(meetingId);
  }

  /** Those answering Going or Maybe, earliest first: who gets reminders. */
  goingOrMaybe(meetingId: string): Promise<string[]> {
    return this.store.meetings.respondents(meetingId, ["going", "maybe"]);
  }

  async answerOf(meetingId: string, slackUserId: string): Promise<RsvpAnswer | null> {
    return (await this.store.meetings.answersOf([meetingId], slackUserId)).get(meetingId) ?? null;
  }

  /** Upcoming meetings of the person's communities, soonest first, with their answers. */
  async upcomingFor(
    workspace: WorkspaceKey,
    slackUserId: string,
    limit: number,
  ): Promise<{ items: UpcomingMeeting[]; total: number; memberOfAny: boolean }> {
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    const communityIds = workspaceId ? await this.store.memberships.activeCommunityIds(workspaceId, slackUserId) : [];
    const { items, total } = await this.store.meetings.upcoming(communityIds, this.deps.clock.now(), limit);
    const answers = await this.store.meetings.answersOf(
      items.map((m) => m.id),
      slackUserId,
    );
    const cards = await Promise.all(items.map((m) => this.cardOf(m)));
    return {
      items: cards.map((card) => ({ card, answer: answers.get(card.meeting.id) ?? null })),
      total,
      memberOfAny: communityIds.length > 0,
    };
  }

  /**
   * Keeps every series one occurrence ahead (see rollSeries). Returns the
   * current occurrences nobody has announced yet, which the app announces.
   */
  roll(seriesId?: string): Promise<MeetingRecord[]> {
    return rollSeries(this.store, this.deps.clock.now(), seriesId);
  }
}
