-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "actionId" TEXT;

-- CreateTable
CREATE TABLE "MeetingOutcome" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "notesLink" TEXT,
    "decisions" TEXT NOT NULL DEFAULT '',
    "recordedBy" TEXT NOT NULL,
    "requestId" TEXT,
    "postChannelId" TEXT,
    "postTs" TEXT,
    "postClaimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "stageId" TEXT,
    "problemId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMP(3),
    "doneBy" TEXT,
    "position" INTEGER NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dmChannelId" TEXT,
    "dmTs" TEXT,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingOutcome_meetingId_key" ON "MeetingOutcome"("meetingId");

-- CreateIndex
CREATE INDEX "ActionItem_communityId_status_dueOn_idx" ON "ActionItem"("communityId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_status_dueOn_idx" ON "ActionItem"("ownerId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "ActionItem_meetingId_position_idx" ON "ActionItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_actionId_key" ON "AgendaItem"("meetingId", "actionId");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ActionItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingOutcome" ADD CONSTRAINT "MeetingOutcome_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

