-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "roundDaysBefore" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "RoundAsk" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundAsk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectUpdate" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectUpdateStage" (
    "updateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    CONSTRAINT "ProjectUpdateStage_pkey" PRIMARY KEY ("updateId","stageId")
);

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

-- AddForeignKey
ALTER TABLE "RoundAsk" ADD CONSTRAINT "RoundAsk_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdateStage" ADD CONSTRAINT "ProjectUpdateStage_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProjectUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdateStage" ADD CONSTRAINT "ProjectUpdateStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

