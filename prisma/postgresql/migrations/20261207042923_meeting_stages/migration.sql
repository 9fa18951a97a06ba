-- CreateTable
CREATE TABLE "MeetingStage" (
    "meetingId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    CONSTRAINT "MeetingStage_pkey" PRIMARY KEY ("meetingId","stageId")
);

-- CreateTable
CREATE TABLE "MeetingSeriesStage" (
    "seriesId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    CONSTRAINT "MeetingSeriesStage_pkey" PRIMARY KEY ("seriesId","stageId")
);

-- CreateIndex
CREATE INDEX "MeetingStage_stageId_idx" ON "MeetingStage"("stageId");

-- CreateIndex
CREATE INDEX "MeetingSeriesStage_stageId_idx" ON "MeetingSeriesStage"("stageId");

-- AddForeignKey
ALTER TABLE "MeetingStage" ADD CONSTRAINT "MeetingStage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingStage" ADD CONSTRAINT "MeetingStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeriesStage" ADD CONSTRAINT "MeetingSeriesStage_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeriesStage" ADD CONSTRAINT "MeetingSeriesStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

