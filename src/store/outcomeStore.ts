// Meetings' outcomes and their actions. An outcome and its actions are one
// write, and the unique meetingId makes it one a meeting however many forms race.
import type {
  ActionItemRecord,
  ActionStatus,
  NewOutcome,
  OutcomeRecord,
  OutcomeStore,
  OutcomeSummaryState,
  RecentOutcome,
} from "../domain/ports";
import { translateUnique } from "./errors";
import type { Db } from "./prismaClient";

export const withTopics = {
  stage: { select: { id: true, title: true, status: true } },
  problem: { select: { id: true, title: true } },
} as const;

type ActionRow = Awaited<ReturnType<Db["actionItem"]["findFirstOrThrow"]>> & {
  stage: { id: string; title: string; status: string } | null;
  problem: { id: string; title: string } | null;
};
type OutcomeRow = Awaited<ReturnType<Db["meetingOutcome"]["findFirstOrThrow"]>>;

export function toActionRecord(row: ActionRow): ActionItemRecord {
  return {
    id: row.id,
    meetingId: row.meetingId,
    communityId: row.communityId,
    title: row.title,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    stage: row.stage?.status === "accepted" ? { id: row.stage.id, title: row.stage.title } : null,
    problem: row.problem,
    status: row.status as ActionStatus,
    doneAt: row.doneAt,
    doneBy: row.doneBy,
    position: row.position,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    dmChannelId: row.dmChannelId,
    dmTs: row.dmTs,
  };
}

function toOutcomeRecord(row: OutcomeRow): OutcomeRecord {
  return {
    meetingId: row.meetingId,
    notes: row.notes,
    notesLink: row.notesLink,
    decisions: row.decisions ? row.decisions.split("\n") : [],
    recordedBy: row.recordedBy,
    requestId: row.requestId,
    postChannelId: row.postChannelId,
    postTs: row.postTs,
    summary: row.summary as OutcomeSummaryState,
    createdAt: row.createdAt,
  };
}

export class PrismaOutcomeStore implements OutcomeStore {
  constructor(private readonly db: Db) {}

  async find(meetingId: string): Promise<{ outcome: OutcomeRecord; actions: ActionItemRecord[] } | null> {
    const [outcome, actions] = await Promise.all([
      this.db.meetingOutcome.findUnique({ where: { meetingId } }),
      this.db.actionItem.findMany({ where: { meetingId }, orderBy: [{ position: "asc" }, { id: "asc" }], include: withTopics }),
    ]);
    return outcome ? { outcome: toOutcomeRecord(outcome), actions: actions.map(toActionRecord) } : null;
  }

  async summaries(meetingIds: string[]): Promise<Map<string, { decisions: number; actions: number }>> {
    if (!meetingIds.length) return new Map();
    const rows = await this.db.meetingOutcome.findMany({
      where: { meetingId: { in: meetingIds } },
      select: { meetingId: true, decisions: true, meeting: { select: { _count: { select: { actions: true } } } } },
    });
    return new Map(
      rows.map((r) => [r.meetingId, { decisions: r.decisions ? r.decisions.split("\n").length : 0, actions: r.meeting._count.actions }]),
    );
  }

  async record(input: NewOutcome): Promise<{ outcome: OutcomeRecord; actions: ActionItemRecord[] }> {
    return translateUnique(() =>
      this.db.$transaction(async (tx) => {
        const { communityId, groupId } = await tx.meeting.findUniqueOrThrow({
          where: { id: input.meetingId },
          select: { communityId: true, groupId: true },
        });
        const outcome = await tx.meetingOutcome.create({
          data: {
            meetingId: input.meetingId,
            notes: input.notes,
            notesLink: input.notesLink,
            decisions: input.decisions.join("\n"),
            recordedBy: input.recordedBy,
            requestId: input.requestId,
            // A group feeds back to the larger community: its outcome is summarised in the community's channel too.
            summary: groupId ? "due" : "none",
            createdAt: input.now,
          },
        });
        // Only this community's stages and problems: an id from a forged form names nothing.
        const [stages, problems] = await Promise.all([
          tx.journeyStage.findMany({
            where: { communityId, status: "accepted", id: { in: input.actions.flatMap((a) => (a.stageId ? [a.stageId] : [])) } },
            select: { id: true },
          }),
          tx.problem.findMany({
            where: { communityId, id: { in: input.actions.flatMap((a) => (a.problemId ? [a.problemId] : [])) } },
            select: { id: true },
          }),
        ]);
        const stageIds = new Set(stages.map((s) => s.id));
        const problemIds = new Set(problems.map((p) => p.id));
        const actions: ActionItemRecord[] = [];
        for (const [position, action] of input.actions.entries()) {
          const row = await tx.actionItem.create({
            data: {
              meetingId: input.meetingId,
              communityId,
              title: action.title,
              ownerId: action.ownerId,
              ownerName: action.ownerName,
              dueOn: action.dueOn,
              stageId: action.stageId && stageIds.has(action.stageId) ? action.stageId : null,
              problemId: action.problemId && problemIds.has(action.problemId) ? action.problemId : null,
              position,
              createdBy: input.recordedBy,
              createdAt: input.now,
            },
            include: withTopics,
          });
          actions.push(toActionRecord(row));
        }
        return { outcome: toOutcomeRecord(outcome), actions };
      }),
    );
  }

