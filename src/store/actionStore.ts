// Actions agreed at meetings. Each read brings the action's meeting and
// community with it (one statement with Prisma's relation load, however many
// actions), so a list of 2,000 is still a fixed number of queries.

import type { ActionInContext, ActionItemRecord, ActionQuery, ActionStore } from "../domain/ports";
import { DEFAULT_DIVISION, isDivision } from "../reference/bankHolidays";
import { toActionRecord, withTopics } from "./outcomeStore";
import type { Db } from "./prismaClient";

const inContext = {
  ...withTopics,
  meeting: {
    select: { id: true, title: true, startsAt: true, timezone: true, groupId: true, announcementChannelId: true, announcementTs: true },
  },
  community: { select: { id: true, name: true, workspaceId: true, timezone: true, slackChannelId: true, bankHolidays: true } },
} as const;

type Row = Parameters<typeof toActionRecord>[0] & {
  meeting: ActionInContext["meeting"];
  community: Omit<ActionInContext["community"], "bankHolidays"> & { bankHolidays: string };
};

function toInContext(row: Row): ActionInContext {
  const { bankHolidays, ...community } = row.community;
  return {
    action: toActionRecord(row),
    meeting: row.meeting,
    community: { ...community, bankHolidays: isDivision(bankHolidays) ? bankHolidays : DEFAULT_DIVISION },
  };
}

const soonestFirst = [{ dueOn: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
const latestDoneFirst = [{ doneAt: "desc" as const }, { id: "desc" as const }];

export class PrismaActionStore implements ActionStore {
  constructor(private readonly db: Db) {}

  async find(actionId: string): Promise<ActionInContext | null> {
    const row = await this.db.actionItem.findUnique({ where: { id: actionId }, include: inContext });
    return row ? toInContext(row) : null;
  }

  async list(query: ActionQuery, offset: number, limit: number): Promise<{ items: ActionInContext[]; total: number }> {
    const where = { communityId: query.communityId, status: query.status, ...(query.ownerId ? { ownerId: query.ownerId } : {}) };
    const [rows, total] = await Promise.all([
      this.db.actionItem.findMany({
        where,
        include: inContext,
        orderBy: query.status === "done" ? latestDoneFirst : soonestFirst,
        skip: offset,
        take: limit,
      }),
      this.db.actionItem.count({ where }),
    ]);
    return { items: rows.map(toInContext), total };
  }

  async openOf(ownerId: string, communityIds: string[], limit: number): Promise<{ items: ActionInContext[]; total: number }> {
    if (!communityIds.length) return { items: [], total: 0 };
    const where = { ownerId, status: "open", communityId: { in: communityIds } };
    const [rows, total] = await Promise.all([
      this.db.actionItem.findMany({ where, include: inContext, orderBy: soonestFirst, take: limit }),
      this.db.actionItem.count({ where }),
    ]);
    return { items: rows.map(toInContext), total };
  }

  async complete(actionId: string, actorId: string, now: Date): Promise<boolean> {
    // Conditional: a double click, or the owner and an organiser at once, close it once.
    const { count } = await this.db.actionItem.updateMany({
      where: { id: actionId, status: "open" },
      data: { status: "done", doneAt: now, doneBy: actorId },
    });
    return count === 1;
  }

  async changeDue(actionId: string, dueOn: string): Promise<ActionItemRecord | null> {
    const { count } = await this.db.actionItem.updateMany({ where: { id: actionId, status: "open" }, data: { dueOn } });
    if (count !== 1) return null;
    return toActionRecord(await this.db.actionItem.findUniqueOrThrow({ where: { id: actionId }, include: withTopics }));
  }

  async setDm(actionId: string, channelId: string, ts: string): Promise<void> {
    await this.db.actionItem.updateMany({ where: { id: actionId }, data: { dmChannelId: channelId, dmTs: ts } });
  }

  async openIn(communityId: string): Promise<ActionItemRecord[]> {
    const rows = await this.db.actionItem.findMany({ where: { communityId, status: "open" }, include: withTopics, orderBy: soonestFirst });
    return rows.map(toActionRecord);
  }

  async overdue(communityId: string, groupId: string | null, day: string): Promise<ActionItemRecord[]> {
    const rows = await this.db.actionItem.findMany({
      where: { communityId, status: "open", dueOn: { lt: day }, meeting: { groupId } },
      include: withTopics,
      orderBy: soonestFirst,
    });
    return rows.map(toActionRecord);
  }

  async overdueIn(communityId: string, day: string, limit: number): Promise<{ items: ActionItemRecord[]; total: number }> {
    const where = { communityId, status: "open", dueOn: { lt: day } };
    const [rows, total] = await Promise.all([
      this.db.actionItem.findMany({ where, include: withTopics, orderBy: soonestFirst, take: limit }),
      this.db.actionItem.count({ where }),
    ]);
    return { items: rows.map(toActionRecord), total };
  }
}
