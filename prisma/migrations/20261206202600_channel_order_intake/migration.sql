-- AlterEnum
ALTER TYPE "BuyerType" ADD VALUE 'MARKETPLACE';

-- AlterEnum
ALTER TYPE "PaymentProvider" ADD VALUE 'CHANNEL';

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "acceptsPartialOrders" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "channelOrderId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Order_channelId_channelOrderId_key" ON "Order"("channelId", "channelOrderId");
