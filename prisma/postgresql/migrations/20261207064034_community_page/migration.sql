-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "pageVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pageVisibility" TEXT NOT NULL DEFAULT 'link_only';

-- CreateIndex
CREATE INDEX "Membership_communityId_status_organisation_organisationOthe_idx" ON "Membership"("communityId", "status", "organisation", "organisationOther");

