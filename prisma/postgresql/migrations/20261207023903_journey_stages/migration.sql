-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "journeyVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "stageId" TEXT;

-- CreateTable
CREATE TABLE "JourneyStage" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'accepted',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageOwner" (
    "id" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "organisationOther" TEXT,
    "organisationKey" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'owns',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StageOwner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberStage" (
    "id" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    CONSTRAINT "MemberStage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JourneyStage_communityId_status_position_idx" ON "JourneyStage"("communityId", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StageOwner_stageId_organisationKey_key" ON "StageOwner"("stageId", "organisationKey");

-- CreateIndex
CREATE INDEX "MemberStage_stageId_idx" ON "MemberStage"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberStage_membershipId_stageId_key" ON "MemberStage"("membershipId", "stageId");

-- CreateIndex
CREATE INDEX "Problem_stageId_idx" ON "Problem"("stageId");

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyStage" ADD CONSTRAINT "JourneyStage_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageOwner" ADD CONSTRAINT "StageOwner_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberStage" ADD CONSTRAINT "MemberStage_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberStage" ADD CONSTRAINT "MemberStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

