import type { MembershipStatus, Role } from "../domain/common/vocabulary";
import type { DeliveryFlags, EmailChoices, EmailContact, MemberProfile, MembershipRecord, MembershipStore } from "../domain/ports";
import { toCommunityRecord } from "./communityStore";
import { isUniqueViolation } from "./errors";
import type { Db } from "./prismaClient";

type MembershipRow = Awaited<ReturnType<Db["membership"]["findFirstOrThrow"]>>;

function toMembershipRecord(row: MembershipRow): MembershipRecord {
  return { ...row, role: row.role as Role, status: row.status as MembershipStatus };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Whether the community has one active organiser (or none): read under the community's lock. */
async function isLastOrganiser(tx: Tx, communityId: string): Promise<boolean> {
  return (await tx.membership.count({ where: { communityId, role: "organiser", status: "active" } })) <= 1;
}

/**
 * Takes the community's lock, then reads whether the actor is (still) an
 * active organiser and the target's active membership, if they have one.
 */
async function lockForChange(tx: Tx, communityId: string, actorId: string, targetId: string, now: Date) {
  await tx.community.update({ where: { id: communityId }, data: { updatedAt: now } });
  const find = (slackUserId: string) => tx.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
  const actor = await find(actorId);
  const target = await find(targetId);
  return {
    actorIsOrganiser: actor?.status === "active" && actor.role === "organiser",
    target: target?.status === "active" ? target : null,
  };
}

/** Someone who stops being a member leaves the community's groups too: rejoining later starts afresh. */
async function leaveGroups(tx: Tx, communityId: string, slackUserId: string): Promise<void> {
  await tx.groupMember.deleteMany({ where: { slackUserId, group: { communityId } } });
}

export class PrismaMembershipStore implements MembershipStore {
  constructor(private readonly db: Db) {}

  async find(communityId: string, slackUserId: string): Promise<MembershipRecord | null> {
    const row = await this.db.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
    return row ? toMembershipRecord(row) : null;
  }

  async findByEmail(communityId: string, email: string): Promise<MembershipRecord | null> {
    const row = await this.db.membership.findUnique({ where: { communityId_email: { communityId, email } } });
    return row ? toMembershipRecord(row) : null;
  }

  async join(communityId: string, slackUserId: string, profile: MemberProfile, now: Date, contact?: EmailContact) {
    // A member by email joins with every email on: email is how they take part.
    const details = contact ? { ...profile, ...contact, emailMeetings: true, emailReminders: true, emailDigests: true } : profile;
    // Under the same lock as leave(): a join and a leave of one person at the
    // same moment apply one after the other, never half of each.
    return this.db.$transaction(async (tx) => {
      await tx.community.update({ where: { id: communityId }, data: { updatedAt: now } });
      const existing = await tx.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
      const row = existing
        ? await tx.membership.update({
            where: { id: existing.id },
            // An active member keeps their role and join date; anyone else starts again as a member.
            data:
              existing.status === "active" ? { ...details } : { ...details, role: "member", status: "active", joinedAt: now, leftAt: null },
          })
        : await tx.membership.create({ data: { communityId, slackUserId, ...details, role: "member", status: "active", joinedAt: now } });
      return { membership: toMembershipRecord(row), before: (existing?.status as MembershipStatus | undefined) ?? null };
    });
  }

  async setEmailChoices(communityId: string, slackUserId: string, choices: EmailChoices): Promise<MembershipRecord | null> {
    const { count } = await this.db.membership.updateMany({ where: { communityId, slackUserId }, data: choices });
    return count ? this.find(communityId, slackUserId) : null;
  }

  async setDeliveries(
    communityId: string,
    slackUserId: string,
    flags: DeliveryFlags,
    email?: string | null,
  ): Promise<MembershipRecord | "address_taken" | null> {
    try {
      const { count } = await this.db.membership.updateMany({
        where: { communityId, slackUserId },
        data: { ...flags, ...(email !== undefined ? { email } : {}) },
      });
      return count ? this.find(communityId, slackUserId) : null;
    } catch (error) {
      // @@unique([communityId, email]): a member by email with the same address.
      if (isUniqueViolation(error)) return "address_taken";
      throw error;
    }
  }

  async emailRecipients(communityId: string, flag: keyof EmailChoices): Promise<MembershipRecord[]> {
    const rows = await this.db.membership.findMany({
      where: { communityId, status: "active", email: { not: null }, emailFailedAt: null, [flag]: true },
      orderBy: { joinedAt: "asc" },
    });
    return rows.map(toMembershipRecord);
  }

  async emailFailures(communityId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.membership.findMany({
      where: { communityId, status: "active", emailFailedAt: { not: null } },
      orderBy: { emailFailedAt: "desc" },
    });
    return rows.map(toMembershipRecord);
  }

  async leave(communityId: string, slackUserId: string, now: Date): Promise<"left" | "last_organiser" | "not_member"> {
    return this.db.$transaction(async (tx) => {
      // Touching the community row first serialises concurrent leaves of one
      // community: a row lock on PostgreSQL, the write lock on SQLite.
      await tx.community.update({ where: { id: communityId }, data: { updatedAt: now } });
      const member = await tx.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
      if (member?.status !== "active") return "not_member";
      if (member.role === "organiser" && (await isLastOrganiser(tx, communityId))) return "last_organiser";
      await tx.membership.update({ where: { id: member.id }, data: { status: "left", leftAt: now } });
      await leaveGroups(tx, communityId, slackUserId);
      return "left";
    });
  }

  async activeMembers(communityId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.membership.findMany({ where: { communityId, status: "active" }, orderBy: { joinedAt: "asc" } });
    return rows.map(toMembershipRecord);
  }

  async withEmail(communityId: string): Promise<MembershipRecord[]> {
    const rows = await this.db.membership.findMany({ where: { communityId, email: { not: null } }, orderBy: { joinedAt: "asc" } });
    return rows.map(toMembershipRecord);
  }

  async anyWithEmail(communityId: string): Promise<boolean> {
    return (await this.db.membership.findFirst({ where: { communityId, email: { not: null } }, select: { id: true } })) !== null;
  }

  async findMany(communityId: string, slackUserIds: string[]): Promise<MembershipRecord[]> {
    if (slackUserIds.length === 0) return [];
    const rows = await this.db.membership.findMany({ where: { communityId, slackUserId: { in: slackUserIds } } });
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

  // Role changes and removals take the same lock as join() and leave(): the
  // community row is touched first, so two organisers stepping down (or
  // removing each other) at once apply one after the other and the count of
  // organisers each one checks is the count after the other's change. The
  // actor is checked again under the lock: they may have stepped down since.

  async promote(
    communityId: string,
    actorId: string,
    targetId: string,
    now: Date,
  ): Promise<"promoted" | "already_organiser" | "not_member" | "forbidden"> {
    return this.db.$transaction(async (tx) => {
      const { actorIsOrganiser, target } = await lockForChange(tx, communityId, actorId, targetId, now);
      if (!actorIsOrganiser) return "forbidden";
      if (!target) return "not_member";
      if (target.role === "organiser") return "already_organiser";
      await tx.membership.update({ where: { id: target.id }, data: { role: "organiser" } });
      return "promoted";
    });
  }

  async stepDown(communityId: string, slackUserId: string, now: Date): Promise<"stepped_down" | "not_organiser" | "last_organiser"> {
    return this.db.$transaction(async (tx) => {
      await tx.community.update({ where: { id: communityId }, data: { updatedAt: now } });
      const member = await tx.membership.findUnique({ where: { communityId_slackUserId: { communityId, slackUserId } } });
      if (member?.status !== "active" || member.role !== "organiser") return "not_organiser";
      if (await isLastOrganiser(tx, communityId)) return "last_organiser";
      await tx.membership.update({ where: { id: member.id }, data: { role: "member" } });
      return "stepped_down";
    });
  }

  async remove(
    communityId: string,
    actorId: string,
    targetId: string,
    now: Date,
  ): Promise<"removed" | "not_member" | "last_organiser" | "forbidden"> {
    return this.db.$transaction(async (tx) => {
      const { actorIsOrganiser, target } = await lockForChange(tx, communityId, actorId, targetId, now);
      if (!actorIsOrganiser) return "forbidden";
      if (!target) return "not_member";
      if (target.role === "organiser" && (await isLastOrganiser(tx, communityId))) return "last_organiser";
      // The role stays as it was, for the record; rejoining starts again as a member (see join()).
      await tx.membership.update({ where: { id: target.id }, data: { status: "removed", leftAt: now } });
      await leaveGroups(tx, communityId, targetId);
      return "removed";
    });
  }

  async setDigestByDm(communityId: string, slackUserId: string, on: boolean): Promise<boolean> {
    const { count } = await this.db.membership.updateMany({
      where: { communityId, slackUserId, status: "active" },
      data: { digestByDm: on },
    });
    return count === 1;
  }
}
