// Actions get done: each action agreed at a meeting belongs to a member, who is
// reminded the working day before it is due and again once it is overdue
// (through the outbox), and closes it (Done) or moves its date. An overdue
// action is carried onto the next meeting's agenda, so it is talked about.
import { DateTime } from "luxon";
import type { Division } from "../../reference/bankHolidays";
import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { CommunityService } from "../communities/communities";
import { isOrganiser } from "../members/organisers";
import { kindsAbout } from "../outbox";
import { actionReminder } from "../outbox/actionReminder";
import type { ActionInContext, ActionItemRecord, CommunityRecord, NewOutboxRow, Store, WorkspaceKey } from "../ports";
import { dayBeforeReminder, overdueReminder, today, type WorkCalendar } from "./actionDays";
import { AGENDA_LIMITS } from "./agenda";

export const ACTIONS_PAGE_SIZE = 20;
export const HOME_ACTIONS_SHOWN = 5;
/** How far ahead a due date may be moved. */
const LATEST_DUE_YEARS = 3;

export type ActionFilter = "mine" | "open" | "done";

export interface ActionsPage {
  community: CommunityRecord;
  filter: ActionFilter;
  items: ActionInContext[];
  total: number;
  page: number;
  pageCount: number;
  viewerId: string;
  viewerIsOrganiser: boolean;
}

/** Where a community's actions are reminded: its zone and its bank holidays. */
export function workCalendar(community: { timezone: string; bankHolidays: Division }): WorkCalendar {
  return { zone: community.timezone, division: community.bankHolidays };
}

/** The reminder rows for an open action, still ahead of `now`. */
export function actionReminderRows(action: ActionItemRecord, calendar: WorkCalendar, now: Date): NewOutboxRow[] {
  if (action.status !== "open") return [];
  const due = { before: dayBeforeReminder(action.dueOn, calendar), overdue: overdueReminder(action.dueOn, calendar) };
  return (["before", "overdue"] as const)
    .filter((when) => due[when].getTime() > now.getTime())
    .map((when) =>
      actionReminder.row({
        target: action.ownerId,
        communityId: action.communityId,
        subjectId: action.id,
        payload: { when, dueOn: action.dueOn },
        dueAt: due[when],
        dedupeKey: `action:${action.id}:${when}:${action.dueOn}`,
      }),
    );
}

export class ActionService {
  constructor(private readonly deps: { store: Store; clock: Clock; communities: CommunityService }) {}

  private get store() {
    return this.deps.store;
  }

  /** An action, or null if it has gone (for builders that skip rather than fail). */
  find(actionId: string): Promise<ActionInContext | null> {
    return this.store.actions.find(actionId);
  }

  setDm(actionId: string, channelId: string, ts: string): Promise<void> {
    return this.store.actions.setDm(actionId, channelId, ts);
  }

  /**
   * An action named by id in a request: it must be in the requester's workspace.
   * null: from a signed web link (an owner by email), which is its own authority.
   */
  async inWorkspace(workspace: WorkspaceKey | null, actionId: string): Promise<ActionInContext> {
    const found = await this.store.actions.find(actionId);
    const inPlace =
      found && (workspace === null || found.community.workspaceId === (await this.store.communities.findWorkspaceId(workspace)));
    if (!found || !inPlace) throw new AppError("not_found", { key: "action.gone" });
    return found;
  }

  /** Its owner, the community's organisers, and whoever recorded it may close it or move its date. */
  async forChanging(workspace: WorkspaceKey | null, actionId: string, actorId: string): Promise<ActionInContext> {
    const found = await this.inWorkspace(workspace, actionId);
    const { action, community } = found;
    if (
      action.ownerId !== actorId &&
      action.createdBy !== actorId &&
      !isOrganiser(await this.store.memberships.find(community.id, actorId))
    ) {
      throw new AppError("forbidden", { key: "action.owner_only", community: community.name });
    }
    if (action.status === "done") throw new AppError("gone", { key: "action.already_done", title: action.title });
    return found;
  }

  /** Done: closed once, however often it is clicked; its reminders still to come are dropped. */
  async complete(workspace: WorkspaceKey | null, actionId: string, actorId: string): Promise<ActionInContext> {
    const found = await this.forChanging(workspace, actionId, actorId);
    const now = this.deps.clock.now();
    if (!(await this.store.actions.complete(actionId, actorId, now))) {
      throw new AppError("gone", { key: "action.already_done", title: found.action.title });
    }
    await this.store.outbox.skipPending(actionId, kindsAbout("action"), "the action is done", now);
    await recordAudit(this.store, found.community, actorId, "action.done", now, { actionId, title: found.action.title });
    return { ...found, action: { ...found.action, status: "done", doneAt: now, doneBy: actorId } };
  }

