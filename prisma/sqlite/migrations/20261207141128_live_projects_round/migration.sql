-- CreateTable
CREATE TABLE "RoundAsk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundAsk_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "meetingId" TEXT,
    "organisation" TEXT NOT NULL,
    "organisationName" TEXT NOT NULL,
    "projectKey" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "state" TEXT,
    "expectedOn" TEXT,
    "nothingNew" BOOLEAN NOT NULL DEFAULT false,
    "answeredBy" TEXT NOT NULL,
    "requestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectUpdate_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectUpdate_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectUpdateStage" (
    "updateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    PRIMARY KEY ("updateId", "stageId"),
    CONSTRAINT "ProjectUpdateStage_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProjectUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectUpdateStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "bankHolidays" TEXT NOT NULL DEFAULT 'england-and-wales',
    "roundDaysBefore" INTEGER NOT NULL DEFAULT 3,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    "journeyVersion" INTEGER NOT NULL DEFAULT 0,
    "pageVisibility" TEXT NOT NULL DEFAULT 'link_only',
    "pageVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Community_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Community" ("archivedAt", "bankHolidays", "createRequestId", "createdAt", "createdBy", "digestCadence", "digestMonthDay", "digestTime", "digestWeekday", "id", "journeyVersion", "meetingCadence", "membersCanSchedule", "name", "nameKey", "pageVersion", "pageVisibility", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId") SELECT "archivedAt", "bankHolidays", "createRequestId", "createdAt", "createdBy", "digestCadence", "digestMonthDay", "digestTime", "digestWeekday", "id", "journeyVersion", "meetingCadence", "membersCanSchedule", "name", "nameKey", "pageVersion", "pageVisibility", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId" FROM "Community";
DROP TABLE "Community";
ALTER TABLE "new_Community" RENAME TO "Community";
CREATE UNIQUE INDEX "Community_createRequestId_key" ON "Community"("createRequestId");
CREATE UNIQUE INDEX "Community_workspaceId_nameKey_key" ON "Community"("workspaceId", "nameKey");
CREATE UNIQUE INDEX "Community_workspaceId_slug_key" ON "Community"("workspaceId", "slug");
CREATE UNIQUE INDEX "Community_workspaceId_slackChannelId_key" ON "Community"("workspaceId", "slackChannelId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RoundAsk_meetingId_organisation_idx" ON "RoundAsk"("meetingId", "organisation");

-- CreateIndex
CREATE UNIQUE INDEX "RoundAsk_meetingId_personId_key" ON "RoundAsk"("meetingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectUpdate_requestId_key" ON "ProjectUpdate"("requestId");

-- CreateIndex
CREATE INDEX "ProjectUpdate_meetingId_organisation_idx" ON "ProjectUpdate"("meetingId", "organisation");

-- CreateIndex
CREATE INDEX "ProjectUpdate_communityId_organisation_createdAt_idx" ON "ProjectUpdate"("communityId", "organisation", "createdAt");

-- CreateIndex
CREATE INDEX "ProjectUpdate_communityId_projectKey_createdAt_idx" ON "ProjectUpdate"("communityId", "projectKey", "createdAt");

-- CreateIndex
CREATE INDEX "ProjectUpdateStage_stageId_idx" ON "ProjectUpdateStage"("stageId");

