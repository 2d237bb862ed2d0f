-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "feedTokenHash" TEXT;

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "bundleSkuId" TEXT;

-- CreateTable
CREATE TABLE "LogCursor" (
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LogCursor_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Reservation_skuId_status_idx" ON "Reservation"("skuId", "status");

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_bundleSkuId_fkey" FOREIGN KEY ("bundleSkuId") REFERENCES "Sku"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Stock guards, added by hand (Prisma's schema language cannot express CHECK constraints):
-- a node never promises more than it holds, and counters never go below zero.
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_reserved_within_onHand" CHECK ("reserved" <= "onHand");
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_presaleSold_nonnegative" CHECK ("presaleSold" >= 0);
ALTER TABLE "ReturnLine" ADD CONSTRAINT "ReturnLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "FulfilmentLine" ADD CONSTRAINT "FulfilmentLine_pickedQty_within_quantity" CHECK ("pickedQty" >= 0 AND "pickedQty" <= "quantity");
