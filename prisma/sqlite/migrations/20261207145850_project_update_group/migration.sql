-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProjectUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "meetingId" TEXT,
    "groupId" TEXT,
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
    CONSTRAINT "ProjectUpdate_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProjectUpdate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProjectUpdate" ("answeredBy", "communityId", "createdAt", "expectedOn", "id", "meetingId", "nothingNew", "organisation", "organisationName", "projectKey", "requestId", "state", "title") SELECT "answeredBy", "communityId", "createdAt", "expectedOn", "id", "meetingId", "nothingNew", "organisation", "organisationName", "projectKey", "requestId", "state", "title" FROM "ProjectUpdate";
DROP TABLE "ProjectUpdate";
ALTER TABLE "new_ProjectUpdate" RENAME TO "ProjectUpdate";
CREATE UNIQUE INDEX "ProjectUpdate_requestId_key" ON "ProjectUpdate"("requestId");
CREATE INDEX "ProjectUpdate_meetingId_organisation_idx" ON "ProjectUpdate"("meetingId", "organisation");
CREATE INDEX "ProjectUpdate_communityId_createdAt_idx" ON "ProjectUpdate"("communityId", "createdAt");
CREATE INDEX "ProjectUpdate_communityId_organisation_createdAt_idx" ON "ProjectUpdate"("communityId", "organisation", "createdAt");
CREATE INDEX "ProjectUpdate_communityId_projectKey_createdAt_idx" ON "ProjectUpdate"("communityId", "projectKey", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

