// A community's digest: when it goes out (DST-safe, in the community's zone),
// what it says, and planning its outbox rows. Building one costs a fixed
// number of queries, however large the community (see bench/digest.ts).
import { DateTime } from "luxon";
import type { Clock } from "../common/clock";
import { AppError } from "../common/errors";
import type { FieldErrors } from "../common/reasons";
import { type JourneySummary, journeySummaries } from "../journey/summary";
import { today } from "../meetings/actionDays";
import { getsSlack } from "../members/messagePreferences";
import { isEmailPerson } from "../members/people";
import { organisationShortLabel } from "../members/profiles";
import { digest } from "../outbox/digest";
import type {
  ActionItemRecord,
  CommunityRecord,
  DigestLiveProjects,
  DigestProblem,
  DigestSchedule,
  FindingRecord,
  MeetingRecord,
  NewOutboxRow,
  ObjectiveSummary,
  RecentOutcome,
  Store,
} from "../ports";

/** How many items a section lists before "and N more". */
export const DIGEST_SECTION_ITEMS = 5;
/** A digest later than this after its time is not worth posting (the next one is coming). */
export const DIGEST_USEFUL_FOR_MS = 12 * 60 * 60 * 1000;

export interface Digest {
  community: CommunityRecord;
  since: Date;
  newProblems: { items: DigestProblem[]; total: number };
  topProblems: DigestProblem[];
  objectives: ObjectiveSummary[];
  meetings: { items: Array<{ meeting: MeetingRecord; going: number; maybe: number }>; total: number };
  newMembers: { items: string[]; total: number };
  newOrganisations: string[];
  /** The journey: stages with new problems since, stages not yet represented, suggestions waiting. */
  journey: JourneySummary;
  /** Findings and outputs shared since (step 6, "share user research findings"), newest first. */
  shared: { items: FindingRecord[]; total: number };
  /**
   * What meetings decided since, newest first: the community's own and its
   * groups' (each group's under its name), so a group feeds back to the larger
   * community (step 5 of the guidance).
   */
  outcomes: { items: RecentOutcome[]; total: number };
  /**
   * What organisations told the live-projects rounds since (Nothing new counted, not listed):
   * the community's own rounds first, then each group's under its name, so a group's
   * answers feed back to the whole community too. `total`: the updates told.
   */
  liveProjects: { places: DigestLiveProjects[]; total: number };
  /** Open actions past their due day, soonest due first: everyone sees what is stuck, and whose it is. */
  overdueActions: { items: ActionItemRecord[]; total: number };
  /** The owners of the actions listed, by id: their name if they gave one (members by email) and their organisation. */
  owners: Map<string, ActionOwner>;
  /**
   * Nothing new since the last one (no new problems, members, organisations, findings, outcomes
   * or live-project updates, no meetings coming): not posted.
   */
  empty: boolean;
}

