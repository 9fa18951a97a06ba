import { organisationKey } from "../domain/members/coverage";
import type {
  JourneyStore,
  LandscapeFacts,
  ProblemStatus,
  StageFields,
  StageFigures,
  StageOwnerRecord,
  StageRecord,
  StageRole,
  StageStatus,
} from "../domain/ports";
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "./prismaClient";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const withOwners = { owners: { orderBy: { position: "asc" } } } as const;

type StageRow = Awaited<ReturnType<Db["journeyStage"]["findFirstOrThrow"]>> & {
  owners: Array<Omit<StageOwnerRecord, "role"> & { role: string }>;
};

function toStageRecord(row: StageRow): StageRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    title: row.title,
    description: row.description,
    link: row.link,
    position: row.position,
    status: row.status as StageStatus,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    owners: row.owners.map((o) => ({ organisation: o.organisation, organisationOther: o.organisationOther, role: o.role as StageRole })),
  };
}

function ownerRows(owners: StageOwnerRecord[]) {
  // One row an organisation, in the order given: the same organisation typed twice is kept once.
  const seen = new Set<string>();
  const rows = [];
  for (const owner of owners) {
    const key = organisationKey(owner);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      organisation: owner.organisation,
      organisationOther: owner.organisationOther,
      organisationKey: key,
      role: owner.role,
      position: rows.length,
    });
  }
  return rows;
}

/**
 * Every change to the journey's order bumps the community's journeyVersion as
 * its first write. On PostgreSQL that row lock queues concurrent changes; on
 * SQLite the write lock does; either way each change reads the order it
 * rewrites only after the one before it has committed.
 */
async function bump(tx: Tx, communityId: string, expected?: number): Promise<boolean> {
  const where = expected === undefined ? { id: communityId } : { id: communityId, journeyVersion: expected };
  const { count } = await tx.community.updateMany({ where, data: { journeyVersion: { increment: 1 } } });
  return count === 1;
}

