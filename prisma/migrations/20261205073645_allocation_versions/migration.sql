-- AlterTable
ALTER TABLE "AllocationPolicy" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TierSwitchRule" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
