-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "announcementClaimedAt" DATETIME;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "SchedulerRun" (
    "fireKey" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Community" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "meetingCadence" TEXT NOT NULL,
    "slackChannelId" TEXT,
    "timezone" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createRequestId" TEXT,
    "problemThreshold" INTEGER NOT NULL DEFAULT 3,
    "membersCanSchedule" BOOLEAN NOT NULL DEFAULT false,
    "reminderOffsets" TEXT NOT NULL DEFAULT '10080,1440,60',
    "digestCadence" TEXT NOT NULL DEFAULT 'weekly',
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestMonthDay" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    CONSTRAINT "Community_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Community" ("archivedAt", "createRequestId", "createdAt", "createdBy", "id", "meetingCadence", "membersCanSchedule", "name", "nameKey", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId") SELECT "archivedAt", "createRequestId", "createdAt", "createdBy", "id", "meetingCadence", "membersCanSchedule", "name", "nameKey", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId" FROM "Community";
DROP TABLE "Community";
ALTER TABLE "new_Community" RENAME TO "Community";
CREATE UNIQUE INDEX "Community_createRequestId_key" ON "Community"("createRequestId");
CREATE UNIQUE INDEX "Community_workspaceId_nameKey_key" ON "Community"("workspaceId", "nameKey");
CREATE UNIQUE INDEX "Community_workspaceId_slug_key" ON "Community"("workspaceId", "slug");
CREATE UNIQUE INDEX "Community_workspaceId_slackChannelId_key" ON "Community"("workspaceId", "slackChannelId");
CREATE TABLE "new_Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "organisationOther" TEXT,
    "profession" TEXT NOT NULL,
    "professionOther" TEXT,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "digestByDm" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" DATETIME,
    CONSTRAINT "Membership_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("communityId", "id", "joinedAt", "leftAt", "organisation", "organisationOther", "profession", "professionOther", "role", "slackUserId", "status") SELECT "communityId", "id", "joinedAt", "leftAt", "organisation", "organisationOther", "profession", "professionOther", "role", "slackUserId", "status" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_slackUserId_idx" ON "Membership"("slackUserId");
CREATE UNIQUE INDEX "Membership_communityId_slackUserId_key" ON "Membership"("communityId", "slackUserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_claimExpiresAt_idx" ON "OutboxMessage"("status", "claimExpiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_target_status_idx" ON "OutboxMessage"("target", "status");

-- CreateIndex
CREATE INDEX "OutboxMessage_subjectId_status_idx" ON "OutboxMessage"("subjectId", "status");

