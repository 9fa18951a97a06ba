import type { ContactMethodKind, MeetingCadence, PageVisibility } from "../domain/common/vocabulary";
import type {
  AuditEntry,
  CharterUpdate,
  CommunityRecord,
  CommunitySettings,
  CommunityStore,
  CommunitySummary,
  DigestCadence,
  NewCommunity,
  RemovedCounts,
  WorkspaceKey,
} from "../domain/ports";
import { DEFAULT_DIVISION, isDivision } from "../reference/bankHolidays";
import { auditColumns } from "./auditStore";
import { translateUnique, upsertRace } from "./errors";
import { offsetsFromText, offsetsToText } from "./offsets";
import type { Db } from "./prismaClient";

const withContacts = { contactMethods: { orderBy: { position: "asc" } } } as const;

interface DirectoryRow {
  id: string;
  name: string;
  slug: string;
  service: string;
  slackChannelId: string | null;
  memberCount: number | bigint;
}

type CommunityRow = Awaited<ReturnType<Db["community"]["findFirstOrThrow"]>> & {
  contactMethods: Array<{ kind: string; link: string | null }>;
};

export function toCommunityRecord(row: CommunityRow): CommunityRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    slug: row.slug,
    service: row.service,
    purpose: row.purpose,
    meetingCadence: row.meetingCadence as MeetingCadence,
    slackChannelId: row.slackChannelId,
    timezone: row.timezone,
    problemThreshold: row.problemThreshold,
    membersCanSchedule: row.membersCanSchedule,
    digest: { cadence: row.digestCadence as DigestCadence, weekday: row.digestWeekday, monthDay: row.digestMonthDay, time: row.digestTime },
    reminderOffsets: offsetsFromText(row.reminderOffsets),
    bankHolidays: isDivision(row.bankHolidays) ? row.bankHolidays : DEFAULT_DIVISION,
    roundDaysBefore: row.roundDaysBefore,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    archivedAt: row.archivedAt,
    contactMethods: row.contactMethods.map((c) => ({ kind: c.kind as ContactMethodKind, link: c.link })),
    page: { visibility: row.pageVisibility as PageVisibility, version: row.pageVersion },
  };
}

export class PrismaCommunityStore implements CommunityStore {
  constructor(private readonly db: Db) {}

  async ensureWorkspace(key: WorkspaceKey): Promise<string> {
    const row = await upsertRace(() =>
      this.db.workspace.upsert({
        where: { teamId: key.teamId },
        create: { teamId: key.teamId, enterpriseId: key.enterpriseId ?? null },
        update: {},
        select: { id: true },
      }),
    );
    return row.id;
  }

  async findWorkspaceId(key: WorkspaceKey): Promise<string | null> {
    const row = await this.db.workspace.findUnique({ where: { teamId: key.teamId }, select: { id: true } });
    return row?.id ?? null;
  }

  async createCommunity(input: NewCommunity): Promise<CommunityRecord> {
    const row = await translateUnique(() =>
      this.db.community.create({
        data: {
          workspaceId: input.workspaceId,
          name: input.name,
          nameKey: input.nameKey,
          slug: input.slug,
          service: input.service,
          purpose: input.purpose,
          meetingCadence: input.meetingCadence,
          timezone: input.timezone,
          createdBy: input.createdBy,
          createRequestId: input.createRequestId,
          createdAt: input.now,
          contactMethods: {
            create: input.contactMethods.map((c, position) => ({ kind: c.kind, link: c.link, position })),
          },
          memberships: {
            create: {
              slackUserId: input.createdBy,
              ...input.organiser,
              role: "organiser",
              status: "active",
              joinedAt: input.now,
            },
          },
          problems: {
            create: input.initialProblems.map((title, i) => ({
              title,
              source: "create_modal",
              createdBy: input.createdBy,
              // Keep the typed order when sorting by creation time.
              createdAt: new Date(input.now.getTime() + i),
            })),
          },
          auditEvents: {
            create: auditColumns({
              workspaceId: input.workspaceId,
              actorId: input.createdBy,
              action: "community.created",
              detail: { name: input.name, problems: input.initialProblems.length },
              at: input.now,
            }),
          },
        },
        include: withContacts,
      }),
    );
    return toCommunityRecord(row);
  }

  async discardCommunity(communityId: string): Promise<void> {
    await this.db.community.deleteMany({ where: { id: communityId, slackChannelId: null } });
  }

  async attachChannel(communityId: string, channelId: string, actorId: string, now: Date): Promise<CommunityRecord> {
    const row = await translateUnique(() =>
      this.db.community.update({ where: { id: communityId }, data: { slackChannelId: channelId }, include: withContacts }),
    );
    await this.db.auditEvent.create({
      data: {
        communityId,
        ...auditColumns({ workspaceId: row.workspaceId, actorId, action: "community.channel_linked", detail: { channelId }, at: now }),
      },
    });
    return toCommunityRecord(row);
  }

  async findById(communityId: string): Promise<CommunityRecord | null> {
    const row = await this.db.community.findUnique({ where: { id: communityId }, include: withContacts });
    return row ? toCommunityRecord(row) : null;
  }

  async findByNameKey(workspaceId: string, nameKey: string): Promise<CommunityRecord | null> {
    const row = await this.db.community.findUnique({ where: { workspaceId_nameKey: { workspaceId, nameKey } }, include: withContacts });
    return row ? toCommunityRecord(row) : null;
  }

  async findBySlug(workspaceId: string, slug: string): Promise<CommunityRecord | null> {
    const row = await this.db.community.findUnique({ where: { workspaceId_slug: { workspaceId, slug } }, include: withContacts });
    return row ? toCommunityRecord(row) : null;
  }

