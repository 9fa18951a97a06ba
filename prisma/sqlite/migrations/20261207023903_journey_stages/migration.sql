-- CreateTable
CREATE TABLE "JourneyStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'accepted',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JourneyStage_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StageOwner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stageId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "organisationOther" TEXT,
    "organisationKey" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'owns',
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "StageOwner_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "membershipId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    CONSTRAINT "MemberStage_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "journeyVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Community_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Community" ("archivedAt", "createRequestId", "createdAt", "createdBy", "digestCadence", "digestMonthDay", "digestTime", "digestWeekday", "id", "meetingCadence", "membersCanSchedule", "name", "nameKey", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId") SELECT "archivedAt", "createRequestId", "createdAt", "createdBy", "digestCadence", "digestMonthDay", "digestTime", "digestWeekday", "id", "meetingCadence", "membersCanSchedule", "name", "nameKey", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId" FROM "Community";
DROP TABLE "Community";
ALTER TABLE "new_Community" RENAME TO "Community";
CREATE UNIQUE INDEX "Community_createRequestId_key" ON "Community"("createRequestId");
CREATE UNIQUE INDEX "Community_workspaceId_nameKey_key" ON "Community"("workspaceId", "nameKey");
CREATE UNIQUE INDEX "Community_workspaceId_slug_key" ON "Community"("workspaceId", "slug");
CREATE UNIQUE INDEX "Community_workspaceId_slackChannelId_key" ON "Community"("workspaceId", "slackChannelId");
CREATE TABLE "new_Problem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "stage" TEXT,
    "stageId" TEXT,
    "link" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "source" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createRequestId" TEXT,
    "messagePermalink" TEXT,
    "announcementChannelId" TEXT,
    "announcementTs" TEXT,
    "duplicateOfId" TEXT,
    "objectiveOwnerId" TEXT,
    "objectiveTargetDate" DATETIME,
    "objectiveStatus" TEXT,
    "promotionSuggestedAt" DATETIME,
    CONSTRAINT "Problem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Problem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Problem_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Problem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Problem" ("announcementChannelId", "announcementTs", "communityId", "createRequestId", "createdAt", "createdBy", "description", "duplicateOfId", "id", "link", "messagePermalink", "objectiveOwnerId", "objectiveStatus", "objectiveTargetDate", "promotionSuggestedAt", "source", "stage", "status", "title", "updatedAt") SELECT "announcementChannelId", "announcementTs", "communityId", "createRequestId", "createdAt", "createdBy", "description", "duplicateOfId", "id", "link", "messagePermalink", "objectiveOwnerId", "objectiveStatus", "objectiveTargetDate", "promotionSuggestedAt", "source", "stage", "status", "title", "updatedAt" FROM "Problem";
DROP TABLE "Problem";
ALTER TABLE "new_Problem" RENAME TO "Problem";
CREATE UNIQUE INDEX "Problem_createRequestId_key" ON "Problem"("createRequestId");
CREATE INDEX "Problem_communityId_status_idx" ON "Problem"("communityId", "status");
CREATE INDEX "Problem_stageId_idx" ON "Problem"("stageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "JourneyStage_communityId_status_position_idx" ON "JourneyStage"("communityId", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StageOwner_stageId_organisationKey_key" ON "StageOwner"("stageId", "organisationKey");

-- CreateIndex
CREATE INDEX "MemberStage_stageId_idx" ON "MemberStage"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberStage_membershipId_stageId_key" ON "MemberStage"("membershipId", "stageId");

