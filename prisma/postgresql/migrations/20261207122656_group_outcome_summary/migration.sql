-- AlterTable
ALTER TABLE "MeetingOutcome" ADD COLUMN     "summary" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "summaryClaimedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "MeetingOutcome_createdAt_idx" ON "MeetingOutcome"("createdAt");

