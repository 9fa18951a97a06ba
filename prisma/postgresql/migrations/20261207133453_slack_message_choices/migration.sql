-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "slackMeetings" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "slackReminders" BOOLEAN NOT NULL DEFAULT true;

