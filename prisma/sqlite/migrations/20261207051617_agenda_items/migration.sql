-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "proposedBy" TEXT NOT NULL,
    "link" TEXT,
    "messagePermalink" TEXT,
    "stageId" TEXT,
    "problemId" TEXT,
    "source" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createRequestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingSeries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "groupId" TEXT,
    "rule" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "anchorStart" DATETIME NOT NULL,
    "anchorIndex" INTEGER NOT NULL DEFAULT 0,
    "lastIndex" INTEGER,
    "title" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "videoLink" TEXT,
    "place" TEXT,
    "agenda" TEXT NOT NULL DEFAULT '',
    "reminderOffsets" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingSeries_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingSeries_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MeetingSeries" ("agenda", "anchorIndex", "anchorStart", "communityId", "createdAt", "createdBy", "durationMinutes", "id", "lastIndex", "place", "reminderOffsets", "rule", "timezone", "title", "updatedAt", "videoLink") SELECT "agenda", "anchorIndex", "anchorStart", "communityId", "createdAt", "createdBy", "durationMinutes", "id", "lastIndex", "place", "reminderOffsets", "rule", "timezone", "title", "updatedAt", "videoLink" FROM "MeetingSeries";
DROP TABLE "MeetingSeries";
ALTER TABLE "new_MeetingSeries" RENAME TO "MeetingSeries";
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "seriesId" TEXT,
    "groupId" TEXT,
    "occurrence" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "timezone" TEXT NOT NULL,
    "videoLink" TEXT,
    "place" TEXT,
    "agenda" TEXT NOT NULL DEFAULT '',
    "reminderOffsets" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createRequestId" TEXT,
    "announcementChannelId" TEXT,
    "announcementTs" TEXT,
    "announcementClaimedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" DATETIME,
    "agendaVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Meeting_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("agenda", "announcementChannelId", "announcementClaimedAt", "announcementTs", "cancelledAt", "communityId", "createRequestId", "createdAt", "createdBy", "durationMinutes", "id", "occurrence", "place", "reminderOffsets", "sequence", "seriesId", "startsAt", "status", "timezone", "title", "updatedAt", "videoLink") SELECT "agenda", "announcementChannelId", "announcementClaimedAt", "announcementTs", "cancelledAt", "communityId", "createRequestId", "createdAt", "createdBy", "durationMinutes", "id", "occurrence", "place", "reminderOffsets", "sequence", "seriesId", "startsAt", "status", "timezone", "title", "updatedAt", "videoLink" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE UNIQUE INDEX "Meeting_createRequestId_key" ON "Meeting"("createRequestId");
CREATE INDEX "Meeting_communityId_startsAt_idx" ON "Meeting"("communityId", "startsAt");
CREATE INDEX "Meeting_groupId_startsAt_idx" ON "Meeting"("groupId", "startsAt");
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");
CREATE UNIQUE INDEX "Meeting_seriesId_occurrence_key" ON "Meeting"("seriesId", "occurrence");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_createRequestId_key" ON "AgendaItem"("createRequestId");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_stageId_idx" ON "AgendaItem"("stageId");

-- CreateIndex
CREATE INDEX "AgendaItem_problemId_idx" ON "AgendaItem"("problemId");

