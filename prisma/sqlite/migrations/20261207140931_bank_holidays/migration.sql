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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    "journeyVersion" INTEGER NOT NULL DEFAULT 0,
    "pageVisibility" TEXT NOT NULL DEFAULT 'link_only',
    "pageVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Community_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Community" ("archivedAt", "createRequestId", "createdAt", "createdBy", "digestCadence", "digestMonthDay", "digestTime", "digestWeekday", "id", "journeyVersion", "meetingCadence", "membersCanSchedule", "name", "nameKey", "pageVersion", "pageVisibility", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId") SELECT "archivedAt", "createRequestId", "createdAt", "createdBy", "digestCadence", "digestMonthDay", "digestTime", "digestWeekday", "id", "journeyVersion", "meetingCadence", "membersCanSchedule", "name", "nameKey", "pageVersion", "pageVisibility", "problemThreshold", "purpose", "reminderOffsets", "service", "slackChannelId", "slug", "timezone", "updatedAt", "workspaceId" FROM "Community";
DROP TABLE "Community";
ALTER TABLE "new_Community" RENAME TO "Community";
CREATE UNIQUE INDEX "Community_createRequestId_key" ON "Community"("createRequestId");
CREATE UNIQUE INDEX "Community_workspaceId_nameKey_key" ON "Community"("workspaceId", "nameKey");
CREATE UNIQUE INDEX "Community_workspaceId_slug_key" ON "Community"("workspaceId", "slug");
CREATE UNIQUE INDEX "Community_workspaceId_slackChannelId_key" ON "Community"("workspaceId", "slackChannelId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

