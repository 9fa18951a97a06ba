-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "digestCadence" TEXT NOT NULL DEFAULT 'weekly',
ADD COLUMN     "digestMonthDay" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "digestWeekday" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "digestByDm" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "announcementClaimedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "communityId" TEXT,
    "subjectId" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "availableAt" TIMESTAMP(3) NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedBy" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchedulerRun" (
    "fireKey" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SchedulerRun_pkey" PRIMARY KEY ("fireKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_claimExpiresAt_idx" ON "OutboxMessage"("status", "claimExpiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_target_status_idx" ON "OutboxMessage"("target", "status");

-- CreateIndex
CREATE INDEX "OutboxMessage_subjectId_status_idx" ON "OutboxMessage"("subjectId", "status");