export interface ActionOwner {
  slackUserId: string;
  displayName: string | null;
  /** "HMRC": where a mention cannot be made (an email). */
  organisation: string;
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base" });

/** The community's own rounds first, then its groups' by name. */
function ownFirst(a: DigestLiveProjects, b: DigestLiveProjects): number {
  if (!a.group || !b.group) return a.group ? 1 : b.group ? -1 : 0;
  return collator.compare(a.group.name, b.group.name);
}

function parseTime(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(":").map(Number);
  return { hour: hour ?? 9, minute: minute ?? 0 };
}

/**
 * The first digest time strictly after `after`, in the community's zone: the
 * wall time stays put across clock changes, so its UTC instant moves.
 */
export function nextDigestAt(schedule: DigestSchedule, zone: string, after: Date): Date | null {
  if (schedule.cadence === "off") return null;
  const local = DateTime.fromJSDate(after, { zone });
  const { hour, minute } = parseTime(schedule.time);
  if (schedule.cadence === "weekly") {
    let candidate = local
      .startOf("day")
      .plus({ days: (schedule.weekday - local.weekday + 7) % 7 })
      .set({ hour, minute });
    if (candidate.toMillis() <= after.getTime()) candidate = candidate.plus({ weeks: 1 }).set({ hour, minute });
    return candidate.toJSDate();
  }
  let candidate = local.set({ day: schedule.monthDay, hour, minute, second: 0, millisecond: 0 });
  if (candidate.toMillis() <= after.getTime())
    candidate = local.plus({ months: 1 }).set({ day: schedule.monthDay, hour, minute, second: 0, millisecond: 0 });
  return candidate.toJSDate();
}

/** The digest time before `at` (the start of the period a digest at `at` covers). */
export function previousDigestAt(schedule: DigestSchedule, zone: string, at: Date): Date {
  const local = DateTime.fromJSDate(at, { zone });
  const { hour, minute } = parseTime(schedule.time);
  const earlier = schedule.cadence === "monthly" ? local.minus({ months: 1 }).set({ day: schedule.monthDay }) : local.minus({ weeks: 1 });
  return earlier.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** Field keys: digestCadence, digestWeekday, digestMonthDay, digestTime. */
export function checkDigestSchedule(
  input: { cadence?: string | null; weekday?: string | null; monthDay?: string | null; time?: string | null },
  errors: FieldErrors,
): DigestSchedule {
  const cadence = input.cadence ?? "weekly";
  if (!["weekly", "monthly", "off"].includes(cadence)) errors.digestCadence = { key: "digest.cadence" };
  const weekday = Number(input.weekday ?? 1);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) errors.digestWeekday = { key: "digest.weekday" };
  const monthDay = Number(input.monthDay ?? 1);
  if (!Number.isInteger(monthDay) || monthDay < 1 || monthDay > 28) errors.digestMonthDay = { key: "digest.month_day" };
  const time = input.time ?? "09:00";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.digestTime = { key: "digest.time" };
  return { cadence: cadence as DigestSchedule["cadence"], weekday, monthDay, time };
}

export function digestDedupeKey(communityId: string, dueAt: Date, zone: string): string {
  return `digest:${communityId}:${DateTime.fromJSDate(dueAt, { zone }).toFormat("yyyy-MM-dd'T'HH:mm")}`;
}

export class DigestService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  private get store() {
    return this.deps.store;
  }

  /** What the digest says now for the period since `since`: a fixed number of queries. */
  async build(community: CommunityRecord, since: Date): Promise<Digest> {
    const now = this.deps.clock.now();
    const [newProblems, topProblems, objectives, upcoming, newMembers, newOrganisations, journeys, shared, outcomes, overdueActions, told] =
      await Promise.all([
        this.store.digests.newProblems(community.id, since, DIGEST_SECTION_ITEMS),
        this.store.digests.topOpenProblems(community.id, DIGEST_SECTION_ITEMS),
        this.store.problems.objectives([community.id]),
        this.store.meetings.upcoming([community.id], now, DIGEST_SECTION_ITEMS),
        this.store.digests.newMembers(community.id, since, 10),
        this.store.digests.newOrganisations(community.id, since),
        journeySummaries(this.store, [{ community, since }]),
        this.store.findings.since(community.id, since, DIGEST_SECTION_ITEMS),
        this.store.outcomes.recordedSince(community.id, since, DIGEST_SECTION_ITEMS),
        this.store.actions.overdueIn(community.id, today(now, community.timezone), DIGEST_SECTION_ITEMS),
        this.store.digests.liveProjectsSince(community.id, since, DIGEST_SECTION_ITEMS),
      ]);
    const journey = journeys.get(community.id) ?? { stages: 0, suggestions: 0, withNewProblems: [], notRepresented: [] };
    const ownerIds = [...new Set([...overdueActions.items, ...outcomes.items.flatMap((o) => o.actions)].map((a) => a.ownerId))];
    const [tallies, ownerships] = await Promise.all([
      this.store.digests.tallies(upcoming.items.map((m) => m.id)),
      this.store.memberships.findMany(community.id, ownerIds),
    ]);
    const owners = new Map(
      ownerships.map((m) => [
        m.slackUserId,
        { slackUserId: m.slackUserId, displayName: m.displayName ?? null, organisation: organisationShortLabel(m) },
      ]),
    );
    const liveProjects = { places: [...told].sort(ownFirst), total: told.reduce((n, p) => n + p.total, 0) };
    const meetings = {
      total: upcoming.total,
      items: upcoming.items.map((meeting) => ({
        meeting,
        going: tallies.get(meeting.id)?.going ?? 0,
        maybe: tallies.get(meeting.id)?.maybe ?? 0,
      })),
    };
    const empty =
      newProblems.total === 0 &&
      newMembers.total === 0 &&
      newOrganisations.length === 0 &&
      meetings.total === 0 &&
      shared.total === 0 &&
      outcomes.total === 0 &&
      liveProjects.total === 0;
    return {
      community,
      since,
      newProblems,
      topProblems,
      objectives,
      meetings,
      newMembers,
      newOrganisations,
      journey,
      shared,
      outcomes,
      liveProjects,
      overdueActions,
      owners,
      empty,
    };
  }

