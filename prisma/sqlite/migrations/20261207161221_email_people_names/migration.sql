-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN "ownerName" TEXT;

-- AlterTable
ALTER TABLE "ProjectUpdate" ADD COLUMN "answeredByName" TEXT;

