-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingOutcome" (
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
    "summary" TEXT NOT NULL DEFAULT 'none',
    "summaryClaimedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingOutcome_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MeetingOutcome" ("createdAt", "decisions", "id", "meetingId", "notes", "notesLink", "postChannelId", "postClaimedAt", "postTs", "recordedBy", "requestId") SELECT "createdAt", "decisions", "id", "meetingId", "notes", "notesLink", "postChannelId", "postClaimedAt", "postTs", "recordedBy", "requestId" FROM "MeetingOutcome";
DROP TABLE "MeetingOutcome";
ALTER TABLE "new_MeetingOutcome" RENAME TO "MeetingOutcome";
CREATE UNIQUE INDEX "MeetingOutcome_meetingId_key" ON "MeetingOutcome"("meetingId");
CREATE INDEX "MeetingOutcome_createdAt_idx" ON "MeetingOutcome"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

