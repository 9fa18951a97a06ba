-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "slackMeetings" BOOLEAN NOT NULL DEFAULT true,
    "slackReminders" BOOLEAN NOT NULL DEFAULT true,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" DATETIME,
    "email" TEXT,
    "displayName" TEXT,
    "emailMeetings" BOOLEAN NOT NULL DEFAULT false,
    "emailReminders" BOOLEAN NOT NULL DEFAULT false,
    "emailDigests" BOOLEAN NOT NULL DEFAULT false,
    "emailFailedAt" DATETIME,
    "emailFailure" TEXT,
    CONSTRAINT "Membership_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("communityId", "digestByDm", "displayName", "email", "emailDigests", "emailFailedAt", "emailFailure", "emailMeetings", "emailReminders", "id", "joinedAt", "leftAt", "organisation", "organisationOther", "profession", "professionOther", "role", "slackUserId", "status") SELECT "communityId", "digestByDm", "displayName", "email", "emailDigests", "emailFailedAt", "emailFailure", "emailMeetings", "emailReminders", "id", "joinedAt", "leftAt", "organisation", "organisationOther", "profession", "professionOther", "role", "slackUserId", "status" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_slackUserId_idx" ON "Membership"("slackUserId");
CREATE INDEX "Membership_communityId_status_organisation_organisationOther_idx" ON "Membership"("communityId", "status", "organisation", "organisationOther");
CREATE UNIQUE INDEX "Membership_communityId_slackUserId_key" ON "Membership"("communityId", "slackUserId");
CREATE UNIQUE INDEX "Membership_communityId_email_key" ON "Membership"("communityId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

