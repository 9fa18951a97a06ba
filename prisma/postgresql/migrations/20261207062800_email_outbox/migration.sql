-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "emailFailedAt" TIMESTAMP(3),
ADD COLUMN     "emailFailure" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'slack';

-- CreateTable
CREATE TABLE "EmailRefusal" (
    "personId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailRefusal_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_availableAt_idx" ON "OutboxMessage"("channel", "status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_sentAt_idx" ON "OutboxMessage"("channel", "status", "sentAt");

