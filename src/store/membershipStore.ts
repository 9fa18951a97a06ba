import type { MemberProfile, MembershipRecord, MembershipStore } from "../domain/ports";
import type { MembershipStatus, Role } from "../domain/vocabulary";
import { toCommunityRecord } from "./communityStore";
import type { Db } from "./prismaClient";

type MembershipRow = Awaited<ReturnType<Db["membership"]["findFirstOrThrow"]>>;

function toMembershipRecord(row: MembershipRow): MembershipRecord {
  return { ...row, role: row.role as Role, status: row.status as MembershipStatus };
}

export class PrismaMembershipStore implements MembershipStore {
  constructor(private readonly db: Db) {}

  async find(communityId: string, slackUserId: string): Promise<MembershipRecord | null> {
    const row = await this.db.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
    return row ? toMembershipRecord(row) : null;
  }

  async join(communityId: string, slackUserId: string, profile: MemberProfile, now: Date) {
    // Under the same lock as leave(): a join and a leave of one person at the
    // same moment apply one after the other, never half of each.
    return this.db.$transaction(async (tx) => {
      await tx.community.update({ where: { id: communityId }, data: { updatedAt: now } });
      const existing = await tx.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
      const row = existing
        ? await tx.membership.update({
            where: { id: existing.id },
            // An active member keeps their role and join date; anyone else starts again as a member.
            data: existing.status === "active" ? { ...profile } : { ...profile, role: "member", status: "active", joinedAt: now, leftAt: null },
          })
        : await tx.membership.create({ data: { communityId, slackUserId, ...profile, role: "member", status: "active", joinedAt: now } });
      return { membership: toMembershipRecord(row), before: (existing?.status as MembershipStatus | undefined) ?? null };
    });
  }

  async leave(communityId: string, slackUserId: string, now: Date): Promise<"left" | "last_organiser" | "not_member"> {
    return this.db.$transaction(async (tx) => {
      // Touching the community row first serialises concurrent leaves of one
      // community: a row lock on PostgreSQL, the write lock on SQLite.
      await tx.community.update({ where: { id: communityId }, data: { updatedAt: now } });
      const member = await tx.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
      if (!member || member.status !== "active") return "not_member";
      if (member.role === "organiser") {
        const organisers = await tx.membership.count({ where: { communityId, role: "organiser", status: "active" } });
        if (organisers <= 1) return "last_organiser";
      }
      await tx.membership.update({ where: { id: member.id }, data: { status: "left", leftAt: now } });
      return "left";
    });
  }

  async activeMembers(communityId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.membership.findMany({ where: { communityId, status: "active" }, orderBy: { joinedAt: "asc" } });
    return rows.map(toMembershipRecord);
  }


  async activeCommunityIds(workspaceId: string, slackUserId: string): Promise<string[]> {
    const rows = await this.db.membership.findMany({
      where: { slackUserId, status: "active", community: { workspaceId, archivedAt: null } },
      select: { communityId: true },
    });
    return rows.map((r) => r.communityId);
  }

  async ofUser(workspaceId: string, slackUserId: string) {
    const rows = await this.db.membership.findMany({
      where: { slackUserId, status: "active", community: { workspaceId, archivedAt: null } },
      include: {
        community: {
          include: {
            contactMethods: { orderBy: { position: "asc" } },
            _count: { select: { memberships: { where: { status: "active" } } } },
          },
        },
      },
      orderBy: { community: { nameKey: "asc" } },
    });
    return rows.map(({ community, ...membership }) => ({
      community: toCommunityRecord(community),
      membership: toMembershipRecord(membership),
      memberCount: community._count.memberships,
    }));
  }
}
