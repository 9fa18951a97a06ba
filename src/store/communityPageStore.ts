// The community web page's reads, in SQL that runs the same on SQLite and
// PostgreSQL. Each is one statement: the page is read by anyone with its address,
// so it is built as cheaply as it can be (a Prisma include is a second statement,
// and its query compiler costs more than the read itself for rows this small).
import type { ContactMethodKind, MeetingCadence, PageVisibility } from "../domain/common/vocabulary";
import type {
  CommunityPageStore,
  PageAccessRecord,
  PageCommunity,
  PageMeeting,
  PageObjective,
  PageProblem,
  StageRecord,
  StageRole,
} from "../domain/ports";
import { LONGEST_MEETING_MS } from "./meetingStore";
import type { Db } from "./prismaClient";

type Instant = Date | string | number;

/** SQLite hands a raw query's DateTime back as text or a number; PostgreSQL as a Date. */
function asDate(value: Instant): Date;
function asDate(value: Instant | null): Date | null;
function asDate(value: Instant | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

interface CommunityRow {
  id: string;
  workspaceId: string;
  name: string;
  slug: string;
  service: string;
  purpose: string;
  meetingCadence: string;
  slackChannelId: string | null;
  timezone: string;
  createdAt: Instant;
  archivedAt: Instant | null;
  pageVisibility: string;
  pageVersion: number | bigint;
  kind: string | null;
  link: string | null;
}

interface MeetingRow {
  id: string;
  title: string;
  startsAt: Instant;
  durationMinutes: number | bigint;
  timezone: string;
  place: string | null;
  videoLink: string | null;
  total: number | bigint;
}

interface ObjectiveRow {
  id: string;
  communityId: string;
  title: string;
  objectiveStatus: string | null;
  objectiveOwnerId: string | null;
  objectiveTargetDate: Instant | null;
  organisation: string | null;
  organisationOther: string | null;
  total: number | bigint;
}

interface ProblemRow {
  id: string;
  title: string;
  votes: number | bigint;
  total: number | bigint;
  organisation: string | null;
}

interface StageRow {
  id: string;
  communityId: string;
  title: string;
  description: string;
  link: string | null;
  position: number;
  createdBy: string;
  createdAt: Instant;
  organisation: string | null;
  organisationOther: string | null;
  role: string | null;
}

export class PrismaCommunityPageStore implements CommunityPageStore {
  constructor(private readonly db: Db) {}

  async access(communityId: string): Promise<PageAccessRecord | null> {
    const [row] = await this.db.$queryRaw<
      Array<{ id: string; name: string; slug: string; archivedAt: Instant | null; pageVisibility: string; pageVersion: number | bigint }>
    >`SELECT "id", "name", "slug", "archivedAt", "pageVisibility", "pageVersion" FROM "Community" WHERE "id" = ${communityId}`;
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      slug: row.slug,
      archivedAt: asDate(row.archivedAt),
      page: { visibility: row.pageVisibility as PageVisibility, version: Number(row.pageVersion) },
    };
  }

  async community(communityId: string): Promise<PageCommunity | null> {
    const rows = await this.db.$queryRaw<CommunityRow[]>`
      SELECT c."id", c."workspaceId", c."name", c."slug", c."service", c."purpose", c."meetingCadence", c."slackChannelId",
        c."timezone", c."createdAt", c."archivedAt", c."pageVisibility", c."pageVersion", m."kind", m."link"
      FROM "Community" c LEFT JOIN "ContactMethod" m ON m."communityId" = c."id"
      WHERE c."id" = ${communityId}
      ORDER BY m."position" ASC, m."kind" ASC`;
    const [row] = rows;
    if (!row) return null;
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
      createdAt: asDate(row.createdAt),
      archivedAt: asDate(row.archivedAt),
      page: { visibility: row.pageVisibility as PageVisibility, version: Number(row.pageVersion) },
      contactMethods: rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind as ContactMethodKind, link: r.link })),
    };
  }

  async upcomingMeetings(communityId: string, now: Date, limit: number): Promise<{ items: PageMeeting[]; total: number }> {
    // As MeetingStore.upcoming: a meeting under way counts, so read from the longest
    // meeting's length ago and drop those already over (their count too).
    const rows = await this.db.$queryRaw<MeetingRow[]>`
      SELECT "id", "title", "startsAt", "durationMinutes", "timezone", "place", "videoLink", COUNT(*) OVER () AS "total"
      FROM "Meeting"
      WHERE "communityId" = ${communityId} AND "status" = 'scheduled' AND "startsAt" > ${new Date(now.getTime() - LONGEST_MEETING_MS)}
      ORDER BY "startsAt" ASC, "id" ASC
      LIMIT ${limit + 20}`;
    const meetings = rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: asDate(r.startsAt),
      durationMinutes: Number(r.durationMinutes),
      timezone: r.timezone,
      place: r.place,
      videoLink: r.videoLink,
    }));
    const live = meetings.filter((m) => m.startsAt.getTime() + m.durationMinutes * 60_000 > now.getTime());
    return { items: live.slice(0, limit), total: Number(rows[0]?.total ?? 0) - (meetings.length - live.length) };
  }

  async teamId(workspaceId: string): Promise<string | null> {
    const row = await this.db.workspace.findUnique({ where: { id: workspaceId }, select: { teamId: true } });
    return row?.teamId ?? null;
  }

  async objectives(communityId: string, limit: number): Promise<{ items: PageObjective[]; total: number }> {
    // The owner's organisation in the same statement: a second read for owners would wait on this one.
    const rows = await this.db.$queryRaw<ObjectiveRow[]>`
      SELECT p."id", p."communityId", p."title", p."objectiveStatus", p."objectiveOwnerId", p."objectiveTargetDate",
        m."organisation", m."organisationOther", COUNT(*) OVER () AS "total"
      FROM "Problem" p
      LEFT JOIN "Membership" m ON m."communityId" = p."communityId" AND m."slackUserId" = p."objectiveOwnerId" AND m."status" = 'active'
      WHERE p."communityId" = ${communityId} AND p."status" = 'objective'
      ORDER BY CASE p."objectiveStatus" WHEN 'in_progress' THEN 0 WHEN 'done' THEN 2 ELSE 1 END, p."createdAt" ASC, p."id" ASC
      LIMIT ${limit}`;
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        id: r.id,
        communityId: r.communityId,
        title: r.title,
        objectiveStatus: r.objectiveStatus ?? "open",
        ownerId: r.objectiveOwnerId,
        targetDate: asDate(r.objectiveTargetDate),
        ownerOrganisation: r.organisation === null ? null : { organisation: r.organisation, organisationOther: r.organisationOther },
      })),
    };
  }

  async topOpenProblems(communityId: string, limit: number): Promise<{ items: PageProblem[]; total: number }> {
    // The top problems by votes (each counted through the vote index, which SQLite does in
    // a third of the time of grouping the join; the window counts the open problems before
    // the limit), then the organisations each affects, named by its author or by a voter:
    // one row per problem and organisation, folded below.
    const rows = await this.db.$queryRaw<ProblemRow[]>`
      WITH top AS (
        SELECT p."id", p."title", p."createdAt",
          (SELECT COUNT(*) FROM "ProblemVote" v WHERE v."problemId" = p."id") AS "votes", COUNT(*) OVER () AS "total"
        FROM "Problem" p
        WHERE p."communityId" = ${communityId} AND p."status" = 'open'
        ORDER BY "votes" DESC, p."createdAt" ASC, p."id" ASC
        LIMIT ${limit}
      ),
      affected AS (
        SELECT po."problemId", po."organisation" FROM "ProblemOrganisation" po WHERE po."problemId" IN (SELECT "id" FROM top)
        UNION
        SELECT pv."problemId", pv."organisation" FROM "ProblemVote" pv
        WHERE pv."problemId" IN (SELECT "id" FROM top) AND pv."organisation" IS NOT NULL
      )
      SELECT t."id", t."title", t."votes", t."total", a."organisation"
      FROM top t LEFT JOIN affected a ON a."problemId" = t."id"
      ORDER BY t."votes" DESC, t."createdAt" ASC, t."id" ASC, a."organisation" ASC`;
    const problems = new Map<string, PageProblem>();
    for (const row of rows) {
      let problem = problems.get(row.id);
      if (!problem) {
        problem = { id: row.id, title: row.title, votes: Number(row.votes), affected: [] };
        problems.set(row.id, problem);
      }
      if (row.organisation && row.organisation !== "other") problem.affected.push(row.organisation);
    }
    return { items: [...problems.values()], total: Number(rows[0]?.total ?? 0) };
  }

  async acceptedStages(communityId: string): Promise<StageRecord[]> {
    const rows = await this.db.$queryRaw<StageRow[]>`
      SELECT s."id", s."communityId", s."title", s."description", s."link", s."position", s."createdBy", s."createdAt",
        o."organisation", o."organisationOther", o."role"
      FROM "JourneyStage" s LEFT JOIN "StageOwner" o ON o."stageId" = s."id"
      WHERE s."communityId" = ${communityId} AND s."status" = 'accepted'
      ORDER BY s."position" ASC, s."id" ASC, o."position" ASC, o."id" ASC`;
    const stages = new Map<string, StageRecord>();
    for (const row of rows) {
      let stage = stages.get(row.id);
      if (!stage) {
        stage = {
          id: row.id,
          communityId: row.communityId,
          title: row.title,
          description: row.description,
          link: row.link,
          position: Number(row.position),
          status: "accepted",
          createdBy: row.createdBy,
          createdAt: asDate(row.createdAt),
          owners: [],
        };
        stages.set(row.id, stage);
      }
      if (row.organisation !== null) {
        stage.owners.push({ organisation: row.organisation, organisationOther: row.organisationOther, role: row.role as StageRole });
      }
    }
    return [...stages.values()];
  }

  async organisations(communityId: string) {
    const rows = await this.db.$queryRaw<Array<{ organisation: string; organisationOther: string | null; members: number | bigint }>>`
      SELECT "organisation", "organisationOther", COUNT(*) AS "members" FROM "Membership"
      WHERE "communityId" = ${communityId} AND "status" = 'active'
      GROUP BY "organisation", "organisationOther"`;
    return rows.map((r) => ({ organisation: r.organisation, organisationOther: r.organisationOther, members: Number(r.members) }));
  }
}
