-- AlterTable
ALTER TABLE "MeetingSeries" ADD COLUMN     "groupId" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "agendaVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "groupId" TEXT;

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "proposedBy" TEXT NOT NULL,
    "link" TEXT,
    "messagePermalink" TEXT,
    "stageId" TEXT,
    "problemId" TEXT,
    "source" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createRequestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_createRequestId_key" ON "AgendaItem"("createRequestId");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_stageId_idx" ON "AgendaItem"("stageId");

-- CreateIndex
CREATE INDEX "AgendaItem_problemId_idx" ON "AgendaItem"("problemId");

-- CreateIndex
CREATE INDEX "Meeting_groupId_startsAt_idx" ON "Meeting"("groupId", "startsAt");

-- AddForeignKey
ALTER TABLE "MeetingSeries" ADD CONSTRAINT "MeetingSeries_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

