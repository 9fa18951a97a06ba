-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "emailFailedAt" DATETIME;
ALTER TABLE "Membership" ADD COLUMN "emailFailure" TEXT;

-- CreateTable
CREATE TABLE "EmailRefusal" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'slack',
    "target" TEXT NOT NULL,
    "communityId" TEXT,
    "subjectId" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "dueAt" DATETIME NOT NULL,
    "availableAt" DATETIME NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedBy" TEXT,
    "claimExpiresAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_OutboxMessage" ("attempts", "availableAt", "claimExpiresAt", "claimedBy", "communityId", "createdAt", "dedupeKey", "dueAt", "id", "kind", "lastError", "payload", "sentAt", "status", "subjectId", "target", "updatedAt") SELECT "attempts", "availableAt", "claimExpiresAt", "claimedBy", "communityId", "createdAt", "dedupeKey", "dueAt", "id", "kind", "lastError", "payload", "sentAt", "status", "subjectId", "target", "updatedAt" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");
CREATE INDEX "OutboxMessage_channel_status_availableAt_idx" ON "OutboxMessage"("channel", "status", "availableAt");
CREATE INDEX "OutboxMessage_channel_status_sentAt_idx" ON "OutboxMessage"("channel", "status", "sentAt");
CREATE INDEX "OutboxMessage_status_claimExpiresAt_idx" ON "OutboxMessage"("status", "claimExpiresAt");
CREATE INDEX "OutboxMessage_target_status_idx" ON "OutboxMessage"("target", "status");
CREATE INDEX "OutboxMessage_subjectId_status_idx" ON "OutboxMessage"("subjectId", "status");
CREATE INDEX "OutboxMessage_kind_status_idx" ON "OutboxMessage"("kind", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

