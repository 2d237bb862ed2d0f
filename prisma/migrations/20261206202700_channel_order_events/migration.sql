-- CreateTable
CREATE TABLE "ChannelOrderEvent" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "channelOrderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fulfilmentOrderId" TEXT,
    "courierName" TEXT,
    "trackingNo" TEXT,
    "amount" INTEGER,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelOrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelOrderEvent_dedupeKey_key" ON "ChannelOrderEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "ChannelOrderEvent_channelId_id_idx" ON "ChannelOrderEvent"("channelId", "id");

-- AddForeignKey
ALTER TABLE "ChannelOrderEvent" ADD CONSTRAINT "ChannelOrderEvent_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelOrderEvent" ADD CONSTRAINT "ChannelOrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
