-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "organisation" TEXT NOT NULL,
    "organisationOther" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createRequestId" TEXT,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingStage" (
    "findingId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    CONSTRAINT "FindingStage_pkey" PRIMARY KEY ("findingId","stageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Finding_createRequestId_key" ON "Finding"("createRequestId");

-- CreateIndex
CREATE INDEX "Finding_communityId_createdAt_idx" ON "Finding"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "FindingStage_stageId_idx" ON "FindingStage"("stageId");

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingStage" ADD CONSTRAINT "FindingStage_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingStage" ADD CONSTRAINT "FindingStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

