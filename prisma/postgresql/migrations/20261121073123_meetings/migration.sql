-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "membersCanSchedule" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderOffsets" TEXT NOT NULL DEFAULT '10080,1440,60';

-- CreateTable
CREATE TABLE "MeetingSeries" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "anchorStart" TIMESTAMP(3) NOT NULL,
    "anchorIndex" INTEGER NOT NULL DEFAULT 0,
    "lastIndex" INTEGER,
    "title" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "videoLink" TEXT,
    "place" TEXT,
    "agenda" TEXT NOT NULL DEFAULT '',
    "reminderOffsets" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "seriesId" TEXT,
    "occurrence" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "timezone" TEXT NOT NULL,
    "videoLink" TEXT,
    "place" TEXT,
    "agenda" TEXT NOT NULL DEFAULT '',
    "reminderOffsets" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createRequestId" TEXT,
    "announcementChannelId" TEXT,
    "announcementTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRsvp" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "organisation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingRsvp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_createRequestId_key" ON "Meeting"("createRequestId");

-- CreateIndex
CREATE INDEX "Meeting_communityId_startsAt_idx" ON "Meeting"("communityId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_seriesId_occurrence_key" ON "Meeting"("seriesId", "occurrence");

-- CreateIndex
CREATE INDEX "MeetingRsvp_meetingId_answer_idx" ON "MeetingRsvp"("meetingId", "answer");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRsvp_meetingId_slackUserId_key" ON "MeetingRsvp"("meetingId", "slackUserId");

-- AddForeignKey
ALTER TABLE "MeetingSeries" ADD CONSTRAINT "MeetingSeries_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRsvp" ADD CONSTRAINT "MeetingRsvp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

