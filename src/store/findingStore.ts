import type { FindingRecord, FindingStore, NewFinding } from "../domain/ports";
import { insertUnlessPresent } from "./errors";
import type { Db } from "./prismaClient";

const withStages = { stages: { select: { stage: { select: { id: true, title: true, position: true, status: true } } } } } as const;

type FindingRow = Awaited<ReturnType<Db["finding"]["findFirstOrThrow"]>> & {
  stages: Array<{ stage: { id: string; title: string; position: number; status: string } }>;
};

function toFindingRecord(row: FindingRow): FindingRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    title: row.title,
    link: row.link,
    summary: row.summary,
    organisation: row.organisation,
    organisationOther: row.organisationOther,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    stages: row.stages
      .map((s) => s.stage)
      .filter((s) => s.status === "accepted")
      .sort((a, b) => a.position - b.position)
      .map(({ id, title, position }) => ({ id, title, position })),
  };
}

const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export class PrismaFindingStore implements FindingStore {
  constructor(private readonly db: Db) {}

  async create(input: NewFinding): Promise<FindingRecord | null> {
    return insertUnlessPresent(() =>
      this.db.$transaction(async (tx) => {
        // Only this community's accepted stages: an id from a forged form names nothing.
        const stages = input.stageIds.length
          ? await tx.journeyStage.findMany({
              where: { id: { in: input.stageIds }, communityId: input.communityId, status: "accepted" },
              select: { id: true },
            })
          : [];
        const row = await tx.finding.create({
          data: {
            communityId: input.communityId,
            title: input.title,
            link: input.link,
            summary: input.summary,
            organisation: input.organisation,
            organisationOther: input.organisationOther,
            createdBy: input.createdBy,
            createdAt: input.now,
            createRequestId: input.createRequestId,
            stages: { create: stages.map((s) => ({ stageId: s.id })) },
          },
          include: withStages,
        });
        return toFindingRecord(row);
      }),
    );
  }

  async findByRequestId(requestId: string): Promise<FindingRecord | null> {
    const row = await this.db.finding.findUnique({ where: { createRequestId: requestId }, include: withStages });
    return row ? toFindingRecord(row) : null;
  }

  async page(communityId: string, stageId: string | null, offset: number, limit: number) {
    const where = stageId ? { communityId, stages: { some: { stageId } } } : { communityId };
    const [rows, total] = await Promise.all([
      this.db.finding.findMany({ where, orderBy: newestFirst, skip: offset, take: limit, include: withStages }),
      this.db.finding.count({ where }),
    ]);
    return { items: rows.map(toFindingRecord), total };
  }

  async since(communityId: string, after: Date, limit: number) {
    const where = { communityId, createdAt: { gt: after } };
    const [rows, total] = await Promise.all([
      this.db.finding.findMany({ where, orderBy: newestFirst, take: limit, include: withStages }),
      this.db.finding.count({ where }),
    ]);
    return { items: rows.map(toFindingRecord), total };
  }

  /** A window function, which SQLite and PostgreSQL both run as written. */
  async latestByStage(communityId: string) {
    const rows = await this.db.$queryRaw<Array<{ stageId: string; id: string; title: string; link: string | null }>>`
      SELECT ranked."stageId", ranked."id", ranked."title", ranked."link" FROM (
        SELECT fs."stageId", f."id", f."title", f."link",
          ROW_NUMBER() OVER (PARTITION BY fs."stageId" ORDER BY f."createdAt" DESC, f."id" DESC) AS "rank"
        FROM "FindingStage" fs JOIN "Finding" f ON f."id" = fs."findingId"
        WHERE f."communityId" = ${communityId}
      ) ranked WHERE ranked."rank" = 1`;
    return new Map(rows.map((r) => [r.stageId, { id: r.id, title: r.title, link: r.link }]));
  }
}
