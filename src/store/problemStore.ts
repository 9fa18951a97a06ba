import type {
  NewProblem,
  ObjectiveSummary,
  ProblemListItem,
  ProblemRecord,
  ProblemSource,
  ProblemStatus,
  ProblemStore,
  ProblemSummary,
  StatusChange,
  VoteTally,
} from "../domain/ports";
import { insertUnlessPresent, translateUnique } from "./errors";
import type { Db } from "./prismaClient";

const withAffects = {
  affects: { select: { organisation: true }, orderBy: { organisation: "asc" } },
  duplicateOf: { select: { id: true, title: true } },
} as const;

interface ListRow {
  id: string;
  title: string;
  status: string;
  votes: number | bigint;
  organisations: number | bigint;
  viewerVoted: number | bigint;
}

type ProblemRow = Awaited<ReturnType<Db["problem"]["findFirstOrThrow"]>> & {
  affects: Array<{ organisation: string }>;
  duplicateOf: { id: string; title: string } | null;
};

function toProblemRecord(row: ProblemRow): ProblemRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    title: row.title,
    description: row.description,
    stage: row.stage,
    link: row.link,
    status: row.status as ProblemStatus,
    source: row.source as ProblemSource,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    messagePermalink: row.messagePermalink,
    announcementChannelId: row.announcementChannelId,
    announcementTs: row.announcementTs,
    affects: row.affects.map((a) => a.organisation),
    duplicateOf: row.duplicateOf,
    objective:
      row.status === "objective"
        ? { ownerId: row.objectiveOwnerId, targetDate: row.objectiveTargetDate, status: row.objectiveStatus ?? "open" }
        : null,
  };
}

export class PrismaProblemStore implements ProblemStore {
  constructor(private readonly db: Db) {}

  async create(input: NewProblem): Promise<ProblemRecord> {
    const row = await translateUnique(() =>
      this.db.problem.create({
        data: {
          communityId: input.communityId,
          title: input.title,
          description: input.description,
          stage: input.stage,
          stageId: input.stageId,
          link: input.link,
          source: input.source,
          createdBy: input.createdBy,
          messagePermalink: input.messagePermalink,
          createRequestId: input.requestId,
          createdAt: input.now,
          affects: { create: input.affects.map((organisation) => ({ organisation })) },
        },
        include: withAffects,
      }),
    );
    return toProblemRecord(row);
  }

  async findByRequestId(requestId: string): Promise<ProblemRecord | null> {
    const row = await this.db.problem.findUnique({ where: { createRequestId: requestId }, include: withAffects });
    return row ? toProblemRecord(row) : null;
  }

