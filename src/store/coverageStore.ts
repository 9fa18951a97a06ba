import type { CoverageStore, ProblemStatus } from "../domain/ports";
import { Prisma } from "../generated/sqlite/client";
import type { Db } from "./prismaClient";

interface NamedRow {
  communityId: string;
  organisation: string;
  problems: number | bigint;
}

/** Grouped reads: each returns one row per distinct value, not one per member or problem. */
export class PrismaCoverageStore implements CoverageStore {
  constructor(private readonly db: Db) {}

  async organisations(communityIds: string[]) {
    if (!communityIds.length) return [];
    const rows = await this.db.membership.groupBy({
      by: ["communityId", "organisation", "organisationOther"],
      where: { communityId: { in: communityIds }, status: "active" },
      _count: { _all: true },
    });
    return rows.map((r) => ({
      communityId: r.communityId,
      organisation: r.organisation,
      organisationOther: r.organisationOther,
      members: r._count._all,
    }));
  }

  async represented(communityId: string) {
    // SQL's DISTINCT: Prisma's `distinct` option would read every member and drop the repeats in JavaScript.
    return this.db.$queryRaw<Array<{ organisation: string; organisationOther: string | null }>>`
      SELECT DISTINCT "organisation", "organisationOther" FROM "Membership" WHERE "communityId" = ${communityId} AND "status" = 'active'`;
  }

  async professions(communityIds: string[]) {
    if (!communityIds.length) return [];
    const rows = await this.db.membership.groupBy({
      by: ["communityId", "profession", "professionOther"],
      where: { communityId: { in: communityIds }, status: "active" },
      _count: { _all: true },
    });
    return rows.map((r) => ({
      communityId: r.communityId,
      profession: r.profession,
      professionOther: r.professionOther,
      members: r._count._all,
    }));
  }

  async problemOrganisations(communityIds: string[], statuses: ProblemStatus[]) {
    if (!communityIds.length || !statuses.length) return [];
    // Prisma's groupBy cannot group by a relation's field (the problem's
    // community), so this one is SQL; the same text runs on SQLite and PostgreSQL.
    const rows = await this.db.$queryRaw<NamedRow[]>`
      SELECT p."communityId" AS "communityId", po."organisation" AS "organisation", COUNT(*) AS "problems"
      FROM "ProblemOrganisation" po JOIN "Problem" p ON p."id" = po."problemId"
      WHERE p."communityId" IN (${Prisma.join(communityIds)}) AND p."status" IN (${Prisma.join(statuses)})
      GROUP BY p."communityId", po."organisation"`;
    return rows.map((r) => ({ communityId: r.communityId, organisation: r.organisation, problems: Number(r.problems) }));
  }
}
