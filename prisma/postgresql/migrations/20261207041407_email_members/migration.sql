-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "emailDigests" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailMeetings" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailReminders" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_communityId_email_key" ON "Membership"("communityId", "email");

