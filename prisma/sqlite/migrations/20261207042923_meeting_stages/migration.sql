-- CreateTable
CREATE TABLE "MeetingStage" (
    "meetingId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    PRIMARY KEY ("meetingId", "stageId"),
    CONSTRAINT "MeetingStage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingSeriesStage" (
    "seriesId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,

    PRIMARY KEY ("seriesId", "stageId"),
    CONSTRAINT "MeetingSeriesStage_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingSeriesStage_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "JourneyStage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MeetingStage_stageId_idx" ON "MeetingStage"("stageId");

-- CreateIndex
CREATE INDEX "MeetingSeriesStage_stageId_idx" ON "MeetingSeriesStage"("stageId");