/** Positions 0, 1, 2… for the accepted stages, in their current order. */
async function closeUp(tx: Tx, communityId: string): Promise<void> {
  const accepted = await tx.journeyStage.findMany({
    where: { communityId, status: "accepted" },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
  for (const [i, stage] of accepted.entries()) {
    if (stage.position !== i) await tx.journeyStage.update({ where: { id: stage.id }, data: { position: i } });
  }
}

async function nextPosition(tx: Tx, communityId: string, status: StageStatus): Promise<number> {
  const last = await tx.journeyStage.findFirst({
    where: { communityId, status },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return last ? last.position + 1 : 0;
}

interface StageProblemRow {
  stageId: string;
  id: string;
  title: string;
  status: string;
  votes: number | bigint;
}

interface StageMemberRow {
  stageId: string;
  organisation: string;
  organisationOther: string | null;
  /** The stage's organisations and members in all. */
  organisations: number | bigint;
  total: number | bigint;
}

/** How many of a stage's organisations its figures name (the journey names three, then "and N more"). */
const ORGANISATIONS_NAMED = 3;

export class PrismaJourneyStore implements JourneyStore {
  constructor(private readonly db: Db) {}

  async stages(communityId: string): Promise<StageRecord[]> {
    const rows = await this.db.journeyStage.findMany({
      where: { communityId },
      // "accepted" sorts before "suggested".
      orderBy: [{ status: "asc" }, { position: "asc" }, { id: "asc" }],
      include: withOwners,
    });
    return rows.map(toStageRecord);
  }

  async stagesOf(communityIds: string[]): Promise<StageRecord[]> {
    if (!communityIds.length) return [];
    const rows = await this.db.journeyStage.findMany({
      where: { communityId: { in: communityIds } },
      orderBy: [{ communityId: "asc" }, { status: "asc" }, { position: "asc" }, { id: "asc" }],
      include: withOwners,
    });
    return rows.map(toStageRecord);
  }

  async newProblemsByStage(periods: Array<{ communityId: string; since: Date }>, statuses: ProblemStatus[]): Promise<Map<string, number>> {
    if (!periods.length) return new Map();
    const rows = await this.db.problem.groupBy({
      by: ["stageId"],
      where: {
        OR: periods.map((p) => ({ communityId: p.communityId, createdAt: { gte: p.since } })),
        stageId: { not: null },
        status: { in: statuses },
      },
      _count: { _all: true },
    });
    return new Map(rows.filter((r) => r.stageId).map((r) => [r.stageId as string, r._count._all]));
  }

  async findStage(stageId: string): Promise<StageRecord | null> {
    const row = await this.db.journeyStage.findUnique({ where: { id: stageId }, include: withOwners });
    return row ? toStageRecord(row) : null;
  }

  async version(communityId: string): Promise<number> {
    const row = await this.db.community.findUnique({ where: { id: communityId }, select: { journeyVersion: true } });
    return row?.journeyVersion ?? 0;
  }

  async addStage(communityId: string, fields: StageFields, status: StageStatus, actorId: string, now: Date): Promise<StageRecord> {
    return this.db.$transaction(async (tx) => {
      await bump(tx, communityId);
      const row = await tx.journeyStage.create({
        data: {
          communityId,
          title: fields.title,
          description: fields.description,
          link: fields.link,
          status,
          position: await nextPosition(tx, communityId, status),
          createdBy: actorId,
          createdAt: now,
          updatedAt: now,
          owners: { create: ownerRows(fields.owners) },
        },
        include: withOwners,
      });
      return toStageRecord(row);
    });
  }

  async updateStage(stageId: string, fields: StageFields, now: Date): Promise<StageRecord> {
    return this.db.$transaction(async (tx) => {
      await tx.stageOwner.deleteMany({ where: { stageId } });
      const row = await tx.journeyStage.update({
        where: { id: stageId },
        data: {
          title: fields.title,
          description: fields.description,
          link: fields.link,
          updatedAt: now,
          owners: { create: ownerRows(fields.owners) },
        },
        include: withOwners,
      });
      return toStageRecord(row);
    });
  }

  async accept(stageId: string, now: Date): Promise<StageRecord | null> {
    const stage = await this.db.journeyStage.findUnique({ where: { id: stageId }, select: { communityId: true } });
    if (!stage) return null;
    return this.db.$transaction(async (tx) => {
      await bump(tx, stage.communityId);
      const position = await nextPosition(tx, stage.communityId, "accepted");
      const { count } = await tx.journeyStage.updateMany({
        where: { id: stageId, status: "suggested" },
        data: { status: "accepted", position, updatedAt: now },
      });
      if (!count) return null;
      const row = await tx.journeyStage.findUniqueOrThrow({ where: { id: stageId }, include: withOwners });
      return toStageRecord(row);
    });
  }

  async removeStage(stageId: string): Promise<void> {
    const stage = await this.db.journeyStage.findUnique({ where: { id: stageId }, select: { communityId: true } });
    if (!stage) return;
    await this.db.$transaction(async (tx) => {
      await bump(tx, stage.communityId);
      // The foreign key unlinks its problems (ON DELETE SET NULL); their typed text stays.
      await tx.journeyStage.deleteMany({ where: { id: stageId } });
      await closeUp(tx, stage.communityId);
    });
  }

  async reorder(communityId: string, orderedIds: string[], expectedVersion: number): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      if (!(await bump(tx, communityId, expectedVersion))) return false;
      for (const [position, id] of orderedIds.entries()) {
        await tx.journeyStage.updateMany({ where: { id, communityId, status: "accepted" }, data: { position } });
      }
      // Stages the order did not name (added meanwhile) go after it, as they were.
      await closeUp(tx, communityId);
      return true;
    });
  }

  async addStagesWithProblems(
    communityId: string,
    stages: Array<{ fields: StageFields; problemIds: string[] }>,
    actorId: string,
    now: Date,
  ): Promise<StageRecord[]> {
    return this.db.$transaction(async (tx) => {
      await bump(tx, communityId);
      let position = await nextPosition(tx, communityId, "accepted");
      const made: StageRecord[] = [];
      for (const { fields, problemIds } of stages) {
        const row = await tx.journeyStage.create({
          data: {
            communityId,
            title: fields.title,
            description: fields.description,
            link: fields.link,
            status: "accepted",
            position: position++,
            createdBy: actorId,
            createdAt: now,
            updatedAt: now,
            owners: { create: ownerRows(fields.owners) },
          },
          include: withOwners,
        });
        // Only this community's problems that no stage has taken meanwhile.
        if (problemIds.length)
          await tx.problem.updateMany({ where: { id: { in: problemIds }, communityId, stageId: null }, data: { stageId: row.id } });
        made.push(toStageRecord(row));
      }
      return made;
    });
  }

  async unlinkedStageTexts(communityId: string): Promise<Array<{ problemId: string; stageText: string }>> {
    const rows = await this.db.problem.findMany({
      where: { communityId, stageId: null, stage: { not: null }, status: { in: ["open", "objective"] } },
      select: { id: true, stage: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.filter((r) => r.stage?.trim()).map((r) => ({ problemId: r.id, stageText: r.stage ?? "" }));
  }

  /**
   * Two queries, whatever the size of the journey. Every open problem and
   * objective tied to the stages, with its votes counted through the vote
   * index, most votes first: the counts and each stage's most-voted one are
   * worked out here from a few thousand short rows, which costs less than
   * grouping and ranking them in SQL (a window over a join of problems and
   * votes). And the active members on each stage, counted by organisation in
   * SQL, of which only each stage's three largest organisations come back
   * with the stage's totals: the rows to build are then a few dozen, not one
   * a stage and organisation (Prisma's nested read built one a member). A
   * typed organisation's case is folded by SQL's LOWER (ASCII only on
   * SQLite), as organisationKey folds it.
   */
  async figures(communityId: string, stageIds?: string[]): Promise<Map<string, StageFigures>> {
    if (stageIds && !stageIds.length) return new Map();
    const onlyProblems = stageIds ? Prisma.sql`AND p."stageId" IN (${Prisma.join(stageIds)})` : Prisma.empty;
    const onlyMembers = stageIds ? Prisma.sql`AND ms."stageId" IN (${Prisma.join(stageIds)})` : Prisma.empty;
    const [problems, members] = await Promise.all([
      this.db.$queryRaw<StageProblemRow[]>`
        SELECT p."stageId", p."id", p."title", p."status",
          (SELECT COUNT(*) FROM "ProblemVote" v WHERE v."problemId" = p."id") AS "votes"
        FROM "Problem" p
        WHERE p."communityId" = ${communityId} AND p."stageId" IS NOT NULL AND p."status" IN ('open', 'objective') ${onlyProblems}
        ORDER BY "votes" DESC, p."createdAt" ASC, p."id" ASC`,
      this.db.$queryRaw<StageMemberRow[]>`
        SELECT ranked."stageId", ranked."organisation", ranked."organisationOther", ranked."organisations", ranked."total"
        FROM (
          SELECT grouped.*,
            ROW_NUMBER() OVER (PARTITION BY grouped."stageId" ORDER BY grouped."members" DESC, grouped."organisation", grouped."folded") AS "rank",
            COUNT(*) OVER (PARTITION BY grouped."stageId") AS "organisations",
            SUM(grouped."members") OVER (PARTITION BY grouped."stageId") AS "total"
          FROM (
            SELECT ms."stageId", m."organisation", LOWER(COALESCE(m."organisationOther", '')) AS "folded",
              MIN(m."organisationOther") AS "organisationOther", COUNT(*) AS "members"
            FROM "MemberStage" ms
              JOIN "JourneyStage" s ON s."id" = ms."stageId"
              JOIN "Membership" m ON m."id" = ms."membershipId"
            WHERE s."communityId" = ${communityId} AND s."status" = 'accepted' AND m."status" = 'active' ${onlyMembers}
            GROUP BY ms."stageId", m."organisation", LOWER(COALESCE(m."organisationOther", ''))
          ) grouped
        ) ranked
        WHERE ranked."rank" <= ${ORGANISATIONS_NAMED}
        ORDER BY ranked."stageId", ranked."rank"`,
    ]);
    const figures = new Map<string, StageFigures>();
    const of = (stageId: string): StageFigures => {
      const known = figures.get(stageId);
      if (known) return known;
      const fresh: StageFigures = {
        openProblems: 0,
        objectives: 0,
        topProblem: null,
        members: 0,
        memberOrganisations: [],
        memberOrganisationCount: 0,
      };
      figures.set(stageId, fresh);
      return fresh;
    };
    for (const row of problems) {
      const f = of(row.stageId);
      if (row.status === "open") f.openProblems++;
      else f.objectives++;
      // Most votes first, then the earliest logged: a stage's first row is its most-voted.
      f.topProblem ??= { id: row.id, title: row.title, votes: Number(row.votes) };
    }
    for (const row of members) {
      const f = of(row.stageId);
      f.members = Number(row.total);
      f.memberOrganisationCount = Number(row.organisations);
      f.memberOrganisations.push(organisationKey(row));
    }
    return figures;
  }

  async memberStageIds(communityId: string, slackUserId: string): Promise<string[]> {
    const rows = await this.db.memberStage.findMany({
      where: { membership: { communityId, slackUserId }, stage: { status: "accepted" } },
      select: { stageId: true, stage: { select: { position: true } } },
    });
    return rows.sort((a, b) => a.stage.position - b.stage.position).map((r) => r.stageId);
  }

  async setMemberStages(communityId: string, slackUserId: string, stageIds: string[]): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const membership = await tx.membership.findUnique({
        where: { communityId_slackUserId: { communityId, slackUserId } },
        select: { id: true },
      });
      if (!membership) return;
      await tx.memberStage.deleteMany({ where: { membershipId: membership.id } });
      // Only this community's accepted stages: an id from a forged form names nothing.
      const valid = await tx.journeyStage.findMany({
        where: { id: { in: stageIds }, communityId, status: "accepted" },
        select: { id: true },
      });
      if (valid.length) await tx.memberStage.createMany({ data: valid.map((s) => ({ membershipId: membership.id, stageId: s.id })) });
    });
  }

  async landscapeFacts(communityId: string): Promise<LandscapeFacts> {
    const [affected, members] = await Promise.all([
      this.db.problemOrganisation.findMany({
        where: { problem: { communityId, stageId: { not: null }, status: { in: ["open", "objective"] } } },
        select: { organisation: true, problem: { select: { stageId: true } } },
        distinct: ["problemId", "organisation"],
      }),
      this.db.memberStage.findMany({
        where: { stage: { communityId, status: "accepted" }, membership: { status: "active" } },
        select: { stageId: true, membership: { select: { organisation: true, organisationOther: true } } },
      }),
    ]);
    const affectedKeys = new Set<string>();
    const affectedRows: LandscapeFacts["affected"] = [];
    for (const row of affected) {
      const stageId = row.problem.stageId;
      const key = `${stageId}\u0000${row.organisation}`;
      if (!stageId || affectedKeys.has(key)) continue;
      affectedKeys.add(key);
      affectedRows.push({ stageId, organisationKey: row.organisation });
    }
    const counts = new Map<string, { stageId: string; organisationKey: string; members: number }>();
    for (const row of members) {
      const organisation = organisationKey(row.membership);
      const key = `${row.stageId}\u0000${organisation}`;
      const known = counts.get(key);
      if (known) known.members++;
      else counts.set(key, { stageId: row.stageId, organisationKey: organisation, members: 1 });
    }
    return { affected: affectedRows, members: [...counts.values()] };
  }
}
