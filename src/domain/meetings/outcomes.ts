// After the meeting: what came out of it. From the card, once the meeting has
// started, its organisers and whoever scheduled it record notes (text and/or a
// link), decisions (one a line) and actions, each owned by a member with a due
// day and, if it is about one, a stage or a problem. One record a meeting: the
// same form sent twice records once, and a second form is refused.
import { DateTime } from "luxon";
import { recordAudit } from "../common/audit";
import type { Clock } from "../common/clock";
import { AppError, ValidationError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { cleanText, normaliseName, parseWebLink } from "../common/text";
import { isEmailPerson } from "../members/people";
import type { ActionItemRecord, NewAction, OutcomeRecord, Store, WorkspaceKey } from "../ports";
import { actionReminderRows, workCalendar } from "./actions";
import { readTopic } from "./agenda";
import type { MeetingCard } from "./meetingCards";
import type { MeetingService } from "./meetings";

export const OUTCOME_LIMITS = {
  notesMax: 3000,
  linkMax: 500,
  decisionsMax: 20,
  decisionMax: 300,
  /** Action rows the form can hold ("Add another action" adds one up to this). */
  actionsMax: 10,
  actionTitleMin: 3,
  actionTitleMax: 200,
} as const;
/** How long a claim to post the outcome holds before another replica may try. */
export const OUTCOME_POST_LEASE_MS = 60_000;
/** How long after recording the scheduler keeps trying to post an outcome Slack refused. */
export const OUTCOME_RETRY_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** The form's field for one part of action `index` (0 first): the block ids are these names. */
export function actionField(index: number, part: "title" | "owner" | "emailOwner" | "due" | "topic"): string {
  return `action_${index}_${part}`;
}

export interface ActionInput {
  title?: string | null;
  ownerId?: string | null;
  /** Or a member who takes part by email (they have no Slack account for the user picker). */
  emailOwnerId?: string | null;
  /** "2026-12-09", from Slack's date picker. */
  dueOn?: string | null;
  /** "stage:<id>" or "problem:<id>". */
  topic?: string | null;
}

export interface OutcomeInput {
  notes?: string | null;
  notesLink?: string | null;
  /** One decision a line. */
  decisions?: string | null;
  /** The form's rows, in order: an empty row is skipped. */
  actions: ActionInput[];
}

export interface Recorded {
  card: MeetingCard;
  outcome: OutcomeRecord;
  actions: ActionItemRecord[];
  /** The same form sent again: the first one posts. */
  repeated: boolean;
}

export class OutcomeService {
  constructor(private readonly deps: { store: Store; clock: Clock; meetings: MeetingService }) {}

  private get store() {
    return this.deps.store;
  }

  /** The meeting, if the actor may record its outcome now: an editor, after its start, before anyone has. */
  async forRecording(workspace: WorkspaceKey, meetingId: string, actorId: string): Promise<MeetingCard> {
    const card = await this.deps.meetings.asEditor(workspace, meetingId, actorId, "record");
    const { meeting } = card;
    if (meeting.status === "cancelled") throw new AppError("gone", { key: "outcomes.cancelled", title: meeting.title });
    if (meeting.startsAt > this.deps.clock.now()) {
      throw new AppError("invalid_input", {
        key: "outcomes.not_started",
        title: meeting.title,
        startsAt: meeting.startsAt,
        zone: meeting.timezone,
      });
    }
    const earlier = await this.store.outcomes.find(meetingId);
    if (earlier) throw alreadyRecorded(card, earlier.outcome);
    return card;
  }

  /** Field keys in errors: notes, notesLink, decisions, and actionField(i, part) for each action row. */
  async record(
    workspace: WorkspaceKey,
    meetingId: string,
    actorId: string,
    input: OutcomeInput,
    requestId: string | null,
  ): Promise<Recorded> {
    const card = await this.deps.meetings.asEditor(workspace, meetingId, actorId, "record");
    const earlier = await this.store.outcomes.find(meetingId);
    if (earlier) return this.repeatOf(card, earlier, requestId);
    await this.forRecording(workspace, meetingId, actorId);
    const checked = await this.check(card, input);
    const now = this.deps.clock.now();
    let made: { outcome: OutcomeRecord; actions: ActionItemRecord[] };
    try {
      made = await this.store.outcomes.record({ meetingId, ...checked, recordedBy: actorId, requestId, now });
    } catch (error) {
      // Another form (or this one, sent twice) recorded it a moment ago.
      const winner = await this.store.outcomes.find(meetingId);
      if (!winner) throw error;
      return this.repeatOf(card, winner, requestId);
    }
    // Each action's owner is reminded the working day before it is due, and once it is overdue.
    await this.store.outbox.plan(
      made.actions.flatMap((action) => actionReminderRows(action, workCalendar(card.community), now)),
      now,
    );
    await recordAudit(this.store, card.community, actorId, "meeting.outcomes_recorded", now, {
      meetingId,
      decisions: made.outcome.decisions.length,
      actions: made.actions.length,
    });
    return { card, ...made, repeated: false };
  }

  /**
   * Who may own an action but cannot be picked in Slack's user picker: the
   * community's members by email, by name, at most the 100 a select can list.
   */
  async emailOwners(communityId: string): Promise<Array<{ personId: string; name: string }>> {
    const members = await this.store.memberships.withEmail(communityId);
    return members
      .filter((m) => m.status === "active" && isEmailPerson(m.slackUserId))
      .map((m) => ({ personId: m.slackUserId, name: m.displayName ?? m.email ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, 100);
  }

  /** The meeting's outcome and actions, if recorded. */
  recorded(meetingId: string) {
    return this.store.outcomes.find(meetingId);
  }

  claimPost(meetingId: string): Promise<boolean> {
    return this.store.outcomes.claimPost(meetingId, this.deps.clock.now(), OUTCOME_POST_LEASE_MS);
  }

  setPost(meetingId: string, channelId: string, ts: string): Promise<void> {
    return this.store.outcomes.setPost(meetingId, channelId, ts);
  }

  releasePost(meetingId: string): Promise<void> {
    return this.store.outcomes.releasePost(meetingId);
  }

  /**
   * Meetings whose reply or group summary did not go out (Slack refused, or
   * the poster died): the scheduler tries them again each tick, for a week,
   * after which a reply would be old news.
   */
  unposted(): Promise<string[]> {
    const now = this.deps.clock.now();
    return this.store.outcomes.unposted(
      new Date(now.getTime() - OUTCOME_RETRY_FOR_MS),
      new Date(now.getTime() - OUTCOME_POST_LEASE_MS),
      20,
    );
  }

  claimSummary(meetingId: string): Promise<boolean> {
    return this.store.outcomes.claimSummary(meetingId, this.deps.clock.now(), OUTCOME_POST_LEASE_MS);
  }

  summaryDone(meetingId: string): Promise<void> {
    return this.store.outcomes.summaryDone(meetingId);
  }

  releaseSummary(meetingId: string): Promise<void> {
    return this.store.outcomes.releaseSummary(meetingId);
  }

  private repeatOf(card: MeetingCard, found: { outcome: OutcomeRecord; actions: ActionItemRecord[] }, requestId: string | null): Recorded {
    if (requestId && found.outcome.requestId === requestId) return { card, ...found, repeated: true };
    throw alreadyRecorded(card, found.outcome);
  }

  private async check(card: MeetingCard, input: OutcomeInput) {
    const errors: FieldErrors = {};
    const notes = cleanText(input.notes ?? "", "lines").trim();
    if (notes.length > OUTCOME_LIMITS.notesMax)
      errors.notes = { key: "text.this_too_long", max: OUTCOME_LIMITS.notesMax, length: notes.length };
    const rawLink = cleanText(input.notesLink ?? "", "line").trim();
    const notesLink = rawLink ? parseWebLink(rawLink) : null;
    if (rawLink && (!notesLink || notesLink.length > OUTCOME_LIMITS.linkMax)) errors.notesLink = { key: "link.not_link" };
    const decisions = cleanText(input.decisions ?? "", "lines")
      .split("\n")
      .map((line) => normaliseName(line).replace(/^(\d+[.)]|[-*•])\s*/, ""))
      .filter(Boolean);
    if (decisions.length > OUTCOME_LIMITS.decisionsMax)
      errors.decisions = { key: "outcomes.too_many_decisions", max: OUTCOME_LIMITS.decisionsMax };
    const long = decisions.findIndex((d) => d.length > OUTCOME_LIMITS.decisionMax);
    if (long >= 0) errors.decisions = { key: "outcomes.decision_too_long", line: long + 1, max: OUTCOME_LIMITS.decisionMax };
    const actions = await this.checkActions(card, input.actions.slice(0, OUTCOME_LIMITS.actionsMax), errors);
    if (!notes && !notesLink && !rawLink && !decisions.length && !actions.length && !Object.keys(errors).length) {
      errors.notes = { key: "outcomes.nothing" };
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return { notes, notesLink, decisions, actions };
  }

  private async checkActions(card: MeetingCard, rows: ActionInput[], errors: FieldErrors): Promise<NewAction[]> {
    const { community, meeting } = card;
    const ownerOf = (r: ActionInput) => r.ownerId || r.emailOwnerId || null;
    const owners = [...new Set(rows.flatMap((r) => (ownerOf(r) ? [ownerOf(r)!] : [])))];
    // Each active owner, by id, with the name a member by email gave (they have no Slack mention).
    const members = new Map(
      (await this.store.memberships.findMany(community.id, owners))
        .filter((m) => m.status === "active")
        .map((m) => [m.slackUserId, isEmailPerson(m.slackUserId) ? m.displayName : null]),
    );
    const meetingDay = DateTime.fromJSDate(meeting.startsAt, { zone: meeting.timezone }).toISODate() ?? "";
    const out: NewAction[] = [];
    for (const [i, row] of rows.entries()) {
      const title = normaliseName(row.title ?? "");
      const dueOn = (row.dueOn ?? "").trim();
      const ownerId = ownerOf(row);
      if (!title && !ownerId && !dueOn) continue;
      if (title.length < OUTCOME_LIMITS.actionTitleMin || title.length > OUTCOME_LIMITS.actionTitleMax) {
        errors[actionField(i, "title")] = {
          key: "outcomes.action_title",
          min: OUTCOME_LIMITS.actionTitleMin,
          max: OUTCOME_LIMITS.actionTitleMax,
        };
      }
      if (row.ownerId && row.emailOwnerId) errors[actionField(i, "owner")] = { key: "outcomes.action_two_owners" };
      else if (!ownerId) errors[actionField(i, "owner")] = { key: "outcomes.action_owner" };
      else if (!members.has(ownerId))
        errors[actionField(i, "owner")] = { key: "outcomes.action_owner_not_member", community: community.name };
      const due = DateTime.fromISO(dueOn, { zone: "UTC" });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || !due.isValid) errors[actionField(i, "due")] = { key: "outcomes.action_due" };
      else if (dueOn < meetingDay) {
        errors[actionField(i, "due")] = { key: "outcomes.action_due_before", startsAt: meeting.startsAt, zone: meeting.timezone };
      }
      out.push({ title, ownerId: ownerId ?? "", ownerName: members.get(ownerId ?? "") ?? null, dueOn, ...readTopic(row.topic) });
    }
    return out;
  }
}

function alreadyRecorded(card: MeetingCard, outcome: OutcomeRecord): AppError {
  return new AppError("conflict", { key: "outcomes.already_recorded", title: card.meeting.title, by: outcome.recordedBy });
}
