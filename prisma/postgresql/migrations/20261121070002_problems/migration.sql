-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "problemThreshold" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Problem" ADD COLUMN     "announcementChannelId" TEXT,
ADD COLUMN     "announcementTs" TEXT,
ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "link" TEXT,
ADD COLUMN     "messagePermalink" TEXT,
ADD COLUMN     "objectiveOwnerId" TEXT,
ADD COLUMN     "objectiveStatus" TEXT,
ADD COLUMN     "objectiveTargetDate" TIMESTAMP(3),
ADD COLUMN     "promotionSuggestedAt" TIMESTAMP(3),
ADD COLUMN     "stage" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ProblemOrganisation" (
    "problemId" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,

    CONSTRAINT "ProblemOrganisation_pkey" PRIMARY KEY ("problemId","organisation")
);

-- CreateTable
CREATE TABLE "ProblemVote" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "organisation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemStatusChange" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProblemVote_problemId_slackUserId_key" ON "ProblemVote"("problemId", "slackUserId");

-- CreateIndex
CREATE INDEX "ProblemStatusChange_problemId_createdAt_idx" ON "ProblemStatusChange"("problemId", "createdAt");

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemOrganisation" ADD CONSTRAINT "ProblemOrganisation_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemVote" ADD CONSTRAINT "ProblemVote_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemStatusChange" ADD CONSTRAINT "ProblemStatusChange_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