  async claimPost(meetingId: string, now: Date, leaseMs: number): Promise<boolean> {
    const { count } = await this.db.meetingOutcome.updateMany({
      where: { meetingId, postTs: null, OR: [{ postClaimedAt: null }, { postClaimedAt: { lt: new Date(now.getTime() - leaseMs) } }] },
      data: { postClaimedAt: now },
    });
    return count === 1;
  }

  async setPost(meetingId: string, channelId: string, ts: string): Promise<void> {
    await this.db.meetingOutcome.update({ where: { meetingId }, data: { postChannelId: channelId, postTs: ts } });
  }

  async releasePost(meetingId: string): Promise<void> {
    await this.db.meetingOutcome.updateMany({ where: { meetingId, postTs: null }, data: { postClaimedAt: null } });
  }

  async unposted(since: Date, claimedBefore: Date, limit: number): Promise<string[]> {
    const free = (field: "postClaimedAt" | "summaryClaimedAt") => ({ OR: [{ [field]: null }, { [field]: { lt: claimedBefore } }] });
    const rows = await this.db.meetingOutcome.findMany({
      where: {
        createdAt: { gt: since },
        OR: [
          { postTs: null, ...free("postClaimedAt") },
          { postTs: { not: null }, summary: "due", ...free("summaryClaimedAt") },
        ],
      },
      select: { meetingId: true },
      orderBy: { createdAt: "asc" },
      take: limit,
    });
    return rows.map((r) => r.meetingId);
  }

  async claimSummary(meetingId: string, now: Date, leaseMs: number): Promise<boolean> {
    const { count } = await this.db.meetingOutcome.updateMany({
      where: {
        meetingId,
        summary: "due",
        OR: [{ summaryClaimedAt: null }, { summaryClaimedAt: { lt: new Date(now.getTime() - leaseMs) } }],
      },
      data: { summaryClaimedAt: now },
    });
    return count === 1;
  }

  async summaryDone(meetingId: string): Promise<void> {
    await this.db.meetingOutcome.updateMany({ where: { meetingId }, data: { summary: "posted" } });
  }

  async releaseSummary(meetingId: string): Promise<void> {
    await this.db.meetingOutcome.updateMany({ where: { meetingId, summary: "due" }, data: { summaryClaimedAt: null } });
  }

  async recordedSince(communityId: string, since: Date, limit: number): Promise<{ items: RecentOutcome[]; total: number }> {
    const where = { createdAt: { gt: since }, meeting: { communityId } };
    const [rows, total] = await Promise.all([
      this.db.meetingOutcome.findMany({
        where,
        include: {
          meeting: {
            select: {
              id: true,
              title: true,
              startsAt: true,
              timezone: true,
              group: { select: { id: true, name: true } },
              actions: { orderBy: [{ position: "asc" }, { id: "asc" }], include: withTopics },
            },
          },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit,
      }),
      this.db.meetingOutcome.count({ where }),
    ]);
    return {
      items: rows.map(({ meeting: { actions, group, ...meeting }, ...outcome }) => ({
        outcome: toOutcomeRecord(outcome),
        meeting,
        group,
        actions: actions.map(toActionRecord),
      })),
      total,
    };
  }
}
