// The live-projects round: who was asked before each meeting, and the updates
// organisations told. Every read brings its stages and meeting with it (Prisma's
// relation load, one statement however many updates), so compiling a round of 400
// answers is a fixed number of queries.
import {
  type NewProjectUpdate,
  type ProjectHistory,
  type ProjectState,
  type ProjectUpdateRecord,
  type RoundAskRecord,
  type RoundStore,
  UniqueViolation,
} from "../domain/ports";
import { isUniqueViolation } from "./errors";
import type { Db } from "./prismaClient";

const withDetail = {
  stages: { select: { stage: { select: { id: true, title: true, position: true, status: true } } } },
  meeting: { select: { id: true, title: true, startsAt: true, timezone: true } },
} as const;

type Row = Awaited<ReturnType<Db["projectUpdate"]["findFirstOrThrow"]>> & {
  stages: Array<{ stage: { id: string; title: string; position: number; status: string } }>;
  meeting: { id: string; title: string; startsAt: Date; timezone: string } | null;
};

function toRecord(row: Row): ProjectUpdateRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    meetingId: row.meetingId,
    organisation: row.organisation,
    organisationName: row.organisationName,
    projectKey: row.projectKey,
    title: row.title,
    state: row.state as ProjectState | null,
    expectedOn: row.expectedOn,
    nothingNew: row.nothingNew,
    stages: row.stages
      .map((s) => s.stage)
      .filter((s) => s.status === "accepted")
      .sort((a, b) => a.position - b.position)
      .map(({ id, title }) => ({ id, title })),
    answeredBy: row.answeredBy,
    createdAt: row.createdAt,
    meeting: row.meeting,
  };
}

const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export class PrismaRoundStore implements RoundStore {
  constructor(private readonly db: Db) {}

  async asks(meetingId: string): Promise<RoundAskRecord[]> {
    return this.db.roundAsk.findMany({
      where: { meetingId },
      select: { meetingId: true, organisation: true, personId: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
  }

  async recordAsks(meetingId: string, asks: Array<{ organisation: string; personId: string }>, now: Date): Promise<RoundAskRecord[]> {
    try {
      await this.db.$transaction(async (tx) => {
        // Written once: a row built again (retried, or reclaimed from a process that died) keeps the first choice.
        if (await tx.roundAsk.count({ where: { meetingId } })) return;
        await tx.roundAsk.createMany({ data: asks.map((a) => ({ meetingId, ...a, createdAt: now })) });
      });
    } catch (error) {
      // Two writers at once on PostgreSQL: the other's asks stand.
      if (!isUniqueViolation(error)) throw error;
    }
    return this.asks(meetingId);
  }

  async updatesFor(meetingId: string): Promise<ProjectUpdateRecord[]> {
    const rows = await this.db.projectUpdate.findMany({
      where: { meetingId },
      include: withDetail,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return rows.map(toRecord);
  }

  async add(update: NewProjectUpdate): Promise<ProjectUpdateRecord> {
    try {
      const row = await this.db.$transaction(async (tx) => {
        const stages = update.stageIds.length
          ? await tx.journeyStage.findMany({
              where: { id: { in: update.stageIds }, communityId: update.communityId, status: "accepted" },
              select: { id: true },
            })
          : [];
        return tx.projectUpdate.create({
          data: {
            communityId: update.communityId,
            meetingId: update.meetingId,
            organisation: update.organisation,
            organisationName: update.organisationName,
            projectKey: update.projectKey,
            title: update.title,
            state: update.state,
            expectedOn: update.expectedOn,
            nothingNew: update.nothingNew,
            answeredBy: update.answeredBy,
            requestId: update.requestId,
            createdAt: update.now,
            stages: { create: stages.map((s) => ({ stageId: s.id })) },
          },
          include: withDetail,
        });
      });
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new UniqueViolation("request");
      throw error;
    }
  }

  async findByRequestId(requestId: string): Promise<ProjectUpdateRecord | null> {
    const row = await this.db.projectUpdate.findUnique({ where: { requestId }, include: withDetail });
    return row ? toRecord(row) : null;
  }

  async recentAnswerers(communityId: string, limit: number): Promise<Map<string, string[]>> {
    const rows = await this.db.projectUpdate.findMany({
      where: { communityId, meetingId: { not: null } },
      select: { organisation: true, answeredBy: true },
      orderBy: newestFirst,
      take: limit,
    });
    const by = new Map<string, string[]>();
    for (const { organisation, answeredBy } of rows) {
      const people = by.get(organisation) ?? [];
      if (!people.includes(answeredBy)) people.push(answeredBy);
      by.set(organisation, people);
    }
    return by;
  }

  async latestOf(communityId: string, organisation: string, limit: number): Promise<ProjectUpdateRecord[]> {
    const rows = await this.db.projectUpdate.findMany({
      where: { communityId, organisation, nothingNew: false },
      include: withDetail,
      orderBy: newestFirst,
      distinct: ["projectKey"],
      take: limit,
    });
    return rows.map(toRecord);
  }

  async timeline(
    communityId: string,
    organisation: string | null,
    offset: number,
    limit: number,
  ): Promise<{ projects: ProjectHistory[]; total: number }> {
    const where = { communityId, nothingNew: false, ...(organisation ? { organisation } : {}) };
    // Every thing's latest update, most recent first (one grouped read), then the page's updates (one read).
    const latest = await this.db.projectUpdate.groupBy({
      by: ["projectKey"],
      where,
      _max: { createdAt: true },
      orderBy: [{ _max: { createdAt: "desc" } }, { projectKey: "asc" }],
    });
    const keys = latest.slice(offset, offset + limit).map((g) => g.projectKey);
    const rows = keys.length
      ? await this.db.projectUpdate.findMany({ where: { ...where, projectKey: { in: keys } }, include: withDetail, orderBy: newestFirst })
      : [];
    const byKey = new Map<string, ProjectUpdateRecord[]>(keys.map((k) => [k, []]));
    for (const row of rows) byKey.get(row.projectKey)?.push(toRecord(row));
    const projects = keys.map((projectKey) => {
      const updates = byKey.get(projectKey) ?? [];
      return { projectKey, organisation: updates[0]?.organisation ?? "", updates };
    });
    return { projects, total: latest.length };
  }

  async organisationsWithUpdates(communityId: string): Promise<Array<{ organisation: string; organisationName: string }>> {
    return this.db.projectUpdate.findMany({
      where: { communityId, nothingNew: false },
      select: { organisation: true, organisationName: true },
      orderBy: newestFirst,
      distinct: ["organisation"],
    });
  }
}
