// The journey stages meetings cover. The links are written inside the meeting
// store's own transactions (a meeting and its stages are one write), with the
// helpers here; the reads are one statement each, however many meetings.
import type { CoveredStage, MeetingStageStore, StageMeeting } from "../domain/ports";
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "./prismaClient";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Of `stageIds`, the community's accepted stages: an id from a forged form, or a stage removed meanwhile, names nothing. */
export async function coveredStageIds(tx: Tx, communityId: string, stageIds: string[]): Promise<string[]> {
  if (!stageIds.length) return [];
  const rows = await tx.journeyStage.findMany({
    where: { id: { in: [...new Set(stageIds)] }, communityId, status: "accepted" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Links for a nested create (`stages: stageLinks(ids)`) on a meeting or a series. */
export function stageLinks(stageIds: string[]) {
  return { create: stageIds.map((stageId) => ({ stageId })) };
}

/** Replaces the stages a meeting covers. */
export async function replaceMeetingStages(tx: Tx, meetingId: string, communityId: string, stageIds: string[]): Promise<void> {
  const valid = await coveredStageIds(tx, communityId, stageIds);
  await tx.meetingStage.deleteMany({ where: { meetingId } });
  if (valid.length) await tx.meetingStage.createMany({ data: valid.map((stageId) => ({ meetingId, stageId })) });
}

/** Replaces the stages a series' new occurrences will cover. */
export async function replaceSeriesStages(tx: Tx, seriesId: string, communityId: string, stageIds: string[]): Promise<void> {
  const valid = await coveredStageIds(tx, communityId, stageIds);
  await tx.meetingSeriesStage.deleteMany({ where: { seriesId } });
  if (valid.length) await tx.meetingSeriesStage.createMany({ data: valid.map((stageId) => ({ seriesId, stageId })) });
}

// SQLite may hand a raw DATETIME back as text or a number; PostgreSQL as a Date.
const asDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

export class PrismaMeetingStageStore implements MeetingStageStore {
  constructor(private readonly db: Db) {}

  async stagesOf(meetingIds: string[]): Promise<Map<string, CoveredStage[]>> {
    const out = new Map<string, CoveredStage[]>(meetingIds.map((id) => [id, []]));
    if (!meetingIds.length) return out;
    const rows = await this.db.$queryRaw<Array<{ meetingId: string; id: string; title: string; position: number | bigint }>>`
      SELECT ms."meetingId", s."id", s."title", s."position"
      FROM "MeetingStage" ms JOIN "JourneyStage" s ON s."id" = ms."stageId"
      WHERE ms."meetingId" IN (${Prisma.join(meetingIds)}) AND s."status" = 'accepted'
      ORDER BY s."position", s."id"`;
    for (const r of rows) out.get(r.meetingId)?.push({ id: r.id, title: r.title, position: Number(r.position) });
    return out;
  }

  /** A window function, which SQLite and PostgreSQL both run as written (as the journey's latest findings). */
  async nextByStage(communityId: string, stageIds: string[], after: Date): Promise<Map<string, StageMeeting>> {
    if (!stageIds.length) return new Map();
    const rows = await this.db.$queryRaw<
      Array<{ stageId: string; id: string; title: string; startsAt: Date | string | number; timezone: string }>
    >`
      SELECT ranked."stageId", ranked."id", ranked."title", ranked."startsAt", ranked."timezone" FROM (
        SELECT ms."stageId", m."id", m."title", m."startsAt", m."timezone",
          ROW_NUMBER() OVER (PARTITION BY ms."stageId" ORDER BY m."startsAt", m."id") AS "rank"
        FROM "MeetingStage" ms JOIN "Meeting" m ON m."id" = ms."meetingId"
        WHERE m."communityId" = ${communityId} AND m."status" = 'scheduled' AND m."startsAt" > ${after}
          AND ms."stageId" IN (${Prisma.join(stageIds)})
      ) ranked WHERE ranked."rank" = 1`;
    return new Map(rows.map((r) => [r.stageId, { id: r.id, title: r.title, startsAt: asDate(r.startsAt), timezone: r.timezone }]));
  }
}