  async findByChannel(workspaceId: string, channelId: string): Promise<CommunityRecord | null> {
    const row = await this.db.community.findFirst({ where: { workspaceId, slackChannelId: channelId }, include: withContacts });
    return row ? toCommunityRecord(row) : null;
  }

  async findByRequestId(requestId: string): Promise<CommunityRecord | null> {
    const row = await this.db.community.findUnique({ where: { createRequestId: requestId }, include: withContacts });
    return row ? toCommunityRecord(row) : null;
  }

  async slugsStartingWith(workspaceId: string, prefix: string): Promise<string[]> {
    const rows = await this.db.community.findMany({ where: { workspaceId, slug: { startsWith: prefix } }, select: { slug: true } });
    return rows.map((r) => r.slug);
  }

  /**
   * Every community with its member count, in one query (src/domain/communities/directory.ts
   * keeps the result between requests). Portable SQL: it runs as written on
   * SQLite and PostgreSQL.
   */
  async directory(workspaceId: string): Promise<Array<Omit<CommunitySummary, "viewerIsMember">>> {
    const rows = await this.db.$queryRaw<DirectoryRow[]>`
      SELECT c."id", c."name", c."slug", c."service", c."slackChannelId",
        (SELECT COUNT(*) FROM "Membership" m WHERE m."communityId" = c."id" AND m."status" = 'active') AS "memberCount"
      FROM "Community" c
      WHERE c."workspaceId" = ${workspaceId} AND c."archivedAt" IS NULL
      ORDER BY c."nameKey"`;
    // COUNT is a bigint on PostgreSQL and a number on SQLite. Each row is made
    // whole here (not spread from the driver's row): the list copies these
    // objects for every reader, which is quick only for objects of one shape.
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      service: r.service,
      slackChannelId: r.slackChannelId,
      memberCount: Number(r.memberCount),
    }));
  }

  async names(workspaceId: string): Promise<Array<{ id: string; name: string; slug: string }>> {
    return this.db.community.findMany({
      where: { workspaceId, archivedAt: null },
      select: { id: true, name: true, slug: true },
      orderBy: { nameKey: "asc" },
    });
  }

  async updateSettings(communityId: string, settings: CommunitySettings): Promise<CommunityRecord> {
    const row = await this.db.community.update({
      where: { id: communityId },
      data: {
        membersCanSchedule: settings.membersCanSchedule,
        reminderOffsets: offsetsToText(settings.reminderOffsets),
        problemThreshold: settings.problemThreshold,
        digestCadence: settings.digest.cadence,
        digestWeekday: settings.digest.weekday,
        digestMonthDay: settings.digest.monthDay,
        digestTime: settings.digest.time,
        pageVisibility: settings.page.visibility,
        bankHolidays: settings.bankHolidays,
        roundDaysBefore: settings.roundDaysBefore,
        // An increment, not a value read earlier: two organisers asking at once both retire what they saw.
        ...(settings.page.newAddress ? { pageVersion: { increment: 1 } } : {}),
      },
      include: withContacts,
    });
    return toCommunityRecord(row);
  }

  async updateCharter(communityId: string, update: CharterUpdate, audit: AuditEntry): Promise<CommunityRecord> {
    const row = await translateUnique(() =>
      this.db.$transaction(async (tx) => {
        await tx.contactMethod.deleteMany({ where: { communityId } });
        await tx.auditEvent.create({ data: { communityId, ...auditColumns(audit) } });
        return tx.community.update({
          where: { id: communityId },
          data: {
            name: update.name,
            nameKey: update.nameKey,
            service: update.service,
            purpose: update.purpose,
            meetingCadence: update.meetingCadence,
            contactMethods: { create: update.contactMethods.map((c, position) => ({ kind: c.kind, link: c.link, position })) },
          },
          include: withContacts,
        });
      }),
    );
    return toCommunityRecord(row);
  }

  async setArchived(communityId: string, archivedAt: Date | null, audit: AuditEntry): Promise<CommunityRecord> {
    const [row] = await this.db.$transaction([
      this.db.community.update({ where: { id: communityId }, data: { archivedAt }, include: withContacts }),
      this.db.auditEvent.create({ data: { communityId, ...auditColumns(audit) } }),
    ]);
    return toCommunityRecord(row);
  }

  async deleteCommunity(communityId: string, audit: AuditEntry): Promise<RemovedCounts> {
    return this.db.$transaction(async (tx) => {
      const [members, problems, meetings, groups, invitations] = await Promise.all([
        tx.membership.count({ where: { communityId } }),
        tx.problem.count({ where: { communityId } }),
        tx.meeting.count({ where: { communityId } }),
        tx.group.count({ where: { communityId } }),
        tx.invitation.count({ where: { communityId } }),
      ]);
      // Outbox rows name the community without a foreign key (they outlive what they are about), so they are skipped here.
      const pending = await tx.outboxMessage.updateMany({
        where: { communityId, status: "pending" },
        data: { status: "skipped", lastError: "the community was deleted", claimedBy: null, claimExpiresAt: null, updatedAt: audit.at },
      });
      // Its own audit trail names its members: it goes with it (the relation would only unlink it).
      await tx.auditEvent.deleteMany({ where: { communityId } });
      await tx.community.delete({ where: { id: communityId } });
      await tx.auditEvent.create({ data: { communityId: null, ...auditColumns(audit) } });
      return { members, problems, meetings, groups, invitations, pendingMessages: pending.count };
    });
  }

  async archivedOrganisedBy(workspaceId: string, userId: string): Promise<CommunityRecord[]> {
    const rows = await this.db.community.findMany({
      where: {
        workspaceId,
        archivedAt: { not: null },
        memberships: { some: { slackUserId: userId, status: "active", role: "organiser" } },
      },
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      include: withContacts,
    });
    return rows.map(toCommunityRecord);
  }
}
