import { type RecurrenceRule, serialiseRule } from "../domain/meetings/recurrence";
import { isEmailPerson } from "../domain/members/people";
import type {
  MeetingRecord,
  MeetingStore,
  MeetingUpdate,
  NewMeeting,
  RsvpAnswer,
  RsvpTally,
  SeriesPatch,
  SeriesRecord,
} from "../domain/ports";
import { insertUnlessPresent, translateUnique, upsertRace } from "./errors";
import { fieldColumns, toMeetingRecord, toSeriesRecord } from "./meetingRows";
import { coveredStageIds, replaceMeetingStages, replaceSeriesStages, stageLinks } from "./meetingStageStore";
import { type Db, isPostgresDb } from "./prismaClient";

/** The longest meeting allowed: anything that started longer ago than this has ended. */
export const LONGEST_MEETING_MS = 4 * 60 * 60 * 1000;

function endsAfter(meeting: MeetingRecord, at: Date): boolean {
  return meeting.startsAt.getTime() + meeting.durationMinutes * 60_000 > at.getTime();
}

export class PrismaMeetingStore implements MeetingStore {
  constructor(private readonly db: Db) {}

  async schedule(input: NewMeeting, series?: { rule: RecurrenceRule; nextStart: Date | null }): Promise<MeetingRecord[]> {
    const columns = fieldColumns(input.fields);
    const base = {
      communityId: input.communityId,
      groupId: input.groupId,
      ...columns,
      timezone: input.timezone,
      createdBy: input.createdBy,
      createdAt: input.now,
    };
    return translateUnique(() =>
      this.db.$transaction(async (tx) => {
        const stageIds = await coveredStageIds(tx, input.communityId, input.stageIds);
        if (!series) {
          const row = await tx.meeting.create({
            data: { ...base, startsAt: input.startsAt, createRequestId: input.createRequestId, stages: stageLinks(stageIds) },
          });
          return [toMeetingRecord(row)];
        }
        const created = await tx.meetingSeries.create({
          data: {
            communityId: input.communityId,
            groupId: input.groupId,
            rule: serialiseRule(series.rule),
            timezone: input.timezone,
            anchorStart: input.startsAt,
            anchorIndex: 0,
            ...columns,
            createdBy: input.createdBy,
            createdAt: input.now,
            stages: stageLinks(stageIds),
          },
        });
        const occurrence = { ...base, seriesId: created.id, stages: stageLinks(stageIds) };
        const first = await tx.meeting.create({
          data: { ...occurrence, occurrence: 0, startsAt: input.startsAt, createRequestId: input.createRequestId },
        });
        const rows = [first];
        if (series.nextStart) {
          rows.push(await tx.meeting.create({ data: { ...occurrence, occurrence: 1, startsAt: series.nextStart } }));
        }
        return rows.map(toMeetingRecord);
      }),
    );
  }

  async findById(meetingId: string): Promise<MeetingRecord | null> {
    const row = await this.db.meeting.findUnique({ where: { id: meetingId } });
    return row ? toMeetingRecord(row) : null;
  }

  async findByRequestId(requestId: string): Promise<MeetingRecord[]> {
    const first = await this.db.meeting.findUnique({ where: { createRequestId: requestId } });
    if (!first) return [];
    if (!first.seriesId) return [toMeetingRecord(first)];
    const rows = await this.db.meeting.findMany({ where: { seriesId: first.seriesId }, orderBy: { occurrence: "asc" }, take: 2 });
    return rows.map(toMeetingRecord);
  }

  async series(seriesId: string): Promise<SeriesRecord | null> {
    const row = await this.db.meetingSeries.findUnique({ where: { id: seriesId } });
    return row ? toSeriesRecord(row) : null;
  }

  async occurrences(seriesId: string, fromIndex: number): Promise<MeetingRecord[]> {
    const rows = await this.db.meeting.findMany({ where: { seriesId, occurrence: { gte: fromIndex } }, orderBy: { occurrence: "asc" } });
    return rows.map(toMeetingRecord);
  }

  async addOccurrence(seriesId: string, occurrence: number, startsAt: Date, now: Date): Promise<MeetingRecord | null> {
    const postgres = isPostgresDb(this.db);
    // Null when another replica added it first: the unique (series, occurrence) key says so.
    return insertUnlessPresent(() =>
      this.db.$transaction(async (tx) => {
        // Read the series under its row lock: a "cancel this and following" that ends it
        // cannot slip in between this read and the insert (SQLite has one writer anyway).
        if (postgres) await tx.$queryRaw`SELECT "id" FROM "MeetingSeries" WHERE "id" = ${seriesId} FOR UPDATE`;
        const series = await tx.meetingSeries.findUniqueOrThrow({ where: { id: seriesId }, include: { stages: true } });
        if (series.lastIndex !== null && occurrence > series.lastIndex) return null;
        const row = await tx.meeting.create({
          data: {
            communityId: series.communityId,
            groupId: series.groupId,
            seriesId,
            occurrence,
            title: series.title,
            durationMinutes: series.durationMinutes,
            videoLink: series.videoLink,
            place: series.place,
            agenda: series.agenda,
            reminderOffsets: series.reminderOffsets,
            timezone: series.timezone,
            startsAt,
            createdBy: series.createdBy,
            createdAt: now,
            // The series' stages, as it copies its title and agenda (a removed stage's link went with it).
            stages: stageLinks(series.stages.map((s) => s.stageId)),
          },
        });
        return toMeetingRecord(row);
      }),
    );
  }

