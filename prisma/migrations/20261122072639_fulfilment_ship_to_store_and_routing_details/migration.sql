-- AlterTable
ALTER TABLE "FulfilmentOrder" ADD COLUMN     "shipToNodeId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "promisedBy" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RoutingDecision" ADD COLUMN     "plan" JSONB,
ADD COLUMN     "refusalCode" TEXT,
ADD COLUMN     "summaryParts" JSONB;

-- CreateIndex
CREATE INDEX "FulfilmentOrder_shipToNodeId_status_idx" ON "FulfilmentOrder"("shipToNodeId", "status");

-- AddForeignKey
ALTER TABLE "FulfilmentOrder" ADD CONSTRAINT "FulfilmentOrder_shipToNodeId_fkey" FOREIGN KEY ("shipToNodeId") REFERENCES "Node"("id") ON DELETE SET NULL ON UPDATE CASCADE;
