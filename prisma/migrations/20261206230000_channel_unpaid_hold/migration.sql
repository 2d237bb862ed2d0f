-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "unpaidHoldMinutes" INTEGER NOT NULL DEFAULT 60;
