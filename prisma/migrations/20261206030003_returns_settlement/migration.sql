-- CreateEnum
CREATE TYPE "SettlementRateKind" AS ENUM ('FULFILMENT_FEE', 'GUIDE_COMMISSION');

-- AlterEnum
ALTER TYPE "ReturnCondition" ADD VALUE 'REFUSED';

-- AlterEnum
ALTER TYPE "PaymentProvider" ADD VALUE 'EXCHANGE_CREDIT';

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "returnId" TEXT;

-- AlterTable
ALTER TABLE "Return" ADD COLUMN     "exchangeOrderId" TEXT,
ADD COLUMN     "receivedById" TEXT;

-- AlterTable
ALTER TABLE "ReturnLine" ADD COLUMN     "refuseReason" TEXT;

-- AlterTable
ALTER TABLE "SettlementEntry" ADD COLUMN     "paymentId" TEXT,
ADD COLUMN     "rateBps" INTEGER;

-- CreateTable
CREATE TABLE "SettlementRate" (
    "id" TEXT NOT NULL,
    "kind" "SettlementRateKind" NOT NULL,
    "bps" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SettlementRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SettlementRate_kind_effectiveFrom_key" ON "SettlementRate"("kind", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Payment_returnId_idx" ON "Payment"("returnId");

-- CreateIndex
CREATE UNIQUE INDEX "Return_exchangeOrderId_key" ON "Return"("exchangeOrderId");

-- CreateIndex
CREATE INDEX "SettlementEntry_paymentId_idx" ON "SettlementEntry"("paymentId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "Return"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_exchangeOrderId_fkey" FOREIGN KEY ("exchangeOrderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementEntry" ADD CONSTRAINT "SettlementEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementRate" ADD CONSTRAINT "SettlementRate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A rate is a share of the paid goods, never negative and never more than all of it.
ALTER TABLE "SettlementRate" ADD CONSTRAINT "SettlementRate_bps_range" CHECK ("bps" >= 0 AND "bps" <= 10000);

-- The rates in force from the beginning: 6 % fulfilment service fee, 3 % guide commission.
INSERT INTO "SettlementRate" ("id", "kind", "bps", "effectiveFrom", "note")
VALUES ('rate_fee_initial', 'FULFILMENT_FEE', 600, '2000-01-01 00:00:00', 'initial rate'),
       ('rate_guide_initial', 'GUIDE_COMMISSION', 300, '2000-01-01 00:00:00', 'initial rate');
