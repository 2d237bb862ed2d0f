-- AlterTable
ALTER TABLE "TransferLine" ADD COLUMN     "receivedQty" INTEGER;

-- AlterTable
ALTER TABLE "TransferOrder" ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "receivedById" TEXT;

-- CreateIndex
CREATE INDEX "TransferOrder_toNodeId_status_idx" ON "TransferOrder"("toNodeId", "status");

-- CreateIndex
CREATE INDEX "TransferOrder_fromNodeId_status_idx" ON "TransferOrder"("fromNodeId", "status");

-- AddForeignKey
ALTER TABLE "TransferOrder" ADD CONSTRAINT "TransferOrder_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A transfer never counts in more than was shipped (its quantity is kept positive since init).
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_received_range"
  CHECK ("receivedQty" IS NULL OR ("receivedQty" >= 0 AND "receivedQty" <= "quantity"));
