-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "couponClaimId" TEXT;
