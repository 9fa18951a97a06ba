-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN     "groupId" TEXT;

-- CreateIndex
CREATE INDEX "ProjectUpdate_communityId_createdAt_idx" ON "ProjectUpdate"("communityId", "createdAt");

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

