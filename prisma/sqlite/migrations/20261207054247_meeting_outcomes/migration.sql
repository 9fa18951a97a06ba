-- CreateTable
CREATE TABLE "MeetingOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "notesLink" TEXT,
    "decisions" TEXT NOT NULL DEFAULT '',
    "recordedBy" TEXT NOT NULL,
    "requestId" TEXT,
    "postChannelId" TEXT,
    "postTs" TEXT,
    "postClaimedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingOutcome_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "stageId" TEXT,
    "problemId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "doneAt" DATETIME,
    "doneBy" TEXT,
    "position" INTEGER NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dmChannelId" TEXT,
    "dmTs" TEXT,
    CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ActionItem_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "proposedBy" TEXT NOT NULL,
    "link" TEXT,
    "messagePermalink" TEXT,
    "stageId" TEXT,
    "problemId" TEXT,
    "actionId" TEXT,
    "source" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createRequestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ActionItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AgendaItem" ("createRequestId", "createdAt", "id", "link", "meetingId", "messagePermalink", "position", "problemId", "proposedBy", "source", "stageId", "title") SELECT "createRequestId", "createdAt", "id", "link", "meetingId", "messagePermalink", "position", "problemId", "proposedBy", "source", "stageId", "title" FROM "AgendaItem";
DROP TABLE "AgendaItem";
ALTER TABLE "new_AgendaItem" RENAME TO "AgendaItem";
CREATE UNIQUE INDEX "AgendaItem_createRequestId_key" ON "AgendaItem"("createRequestId");
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");
CREATE INDEX "AgendaItem_stageId_idx" ON "AgendaItem"("stageId");
CREATE INDEX "AgendaItem_problemId_idx" ON "AgendaItem"("problemId");
CREATE UNIQUE INDEX "AgendaItem_meetingId_actionId_key" ON "AgendaItem"("meetingId", "actionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOutcome_meetingId_key" ON "MeetingOutcome"("meetingId");

-- CreateIndex
CREATE INDEX "ActionItem_communityId_status_dueOn_idx" ON "ActionItem"("communityId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_status_dueOn_idx" ON "ActionItem"("ownerId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ActionItem_meetingId_position_idx" ON "ActionItem"("meetingId", "position");

