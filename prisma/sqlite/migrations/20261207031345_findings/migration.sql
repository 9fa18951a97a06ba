-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "organisation" TEXT NOT NULL,
    "organisationOther" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createRequestId" TEXT,
    CONSTRAINT "Finding_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FindingStage" (
    "findingId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    PRIMARY KEY ("findingId", "stageId"),
    CONSTRAINT "FindingStage_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FindingStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Finding_createRequestId_key" ON "Finding"("createRequestId");

-- CreateIndex
CREATE INDEX "Finding_communityId_createdAt_idx" ON "Finding"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "FindingStage_stageId_idx" ON "FindingStage"("stageId");

