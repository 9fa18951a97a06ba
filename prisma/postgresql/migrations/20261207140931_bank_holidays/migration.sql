-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "bankHolidays" TEXT NOT NULL DEFAULT 'england-and-wales';

