import type { Store } from "../domain/ports";
import { PrismaActionStore } from "./actionStore";
import { PrismaAgendaStore } from "./agendaStore";
import { PrismaAuditStore } from "./auditStore";
import { PrismaCommunityPageStore } from "./communityPageStore";
import { PrismaCommunityStore } from "./communityStore";
import { PrismaCoverageStore } from "./coverageStore";
import { PrismaDigestStore } from "./digestStore";
import { PrismaEmailRefusalStore } from "./emailRefusalStore";
import { PrismaFindingStore } from "./findingStore";
import { PrismaGroupStore } from "./groupStore";
import { PrismaInvitationStore } from "./invitationStore";
import { PrismaJourneyStore } from "./journeyStore";
import { PrismaMeetingStageStore } from "./meetingStageStore";
import { PrismaMeetingStore } from "./meetingStore";
import { PrismaMembershipStore } from "./membershipStore";
import { pendingMigrations } from "./migrations";
import { PrismaOutboxStore, PrismaRunStore } from "./outboxStore";
import { PrismaOutcomeStore } from "./outcomeStore";
import { createPrismaClient, type Db, type SqliteSettings, sameProvider } from "./prismaClient";
import { PrismaProblemStore } from "./problemStore";
import { PrismaRoundStore } from "./roundStore";

/**
 * `observe` wraps the client (the digest benchmark counts queries with a Prisma extension);
 * `sqlite` overrides the SQLite pragmas (the scheduler benchmark compares journal modes).
 */
export function createStore(
  databaseUrl: string,
  options: { observe?: (db: Db) => Db; sqlite?: Partial<SqliteSettings> } = {},
): Store & { db: Db } {
  const base = createPrismaClient(databaseUrl, { sqlite: options.sqlite });
  const db = options.observe ? options.observe(base) : base;
  sameProvider(base, db);
  return {
    db,
    communities: new PrismaCommunityStore(db),
    communityPages: new PrismaCommunityPageStore(db),
    memberships: new PrismaMembershipStore(db),
    problems: new PrismaProblemStore(db),
    meetings: new PrismaMeetingStore(db),
    meetingStages: new PrismaMeetingStageStore(db),
    agenda: new PrismaAgendaStore(db),
    outcomes: new PrismaOutcomeStore(db),
    actions: new PrismaActionStore(db),
    round: new PrismaRoundStore(db),
    outbox: new PrismaOutboxStore(db),
    runs: new PrismaRunStore(db),
    digests: new PrismaDigestStore(db),
    coverage: new PrismaCoverageStore(db),
    groups: new PrismaGroupStore(db),
    invitations: new PrismaInvitationStore(db),
    journey: new PrismaJourneyStore(db),
    findings: new PrismaFindingStore(db),
    audit: new PrismaAuditStore(db),
    emailRefusals: new PrismaEmailRefusalStore(db),
    async ping() {
      try {
        await db.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    pendingMigrations: () => pendingMigrations(base),
    close: () => db.$disconnect(),
  };
}
