-- AlterTable
ALTER TABLE "Problem" ADD COLUMN "createRequestId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Problem_createRequestId_key" ON "Problem"("createRequestId");

