import type { GroupRecord, GroupStore, NewGroup } from "../domain/ports";
import { insertUnlessPresent, translateUnique } from "./errors";
import type { Db } from "./prismaClient";

type GroupRow = Awaited<ReturnType<Db["group"]["findFirstOrThrow"]>>;

function toGroupRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    name: row.name,
    focus: row.focus,
    slackChannelId: row.slackChannelId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

const inActiveCommunityOf = (workspaceId: string) => ({ community: { workspaceId, archivedAt: null } });

export class PrismaGroupStore implements GroupStore {
  constructor(private readonly db: Db) {}

  async create(input: NewGroup): Promise<GroupRecord> {
    const row = await translateUnique(() =>
      this.db.group.create({
        data: {
          communityId: input.communityId,
          name: input.name,
          nameKey: input.nameKey,
          focus: input.focus,
          createdBy: input.createdBy,
          createdAt: input.now,
          members: { create: { slackUserId: input.createdBy, joinedAt: input.now } },
        },
      }),
    );
    return toGroupRecord(row);
  }

  async discard(groupId: string): Promise<void> {
    await this.db.group.deleteMany({ where: { id: groupId, slackChannelId: null } });
  }

  async setChannel(groupId: string, channelId: string): Promise<GroupRecord> {
    return toGroupRecord(await this.db.group.update({ where: { id: groupId }, data: { slackChannelId: channelId } }));
  }

  async findById(groupId: string): Promise<GroupRecord | null> {
    const row = await this.db.group.findUnique({ where: { id: groupId } });
    return row ? toGroupRecord(row) : null;
  }

  async findByNameKey(communityId: string, nameKey: string): Promise<GroupRecord | null> {
    const row = await this.db.group.findUnique({ where: { communityId_nameKey: { communityId, nameKey } } });
    return row ? toGroupRecord(row) : null;
  }

  async findByNameKeyInWorkspace(workspaceId: string, nameKey: string): Promise<GroupRecord[]> {
    const rows = await this.db.group.findMany({ where: { nameKey, ...inActiveCommunityOf(workspaceId) }, orderBy: { createdAt: "asc" } });
    return rows.map(toGroupRecord);
  }

  async findByChannel(workspaceId: string, channelId: string): Promise<GroupRecord[]> {
    const rows = await this.db.group.findMany({
      where: { slackChannelId: channelId, ...inActiveCommunityOf(workspaceId) },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toGroupRecord);
  }

  async list(communityId: string): Promise<GroupRecord[]> {
    const rows = await this.db.group.findMany({ where: { communityId }, orderBy: { nameKey: "asc" } });
    return rows.map(toGroupRecord);
  }

  async members(communityId: string): Promise<Map<string, string[]>> {
    // Two queries whatever the number of groups: GroupMember has no relation to
    // Membership to join on, so the active members filter the rows here.
    const [rows, active] = await Promise.all([
      this.db.groupMember.findMany({
        where: { group: { communityId } },
        orderBy: [{ joinedAt: "asc" }, { slackUserId: "asc" }],
        select: { groupId: true, slackUserId: true },
      }),
      this.db.membership.findMany({ where: { communityId, status: "active" }, select: { slackUserId: true } }),
    ]);
    const activeIds = new Set(active.map((m) => m.slackUserId));
    const byGroup = new Map<string, string[]>();
    for (const row of rows) {
      if (!activeIds.has(row.slackUserId)) continue;
      const list = byGroup.get(row.groupId) ?? [];
      list.push(row.slackUserId);
      byGroup.set(row.groupId, list);
    }
    return byGroup;
  }

  async hasMember(groupId: string, slackUserId: string): Promise<boolean> {
    return (
      (await this.db.groupMember.findUnique({ where: { groupId_slackUserId: { groupId, slackUserId } }, select: { groupId: true } })) !==
      null
    );
  }

  async addMember(groupId: string, slackUserId: string, now: Date): Promise<boolean> {
    // The primary key (group, person): whoever came second was already in.
    return (await insertUnlessPresent(() => this.db.groupMember.create({ data: { groupId, slackUserId, joinedAt: now } }))) !== null;
  }

  async removeMember(groupId: string, slackUserId: string): Promise<boolean> {
    const { count } = await this.db.groupMember.deleteMany({ where: { groupId, slackUserId } });
    return count > 0;
  }
}
