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
  type RoundMeetingRef,
  type RoundOrganisationRow,
  type RoundStore,
  UniqueViolation,
} from "../domain/ports";
import { isUniqueViolation } from "./errors";
import type { Db } from "./prismaClient";

const withDetail = {
  stages: { select: { stage: { select: { id: true, title: true, position: true, status: true } } } },
  meeting: { select: { id: true, title: true, startsAt: true, timezone: true } },
  group: { select: { id: true, name: true } },
} as const;

type Row = Omit<Awaited<ReturnType<Db["projectUpdate"]["findFirstOrThrow"]>>, "requestId" | "groupId"> & {
  stages: Array<{ stage: { id: string; title: string; position: number; status: string } }>;
  meeting: { id: string; title: string; startsAt: Date; timezone: string } | null;
  group: { id: string; name: string } | null;
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
      .map(({ id, title, position }) => ({ id, title, position })),
    answeredBy: row.answeredBy,
    answeredByName: row.answeredByName,
    createdAt: row.createdAt,
    meeting: row.meeting,
    group: row.group,
  };
}

/** An update's own columns, without its relations. */
const flat = {
  id: true,
  communityId: true,
  meetingId: true,
  organisation: true,
  organisationName: true,
  projectKey: true,
  title: true,
  state: true,
  expectedOn: true,
  nothingNew: true,
  answeredBy: true,
  answeredByName: true,
  createdAt: true,
} as const;

const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export class PrismaRoundStore implements RoundStore {
  constructor(private readonly db: Db) {}

  async organisations(communityId: string, groupId?: string | null): Promise<RoundOrganisationRow[]> {
    // Grouped in SQL: one row an organisation, not one a member.
    type Grouped = Array<{ organisation: string; organisationOther: string | null; inSlack: number | bigint }>;
    const rows = groupId
      ? await this.db.$queryRaw<Grouped>`
      SELECT "organisation", "organisationOther", MAX(CASE WHEN "slackUserId" LIKE 'mail:%' THEN 0 ELSE 1 END) AS "inSlack"
      FROM "Membership" WHERE "communityId" = ${communityId} AND "status" = 'active'
        AND "slackUserId" IN (SELECT "slackUserId" FROM "GroupMember" WHERE "groupId" = ${groupId})
      GROUP BY "organisation", "organisationOther"`
      : await this.db.$queryRaw<Grouped>`
      SELECT "organisation", "organisationOther", MAX(CASE WHEN "slackUserId" LIKE 'mail:%' THEN 0 ELSE 1 END) AS "inSlack"
      FROM "Membership" WHERE "communityId" = ${communityId} AND "status" = 'active'
      GROUP BY "organisation", "organisationOther"`;
    return rows.map((r) => ({ organisation: r.organisation, organisationOther: r.organisationOther, inSlack: Number(r.inSlack) === 1 }));
  }

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

  async updatesFor(meeting: RoundMeetingRef, organisation?: string): Promise<ProjectUpdateRecord[]> {
    // Flat reads, all at once, joined here rather than Prisma's nested include: building nested
    // objects for a round of 400 answers, each with its stages and the same meeting, cost more
    // than the reads themselves (27 ms of CPU to 11 on SQLite), and on PostgreSQL each level of
    // nesting is a round trip of its own.
    const where = { meetingId: meeting.id, ...(organisation ? { organisation } : {}) };
    const [rows, touches, stages] = await Promise.all([
      this.db.projectUpdate.findMany({ where, select: flat, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      this.db.projectUpdateStage.findMany({ where: { update: where }, select: { updateId: true, stageId: true } }),
      this.db.journeyStage.findMany({
        where: { communityId: meeting.communityId, status: "accepted" },
        select: { id: true, title: true, position: true, status: true },
      }),
    ]);
    const stageById = new Map(stages.map((stage) => [stage.id, stage]));
    const stagesOf = new Map<string, Row["stages"]>();
    for (const t of touches) {
      const stage = stageById.get(t.stageId);
      if (stage) stagesOf.set(t.updateId, [...(stagesOf.get(t.updateId) ?? []), { stage }]);
    }
    const told = { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, timezone: meeting.timezone };
    // The meeting's group is the updates' (its rounds write its id on each).
    const group = meeting.group ?? null;
    return rows.map((row) => toRecord({ ...row, meeting: told, group, stages: stagesOf.get(row.id) ?? [] }));
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
            groupId: update.groupId,
            organisation: update.organisation,
            organisationName: update.organisationName,
            projectKey: update.projectKey,
            title: update.title,
            state: update.state,
            expectedOn: update.expectedOn,
            nothingNew: update.nothingNew,
            answeredBy: update.answeredBy,
            answeredByName: update.answeredByName,
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
    // Grouped in SQL (Prisma's `distinct` would read every update): each name an organisation has gone by, with when it was last used.
    const rows = await this.db.projectUpdate.groupBy({
      by: ["organisation", "organisationName"],
      where: { communityId, nothingNew: false },
      _max: { createdAt: true },
    });
    const latest = new Map<string, { organisationName: string; at: number }>();
    for (const r of rows) {
      const at = r._max.createdAt?.getTime() ?? 0;
      const seen = latest.get(r.organisation);
      if (!seen || at > seen.at) latest.set(r.organisation, { organisationName: r.organisationName, at });
    }
    return [...latest].map(([organisation, { organisationName }]) => ({ organisation, organisationName }));
  }
}