  async list(communityId: string, statuses: ProblemStatus[], viewerId: string, page: { offset: number; limit: number }) {
    // Four status slots, padded with repeats: one portable statement for every filter.
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => statuses[i] ?? statuses[0]);
    const rows = await this.db.$queryRaw<ListRow[]>`
      SELECT p."id", p."title", p."status",
        (SELECT COUNT(*) FROM "ProblemVote" v WHERE v."problemId" = p."id") AS "votes",
        (SELECT COUNT(DISTINCT v."organisation") FROM "ProblemVote" v WHERE v."problemId" = p."id") AS "organisations",
        (SELECT COUNT(*) FROM "ProblemVote" v WHERE v."problemId" = p."id" AND v."slackUserId" = ${viewerId}) AS "viewerVoted"
      FROM "Problem" p
      WHERE p."communityId" = ${communityId} AND p."status" IN (${a}, ${b}, ${c}, ${d})
      ORDER BY "votes" DESC, "organisations" DESC, p."createdAt" ASC, p."id" ASC
      LIMIT ${page.limit} OFFSET ${page.offset}`;
    const total = await this.db.problem.count({ where: { communityId, status: { in: statuses } } });
    // COUNT is a bigint on PostgreSQL and a number on SQLite.
    const items: ProblemListItem[] = rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as ProblemStatus,
      votes: Number(r.votes),
      organisations: Number(r.organisations),
      viewerVoted: Number(r.viewerVoted) > 0,
    }));
    return { items, total };
  }

  async findById(problemId: string): Promise<ProblemRecord | null> {
    const row = await this.db.problem.findUnique({ where: { id: problemId }, include: withAffects });
    return row ? toProblemRecord(row) : null;
  }

  async setAnnouncement(problemId: string, channelId: string, ts: string): Promise<void> {
    await this.db.problem.update({ where: { id: problemId }, data: { announcementChannelId: channelId, announcementTs: ts } });
  }

  async toggleVote(problemId: string, slackUserId: string, organisation: string | null, now: Date): Promise<{ voted: boolean }> {
    if (await this.removeVote(problemId, slackUserId)) return { voted: false };
    await this.addVote(problemId, slackUserId, organisation, now);
    return { voted: true };
  }

  async addVote(problemId: string, slackUserId: string, organisation: string | null, now: Date): Promise<void> {
    // Null when the same person's other click got there first: their vote stands once.
    await insertUnlessPresent(() => this.db.problemVote.create({ data: { problemId, slackUserId, organisation, createdAt: now } }));
  }

  async removeVote(problemId: string, slackUserId: string): Promise<boolean> {
    const removed = await this.db.problemVote.deleteMany({ where: { problemId, slackUserId } });
    return removed.count > 0;
  }

  async hasVoted(problemId: string, slackUserId: string): Promise<boolean> {
    return (await this.db.problemVote.count({ where: { problemId, slackUserId } })) > 0;
  }

  async tally(problemId: string): Promise<VoteTally> {
    const [votes, organisations] = await Promise.all([
      this.db.problemVote.count({ where: { problemId } }),
      this.db.problemVote.groupBy({ by: ["organisation"], where: { problemId, organisation: { not: null } } }),
    ]);
    return { votes, organisations: organisations.length };
  }

  async changeStatus(change: {
    problemId: string;
    from: ProblemStatus;
    to: ProblemStatus;
    actorId: string;
    now: Date;
    duplicateOfId?: string;
  }): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const moved = await tx.problem.updateMany({
        where: { id: change.problemId, status: change.from },
        data: {
          status: change.to,
          // An objective starts as open work; leaving the objective status clears it.
          objectiveStatus: change.to === "objective" ? "open" : null,
          duplicateOfId: change.to === "duplicate" ? change.duplicateOfId : null,
        },
      });
      if (moved.count === 0) return false;
      await tx.problemStatusChange.create({
        data: { problemId: change.problemId, actorId: change.actorId, fromStatus: change.from, toStatus: change.to, createdAt: change.now },
      });
      return true;
    });
  }

  async setObjective(problemId: string, objective: { ownerId: string | null; targetDate: Date | null; status: string }): Promise<void> {
    await this.db.problem.update({
      where: { id: problemId },
      data: { objectiveOwnerId: objective.ownerId, objectiveTargetDate: objective.targetDate, objectiveStatus: objective.status },
    });
  }

  async search(communityId: string, query: string, exceptId: string, limit: number) {
    const rows = await this.db.problem.findMany({
      where: { communityId, id: { not: exceptId }, status: { not: "duplicate" } },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, status: true },
    });
    const q = query.trim().toLowerCase();
    return rows
      .filter((r) => !q || r.title.toLowerCase().includes(q))
      .slice(0, limit)
      .map((r) => ({ ...r, status: r.status as ProblemStatus }));
  }

  async history(problemId: string): Promise<StatusChange[]> {
    const rows = await this.db.problemStatusChange.findMany({ where: { problemId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map((r) => ({ actorId: r.actorId, from: r.fromStatus as ProblemStatus, to: r.toStatus as ProblemStatus, at: r.createdAt }));
  }

  async edit(problemId: string, fields: { title: string; description: string }): Promise<void> {
    await this.db.problem.update({ where: { id: problemId }, data: fields });
  }

  async claimPromotionSuggestion(problemId: string, now: Date): Promise<boolean> {
    // Conditional, so of many votes crossing the threshold at once only one claims it.
    const claimed = await this.db.problem.updateMany({
      where: { id: problemId, promotionSuggestedAt: null },
      data: { promotionSuggestedAt: now },
    });
    return claimed.count === 1;
  }

  async stillOpen(communityId: string, limit: number): Promise<{ items: ProblemSummary[]; total: number }> {
    const where = { communityId, status: "open" };
    const [total, items] = await Promise.all([
      this.db.problem.count({ where }),
      this.db.problem.findMany({ where, orderBy: { createdAt: "asc" }, take: limit, select: { id: true, title: true, status: true } }),
    ]);
    return { items, total };
  }

  async objectives(communityIds: string[]): Promise<ObjectiveSummary[]> {
    const rows = await this.db.problem.findMany({
      where: { communityId: { in: communityIds }, status: "objective" },
      orderBy: { createdAt: "asc" },
      select: { id: true, communityId: true, title: true, objectiveStatus: true, objectiveOwnerId: true, objectiveTargetDate: true },
    });
    return rows.map((r) => ({
      id: r.id,
      communityId: r.communityId,
      title: r.title,
      objectiveStatus: r.objectiveStatus ?? "open",
      ownerId: r.objectiveOwnerId,
      targetDate: r.objectiveTargetDate,
    }));
  }
}