  /** A new due day: not before today, in the community's zone. Its reminders move with it. Field: dueOn. */
  async changeDate(workspace: WorkspaceKey | null, actionId: string, actorId: string, dueOn: string | null): Promise<ActionInContext> {
    const found = await this.forChanging(workspace, actionId, actorId);
    const now = this.deps.clock.now();
    const zone = found.community.timezone;
    const day = DateTime.fromISO(dueOn ?? "", { zone: "UTC" });
    if (!dueOn || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || !day.isValid) throw new ValidationError({ dueOn: { key: "outcomes.action_due" } });
    if (dueOn < today(now, zone)) throw new ValidationError({ dueOn: { key: "action.due_passed" } });
    if (day.year > DateTime.fromJSDate(now).year + LATEST_DUE_YEARS) throw new ValidationError({ dueOn: { key: "action.due_too_far" } });
    const moved = await this.store.actions.changeDue(actionId, dueOn);
    if (!moved) throw new AppError("gone", { key: "action.already_done", title: found.action.title });
    await this.store.outbox.skipPending(actionId, kindsAbout("action"), "the action's date changed", now);
    await this.store.outbox.plan(actionReminderRows(moved, workCalendar(found.community), now), now);
    await recordAudit(this.store, found.community, actorId, "action.date_changed", now, { actionId, from: found.action.dueOn, to: dueOn });
    return { ...found, action: moved };
  }

  /**
   * The community's bank holidays changed (`before` was its division): each open action whose
   * reminders now fall on another day has them moved. Few do (only those near a holiday one
   * part of the UK has and another has not), so the rest are left alone.
   */
  async replanReminders(community: CommunityRecord, before: Division): Promise<number> {
    const now = this.deps.clock.now();
    const after = workCalendar(community);
    const was = { zone: community.timezone, division: before };
    const due = (rows: NewOutboxRow[]) => rows.map((r) => r.dueAt.getTime()).join();
    let moved = 0;
    for (const action of await this.store.actions.openIn(community.id)) {
      const rows = actionReminderRows(action, after, now);
      if (due(rows) === due(actionReminderRows(action, was, now))) continue;
      await this.store.outbox.skipPending(action.id, kindsAbout("action"), "the community's bank holidays changed", now);
      await this.store.outbox.plan(rows, now);
      moved++;
    }
    return moved;
  }

  /** A page of the community's actions: the reader's open ones, everyone's open ones, or those done. */
  async page(community: CommunityRecord, viewerId: string, filter: ActionFilter, page: number): Promise<ActionsPage> {
    const query = {
      communityId: community.id,
      status: filter === "done" ? ("done" as const) : ("open" as const),
      ...(filter === "mine" ? { ownerId: viewerId } : {}),
    };
    const fetch = (p: number) => this.store.actions.list(query, p * ACTIONS_PAGE_SIZE, ACTIONS_PAGE_SIZE);
    const wanted = Math.max(0, page);
    const [first, membership] = await Promise.all([fetch(wanted), this.store.memberships.find(community.id, viewerId)]);
    let { items, total } = first;
    const pageCount = Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE));
    const current = Math.min(wanted, pageCount - 1);
    // As the other lists do: only a stale "Next" past the end reads again.
    if (current !== wanted) ({ items, total } = await fetch(current));
    return { community, filter, items, total, page: current, pageCount, viewerId, viewerIsOrganiser: isOrganiser(membership) };
  }

  /** The person's open actions across their communities, soonest due first (App Home). */
  async openFor(workspace: WorkspaceKey, userId: string, limit: number): Promise<{ items: ActionInContext[]; total: number }> {
    const workspaceId = await this.store.communities.findWorkspaceId(workspace);
    const communityIds = workspaceId ? await this.store.memberships.activeCommunityIds(workspaceId, userId) : [];
    return this.store.actions.openOf(userId, communityIds, limit);
  }

  /**
   * Puts the place's overdue open actions on its next meeting's agenda (a
   * group's actions on the group's next meeting), once each: an action already
   * on that agenda is not added again. Returns how many were added.
   */
  async carryOverdue(communityId: string, groupId: string | null, zone: string): Promise<number> {
    const now = this.deps.clock.now();
    const meeting = await this.store.agenda.nextMeeting(communityId, groupId, now);
    if (!meeting) return 0;
    const [overdue, items] = await Promise.all([
      this.store.actions.overdue(communityId, groupId, today(now, zone)),
      this.store.agenda.items(meeting.id),
    ]);
    const already = new Set(items.map((i) => i.actionId));
    const fresh = overdue.filter((a) => !already.has(a.id)).slice(0, AGENDA_LIMITS.itemsMax - items.length);
    if (!fresh.length) return 0;
    const added = await this.store.agenda
      .add(
        meeting.id,
        fresh.map((a) => ({
          title: a.title,
          proposedBy: a.ownerId,
          link: null,
          messagePermalink: null,
          stageId: a.stage?.id ?? null,
          problemId: a.problem?.id ?? null,
          actionId: a.id,
          source: "overdue_action" as const,
          requestId: null,
        })),
        AGENDA_LIMITS.itemsMax,
        now,
      )
      // Another replica carried them a moment ago: the unique (meeting, action) key refused ours.
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === "UniqueViolation") return [];
        throw error;
      });
    return added?.length ?? 0;
  }
}