  async startSeries(meetingId: string, rule: RecurrenceRule, now: Date): Promise<SeriesRecord> {
    return this.db.$transaction(async (tx) => {
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { stages: true } });
      // Already a series (a repeated submission): the first one's series stands.
      if (meeting.seriesId) return toSeriesRecord(await tx.meetingSeries.findUniqueOrThrow({ where: { id: meeting.seriesId } }));
      const series = await tx.meetingSeries.create({
        data: {
          communityId: meeting.communityId,
          groupId: meeting.groupId,
          rule: serialiseRule(rule),
          timezone: meeting.timezone,
          anchorStart: meeting.startsAt,
          anchorIndex: 0,
          title: meeting.title,
          durationMinutes: meeting.durationMinutes,
          videoLink: meeting.videoLink,
          place: meeting.place,
          agenda: meeting.agenda,
          reminderOffsets: meeting.reminderOffsets,
          createdBy: meeting.createdBy,
          createdAt: now,
          stages: stageLinks(meeting.stages.map((s) => s.stageId)),
        },
      });
      const { count } = await tx.meeting.updateMany({
        where: { id: meetingId, seriesId: null },
        data: { seriesId: series.id, occurrence: 0 },
      });
      if (count !== 1) throw new Error("meeting joined another series at the same moment");
      return toSeriesRecord(series);
    });
  }

  async updateSeries(seriesId: string, patch: Partial<SeriesPatch>): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const series = await tx.meetingSeries.update({
        where: { id: seriesId },
        data: {
          ...(patch.rule ? { rule: serialiseRule(patch.rule) } : {}),
          ...(patch.anchorStart ? { anchorStart: patch.anchorStart } : {}),
          ...(patch.anchorIndex !== undefined ? { anchorIndex: patch.anchorIndex } : {}),
          ...(patch.lastIndex !== undefined ? { lastIndex: patch.lastIndex } : {}),
          ...(patch.template ? fieldColumns(patch.template) : {}),
        },
      });
      if (patch.stageIds) await replaceSeriesStages(tx, seriesId, series.communityId, patch.stageIds);
    });
  }

  async update(meetingId: string, change: MeetingUpdate, now: Date, expectedSequence?: number): Promise<MeetingRecord | null> {
    const updated = await this.db.$transaction(async (tx) => {
      // Conditional on the version the editor saw: a repeated or stale submission changes nothing.
      const { count } = await tx.meeting.updateMany({
        where: { id: meetingId, status: "scheduled", ...(expectedSequence !== undefined ? { sequence: expectedSequence } : {}) },
        data: { ...fieldColumns(change.fields), startsAt: change.startsAt, sequence: { increment: 1 }, updatedAt: now },
      });
      if (count !== 1) return false;
      const { communityId } = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { communityId: true } });
      await replaceMeetingStages(tx, meetingId, communityId, change.stageIds);
      return true;
    });
    return updated ? this.findById(meetingId) : null;
  }

  async cancel(meetingId: string, now: Date): Promise<boolean> {
    // Conditional: two organisers cancelling at once, only one does (and only one round of DMs goes).
    const { count } = await this.db.meeting.updateMany({
      where: { id: meetingId, status: "scheduled" },
      data: { status: "cancelled", cancelledAt: now, sequence: { increment: 1 }, updatedAt: now },
    });
    return count === 1;
  }

  async setAnnouncement(meetingId: string, channelId: string, ts: string): Promise<void> {
    await this.db.meeting.update({ where: { id: meetingId }, data: { announcementChannelId: channelId, announcementTs: ts } });
  }

  async claimAnnouncement(meetingId: string, channelId: string, now: Date, leaseMs: number): Promise<boolean> {
    const { count } = await this.db.meeting.updateMany({
      where: {
        id: meetingId,
        announcementTs: null,
        OR: [{ announcementClaimedAt: null }, { announcementClaimedAt: { lt: new Date(now.getTime() - leaseMs) } }],
      },
      data: { announcementChannelId: channelId, announcementClaimedAt: now },
    });
    return count === 1;
  }

  async releaseAnnouncement(meetingId: string): Promise<void> {
    await this.db.meeting.updateMany({
      where: { id: meetingId, announcementTs: null },
      data: { announcementChannelId: null, announcementClaimedAt: null },
    });
  }

  async unannounced(after: Date, claimedBefore: Date, limit: number): Promise<MeetingRecord[]> {
    const rows = await this.db.meeting.findMany({
      where: {
        seriesId: null,
        status: "scheduled",
        announcementTs: null,
        startsAt: { gt: after },
        OR: [{ announcementClaimedAt: null }, { announcementClaimedAt: { lt: claimedBefore } }],
      },
      orderBy: { startsAt: "asc" },
      take: limit,
    });
    return rows.map(toMeetingRecord);
  }

  async nextOccurrence(seriesId: string, afterIndex: number): Promise<MeetingRecord | null> {
    const row = await this.db.meeting.findFirst({
      where: { seriesId, occurrence: { gt: afterIndex }, status: "scheduled" },
      orderBy: { occurrence: "asc" },
    });
    return row ? toMeetingRecord(row) : null;
  }

  async answer(meetingId: string, slackUserId: string, answer: RsvpAnswer, organisation: string | null, now: Date): Promise<void> {
    await upsertRace(() =>
      this.db.meetingRsvp.upsert({
        where: { meetingId_slackUserId: { meetingId, slackUserId } },
        create: { meetingId, slackUserId, answer, organisation, createdAt: now, updatedAt: now },
        update: { answer, organisation, updatedAt: now },
      }),
    );
  }

  async tally(meetingId: string, goingLimit: number): Promise<RsvpTally> {
    const [counts, going] = await Promise.all([
      this.db.meetingRsvp.groupBy({ by: ["answer"], where: { meetingId }, _count: { _all: true } }),
      this.db.meetingRsvp.findMany({
        where: { meetingId, answer: "going" },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: goingLimit,
        select: { slackUserId: true },
      }),
    ]);
    const count = (answer: RsvpAnswer) => counts.find((c) => c.answer === answer)?._count._all ?? 0;
    const goingIds = going.map((g) => g.slackUserId);
    // Members by email have no Slack name to mention: their own names, read only when one of them is going.
    const byEmail = goingIds.filter(isEmailPerson);
    const named = byEmail.length
      ? await this.db.membership.findMany({
          where: { slackUserId: { in: byEmail }, community: { meetings: { some: { id: meetingId } } } },
          select: { slackUserId: true, displayName: true },
        })
      : [];
    const goingNames = Object.fromEntries(named.flatMap((m) => (m.displayName ? [[m.slackUserId, m.displayName]] : [])));
    return { going: count("going"), maybe: count("maybe"), notGoing: count("not_going"), goingIds, goingNames };
  }

  async answersOf(meetingIds: string[], slackUserId: string): Promise<Map<string, RsvpAnswer>> {
    if (!meetingIds.length) return new Map();
    const rows = await this.db.meetingRsvp.findMany({
      where: { meetingId: { in: meetingIds }, slackUserId },
      select: { meetingId: true, answer: true },
    });
    return new Map(rows.map((r) => [r.meetingId, r.answer as RsvpAnswer]));
  }

  async respondents(meetingId: string, answers: RsvpAnswer[]): Promise<string[]> {
    const rows = await this.db.meetingRsvp.findMany({
      where: { meetingId, answer: { in: answers } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { slackUserId: true },
    });
    return rows.map((r) => r.slackUserId);
  }

  async upcoming(communityIds: string[], after: Date, limit: number): Promise<{ items: MeetingRecord[]; total: number }> {
    if (!communityIds.length) return { items: [], total: 0 };
    // A meeting still under way counts: it started less than the longest meeting ago.
    const where = {
      communityId: { in: communityIds },
      status: "scheduled",
      startsAt: { gt: new Date(after.getTime() - LONGEST_MEETING_MS) },
    };
    const rows = await this.db.meeting.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: limit + 20 });
    const live = rows.map(toMeetingRecord).filter((m) => endsAfter(m, after));
    const early = rows.length - live.length;
    const total = (await this.db.meeting.count({ where })) - early;
    return { items: live.slice(0, limit), total };
  }

  async liveSeries(after: Date): Promise<Array<{ series: SeriesRecord; ahead: MeetingRecord[]; lastOccurrence: number }>> {
    // Every occurrence that may not have ended yet, however many were cancelled one by one.
    const [rows, last] = await Promise.all([
      this.db.meetingSeries.findMany({
        include: {
          meetings: { where: { startsAt: { gt: new Date(after.getTime() - LONGEST_MEETING_MS) } }, orderBy: { occurrence: "asc" } },
        },
      }),
      this.db.meeting.groupBy({ by: ["seriesId"], where: { seriesId: { not: null } }, _max: { occurrence: true } }),
    ]);
    const lastBySeries = new Map(last.map((l) => [l.seriesId, l._max.occurrence ?? -1]));
    const out: Array<{ series: SeriesRecord; ahead: MeetingRecord[]; lastOccurrence: number }> = [];
    for (const row of rows) {
      const lastOccurrence = lastBySeries.get(row.id) ?? -1;
      if (row.lastIndex !== null && lastOccurrence >= row.lastIndex) continue;
      out.push({
        series: toSeriesRecord(row),
        ahead: row.meetings.map(toMeetingRecord).filter((m) => endsAfter(m, after)),
        lastOccurrence,
      });
    }
    return out;
  }
}
