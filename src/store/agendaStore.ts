// Meetings' agenda items. Every write that changes the order moves the
// meeting's agendaVersion on as its first statement, as the journey's order
// does with Community.journeyVersion: on PostgreSQL that row lock queues
// concurrent changes, on SQLite the write lock does, so each change reads the
// order it rewrites only after the one before it has committed.
import type { AgendaItemRecord, AgendaSource, AgendaStore, MeetingRecord, NewAgendaItem } from "../domain/ports";
import { translateUnique } from "./errors";
import { toMeetingRecord } from "./meetingRows";
import type { Tx } from "./meetingStageStore";
import type { Db } from "./prismaClient";

const withTopics = {
  stage: { select: { id: true, title: true, status: true } },
  problem: { select: { id: true, title: true } },
} as const;

type ItemRow = Awaited<ReturnType<Db["agendaItem"]["findFirstOrThrow"]>> & {
  stage: { id: string; title: string; status: string } | null;
  problem: { id: string; title: string } | null;
};

function toItemRecord(row: ItemRow): AgendaItemRecord {
  return {
    id: row.id,
    meetingId: row.meetingId,
    title: row.title,
    proposedBy: row.proposedBy,
    link: row.link,
    messagePermalink: row.messagePermalink,
    // A suggestion that was never accepted is not a stage of the journey to name.
    stage: row.stage?.status === "accepted" ? { id: row.stage.id, title: row.stage.title } : null,
    problem: row.problem,
    actionId: row.actionId,
    source: row.source as AgendaSource,
    position: row.position,
    createdAt: row.createdAt,
  };
}

const inOrder = [{ position: "asc" as const }, { id: "asc" as const }];

async function bump(tx: Tx, meetingId: string, expected?: number): Promise<boolean> {
  const where = expected === undefined ? { id: meetingId } : { id: meetingId, agendaVersion: expected };
  const { count } = await tx.meeting.updateMany({ where, data: { agendaVersion: { increment: 1 } } });
  return count === 1;
}

/** Positions 0, 1, 2… in the current order. */
async function closeUp(tx: Tx, meetingId: string): Promise<void> {
  const rows = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: inOrder, select: { id: true, position: true } });
  for (const [position, row] of rows.entries()) {
    if (row.position !== position) await tx.agendaItem.update({ where: { id: row.id }, data: { position } });
  }
}

export class PrismaAgendaStore implements AgendaStore {
  constructor(private readonly db: Db) {}

  async nextMeeting(communityId: string, groupId: string | null, after: Date): Promise<MeetingRecord | null> {
    const row = await this.db.meeting.findFirst({
      where: { communityId, groupId, status: "scheduled", startsAt: { gt: after } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    });
    return row ? toMeetingRecord(row) : null;
  }

  async hasMeetings(communityId: string, except: string[]): Promise<boolean> {
    const row = await this.db.meeting.findFirst({
      where: { communityId, groupId: null, status: "scheduled", id: { notIn: except } },
      select: { id: true },
    });
    return row !== null;
  }

  async items(meetingId: string): Promise<AgendaItemRecord[]> {
    const rows = await this.db.agendaItem.findMany({ where: { meetingId }, orderBy: inOrder, include: withTopics });
    return rows.map(toItemRecord);
  }

  async itemsOf(meetingIds: string[]): Promise<Map<string, AgendaItemRecord[]>> {
    const out = new Map<string, AgendaItemRecord[]>(meetingIds.map((id) => [id, []]));
    if (!meetingIds.length) return out;
    const rows = await this.db.agendaItem.findMany({
      where: { meetingId: { in: [...new Set(meetingIds)] } },
      orderBy: [{ meetingId: "asc" }, ...inOrder],
      include: withTopics,
    });
    for (const row of rows) out.get(row.meetingId)?.push(toItemRecord(row));
    return out;
  }

  async findItem(itemId: string): Promise<AgendaItemRecord | null> {
    const row = await this.db.agendaItem.findUnique({ where: { id: itemId }, include: withTopics });
    return row ? toItemRecord(row) : null;
  }

  async findByRequestId(requestId: string): Promise<AgendaItemRecord | null> {
    const row = await this.db.agendaItem.findUnique({ where: { createRequestId: requestId }, include: withTopics });
    return row ? toItemRecord(row) : null;
  }

  async version(meetingId: string): Promise<number> {
    const row = await this.db.meeting.findUnique({ where: { id: meetingId }, select: { agendaVersion: true } });
    return row?.agendaVersion ?? 0;
  }

  async add(meetingId: string, items: NewAgendaItem[], max: number, now: Date): Promise<AgendaItemRecord[] | null> {
    if (!items.length) return [];
    return translateUnique(() =>
      this.db.$transaction(async (tx) => {
        if (!(await bump(tx, meetingId))) return null;
        const { communityId } = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { communityId: true } });
        const count = await tx.agendaItem.count({ where: { meetingId } });
        if (count + items.length > max) return null;
        // Only this community's stages and problems: an id from a forged form names nothing.
        const [stages, problems] = await Promise.all([
          tx.journeyStage.findMany({
            where: { communityId, status: "accepted", id: { in: items.flatMap((i) => (i.stageId ? [i.stageId] : [])) } },
            select: { id: true },
          }),
          tx.problem.findMany({
            where: { communityId, id: { in: items.flatMap((i) => (i.problemId ? [i.problemId] : [])) } },
            select: { id: true },
          }),
        ]);
        const stageIds = new Set(stages.map((s) => s.id));
        const problemIds = new Set(problems.map((p) => p.id));
        const made: AgendaItemRecord[] = [];
        for (const [i, item] of items.entries()) {
          const row = await tx.agendaItem.create({
            data: {
              meetingId,
              title: item.title,
              proposedBy: item.proposedBy,
              link: item.link,
              messagePermalink: item.messagePermalink,
              stageId: item.stageId && stageIds.has(item.stageId) ? item.stageId : null,
              problemId: item.problemId && problemIds.has(item.problemId) ? item.problemId : null,
              actionId: item.actionId ?? null,
              source: item.source,
              position: count + i,
              createRequestId: item.requestId,
              createdAt: now,
            },
            include: withTopics,
          });
          made.push(toItemRecord(row));
        }
        return made;
      }),
    );
  }

  async remove(itemId: string): Promise<boolean> {
    const item = await this.db.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
    if (!item) return false;
    return this.db.$transaction(async (tx) => {
      await bump(tx, item.meetingId);
      const { count } = await tx.agendaItem.deleteMany({ where: { id: itemId } });
      if (count) await closeUp(tx, item.meetingId);
      return count === 1;
    });
  }

  async reorder(meetingId: string, orderedIds: string[], expectedVersion: number): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      if (!(await bump(tx, meetingId, expectedVersion))) return false;
      for (const [position, id] of orderedIds.entries()) {
        await tx.agendaItem.updateMany({ where: { id, meetingId }, data: { position } });
      }
      // Items the order did not name (added meanwhile) keep their place after it.
      const named = new Set(orderedIds);
      const rest = await tx.agendaItem.findMany({
        where: { meetingId, id: { notIn: [...named] } },
        orderBy: inOrder,
        select: { id: true },
      });
      for (const [i, row] of rest.entries()) {
        await tx.agendaItem.update({ where: { id: row.id }, data: { position: orderedIds.length + i } });
      }
      return true;
    });
  }
}
