-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "quotaPeriodKey" TEXT;