  /** The period a digest sent now would cover: since the last scheduled time (a week back when digests are off). */
  sinceNow(community: CommunityRecord): Date {
    const now = this.deps.clock.now();
    const schedule = community.digest.cadence === "off" ? { ...community.digest, cadence: "weekly" as const } : community.digest;
    const next = nextDigestAt(schedule, community.timezone, now)!;
    return previousDigestAt(schedule, community.timezone, next);
  }

  /**
   * Plans each scheduled community's next digest, and nothing else: idempotent,
   * so every tick may run it. However the schedule was edited (moved away and
   * back, several times, by two people at once), afterwards each community has
   * exactly one digest waiting, at the next time its schedule now gives.
   */
  async plan(): Promise<number> {
    const now = this.deps.clock.now();
    const communities = await this.store.digests.scheduled();
    const rows: NewOutboxRow[] = [];
    for (const community of communities) {
      const dueAt = nextDigestAt(community.digest, community.timezone, now);
      if (!dueAt || !community.slackChannelId) continue;
      rows.push(
        digest.row({
          target: community.slackChannelId,
          communityId: community.id,
          subjectId: community.id,
          payload: { since: previousDigestAt(community.digest, community.timezone, dueAt).toISOString() },
          dueAt,
          dedupeKey: digestDedupeKey(community.id, dueAt, community.timezone),
        }),
      );
    }
    // One read for all communities when nothing is new. A time planned before and
    // skipped when the schedule moved away from it is planned again: only a
    // schedule change skips a digest before its time (see replan).
    const planned = await this.store.outbox.plan(rows, now);
    // A digest waiting for a time its schedule no longer gives goes: for example
    // one planned by a tick that read the settings just before they changed.
    const wanted = new Map(rows.map((r) => [r.subjectId, r.dedupeKey]));
    const stale = (await this.store.outbox.pendingAfter(digest.name, now)).filter((r) => wanted.get(r.subjectId ?? "") !== r.dedupeKey);
    await this.store.outbox.skipRows(
      stale.map((r) => r.id),
      "the digest schedule changed",
      now,
    );
    return planned;
  }

  /** After the schedule changes: the pending digest goes, and the next tick plans the new one. */
  async replan(community: CommunityRecord): Promise<void> {
    const now = this.deps.clock.now();
    await this.store.outbox.skipPending(community.id, [digest.name], "the digest schedule changed", now);
    await this.plan();
  }

  /** Members choose whether they also get the digest by DM. */
  async setDm(community: CommunityRecord, slackUserId: string, on: boolean): Promise<void> {
    if (!(await this.store.memberships.setDigestByDm(community.id, slackUserId, on))) {
      throw new AppError("not_member", { key: "digest.members_only", community: community.name });
    }
  }

  async wantsDm(community: CommunityRecord, slackUserId: string): Promise<boolean> {
    const membership = await this.store.memberships.find(community.id, slackUserId);
    return membership?.status === "active" && membership.digestByDm;
  }

  /**
   * Whether the digest goes to them by DM now: they asked for it, or they chose it by email and
   * their address refuses mail (src/domain/members/messagePreferences.ts). wantsDm is the button's state.
   */
  async getsDm(community: CommunityRecord, slackUserId: string): Promise<boolean> {
    const membership = await this.store.memberships.find(community.id, slackUserId);
    return !!membership && getsSlack(membership, "digests");
  }

  /** Who gets the digest by DM: the store's rows, less members by email (no Slack to DM). */
  async dmSubscribers(communityId: string): Promise<string[]> {
    return (await this.store.digests.dmSubscribers(communityId)).filter((person) => !isEmailPerson(person));
  }
}
