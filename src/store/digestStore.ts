import type { CommunityRecord, DigestLiveProjects, DigestProblem, DigestStore, ProjectState } from "../domain/ports";
import { toCommunityRecord } from "./communityStore";
import type { Db } from "./prismaClient";

interface ProblemRow {
  id: string;
  title: string;
  votes: number | bigint;
  organisations: number | bigint;
}

const toProblem = (r: ProblemRow): DigestProblem => ({
  id: r.id,
  title: r.title,
  votes: Number(r.votes),
  organisations: Number(r.organisations),
});

export class PrismaDigestStore implements DigestStore {
  constructor(private readonly db: Db) {}

  async newProblems(communityId: string, since: Date, limit: number): Promise<{ items: DigestProblem[]; total: number }> {
    const where = { communityId, createdAt: { gte: since }, status: { in: ["open", "objective"] } };
    const [total, rows] = await Promise.all([
      this.db.problem.count({ where }),
      this.db.problem.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit, select: { id: true, title: true } }),
    ]);
    return { total, items: rows.map((r) => ({ ...r, votes: 0, organisations: 0 })) };
  }

  async topOpenProblems(communityId: string, limit: number): Promise<DigestProblem[]> {
    // One grouped join, not a count a problem: it costs the same for 20 problems or 2,000.
    const rows = await this.db.$queryRaw<ProblemRow[]>`
      SELECT p."id", p."title", COUNT(v."id") AS "votes", COUNT(DISTINCT v."organisation") AS "organisations"
      FROM "Problem" p LEFT JOIN "ProblemVote" v ON v."problemId" = p."id"
      WHERE p."communityId" = ${communityId} AND p."status" IN ('open', 'objective')
      GROUP BY p."id", p."title", p."createdAt"
      HAVING COUNT(v."id") > 0
      ORDER BY "votes" DESC, "organisations" DESC, p."createdAt" ASC, p."id" ASC
      LIMIT ${limit}`;
    return rows.map(toProblem);
  }

  async newMembers(communityId: string, since: Date, limit: number): Promise<{ items: string[]; total: number }> {
    const where = { communityId, status: "active", joinedAt: { gte: since } };
    const [total, rows] = await Promise.all([
      this.db.membership.count({ where }),
      this.db.membership.findMany({ where, orderBy: [{ joinedAt: "asc" }, { id: "asc" }], take: limit, select: { slackUserId: true } }),
    ]);
    return { total, items: rows.map((r) => r.slackUserId) };
  }

  async newOrganisations(communityId: string, since: Date): Promise<string[]> {
    const rows = await this.db.$queryRaw<Array<{ organisation: string }>>`
      SELECT DISTINCT m."organisation" FROM "Membership" m
      WHERE m."communityId" = ${communityId} AND m."status" = 'active' AND m."joinedAt" >= ${since} AND m."organisation" <> 'other'
        AND NOT EXISTS (
          SELECT 1 FROM "Membership" e
          WHERE e."communityId" = m."communityId" AND e."status" = 'active' AND e."organisation" = m."organisation" AND e."joinedAt" < ${since}
        )
      ORDER BY m."organisation"`;
    return rows.map((r) => r.organisation);
  }

  async liveProjectsSince(communityId: string, since: Date, limit: number): Promise<DigestLiveProjects[]> {
    // One statement for every place (the community's own rounds, keyed '', and each group's):
    // its counts, and its first `limit` updates numbered by a window, so the digest costs
    // the same however many were told. An organisation counts as having nothing new only
    // if it told nothing else there since.
    const rows = await this.db.$queryRaw<
      Array<{
        place: string;
        groupName: string | null;
        total: number | bigint;
        organisations: number | bigint;
        quiet: number | bigint | null;
        id: string | null;
        organisationName: string | null;
        title: string | null;
        state: string | null;
        expectedOn: string | null;
      }>
    >`
      WITH "since" AS (
        SELECT u."id", COALESCE(u."groupId", '') AS "place", u."organisation", u."organisationName", u."title", u."state",
          u."expectedOn", u."nothingNew", u."createdAt"
        FROM "ProjectUpdate" u WHERE u."communityId" = ${communityId} AND u."createdAt" > ${since}
      ),
      "told" AS (
        SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s."place" ORDER BY s."createdAt", s."id") AS "n"
        FROM "since" s WHERE NOT s."nothingNew"
      ),
      "counts" AS (
        SELECT s."place", SUM(CASE WHEN s."nothingNew" THEN 0 ELSE 1 END) AS "total",
          COUNT(DISTINCT CASE WHEN s."nothingNew" THEN NULL ELSE s."organisation" END) AS "organisations"
        FROM "since" s GROUP BY s."place"
      ),
      "quiet" AS (
        SELECT s."place", COUNT(DISTINCT s."organisation") AS "quiet" FROM "since" s
        WHERE s."nothingNew" AND NOT EXISTS (SELECT 1 FROM "told" t WHERE t."place" = s."place" AND t."organisation" = s."organisation")
        GROUP BY s."place"
      )
      SELECT c."place", g."name" AS "groupName", c."total", c."organisations", q."quiet",
        t."id", t."organisationName", t."title", t."state", t."expectedOn"
      FROM "counts" c
      LEFT JOIN "quiet" q ON q."place" = c."place"
      LEFT JOIN "Group" g ON g."id" = c."place"
      LEFT JOIN "told" t ON t."place" = c."place" AND t."n" <= ${limit}
      ORDER BY c."place", t."n"`;
    const places = new Map<string, DigestLiveProjects>();
    for (const r of rows) {
      let place = places.get(r.place);
      if (!place) {
        place = {
          group: r.place && r.groupName !== null ? { id: r.place, name: r.groupName } : null,
          items: [],
          total: Number(r.total),
          organisations: Number(r.organisations),
          nothingNew: Number(r.quiet ?? 0),
        };
        places.set(r.place, place);
      }
      if (r.id && r.organisationName !== null && r.title !== null && r.state !== null) {
        place.items.push({
          id: r.id,
          organisationName: r.organisationName,
          title: r.title,
          state: r.state as ProjectState,
          expectedOn: r.expectedOn,
        });
      }
    }
    return [...places.values()];
  }

  async tallies(meetingIds: string[]): Promise<Map<string, { going: number; maybe: number; notGoing: number }>> {
    const out = new Map(meetingIds.map((id) => [id, { going: 0, maybe: 0, notGoing: 0 }]));
    if (!meetingIds.length) return out;
    const rows = await this.db.meetingRsvp.groupBy({
      by: ["meetingId", "answer"],
      where: { meetingId: { in: meetingIds } },
      _count: { _all: true },
    });
    for (const r of rows) {
      const t = out.get(r.meetingId)!;
      if (r.answer === "going") t.going = r._count._all;
      else if (r.answer === "maybe") t.maybe = r._count._all;
      else t.notGoing = r._count._all;
    }
    return out;
  }

  async dmSubscribers(communityId: string): Promise<string[]> {
    const rows = await this.db.membership.findMany({
      // Those who asked, and those who chose it by email while their address refuses mail (the domain drops members by email).
      where: { communityId, status: "active", OR: [{ digestByDm: true }, { emailDigests: true, emailFailedAt: { not: null } }] },
      orderBy: { joinedAt: "asc" },
      select: { slackUserId: true },
    });
    return rows.map((r) => r.slackUserId);
  }

  async scheduled(): Promise<CommunityRecord[]> {
    const rows = await this.db.community.findMany({
      where: { archivedAt: null, digestCadence: { not: "off" }, slackChannelId: { not: null } },
      include: { contactMethods: { orderBy: { position: "asc" } } },
    });
    return rows.map(toCommunityRecord);
  }
}
