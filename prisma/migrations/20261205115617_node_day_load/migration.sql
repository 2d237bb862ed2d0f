-- AlterTable
ALTER TABLE "FulfilmentOrder" ADD COLUMN     "capacityDay" TEXT;

-- CreateTable
CREATE TABLE "NodeDayLoad" (
    "nodeId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NodeDayLoad_pkey" PRIMARY KEY ("nodeId","day")
);

-- AddForeignKey
ALTER TABLE "NodeDayLoad" ADD CONSTRAINT "NodeDayLoad_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The load of a node can never go below nothing.
ALTER TABLE "NodeDayLoad" ADD CONSTRAINT "NodeDayLoad_used_check" CHECK ("used" >= 0);

-- Fulfilment orders written before this migration hold the capacity of the (Shanghai, UTC+8)
-- day they were created on, unless cancelled or rejected, and the load of each day is their count.
UPDATE "FulfilmentOrder"
SET "capacityDay" = to_char("createdAt" + interval '8 hours', 'YYYY-MM-DD')
WHERE "status" NOT IN ('CANCELLED', 'REJECTED');

INSERT INTO "NodeDayLoad" ("nodeId", "day", "used")
SELECT "nodeId", "capacityDay", count(*)
FROM "FulfilmentOrder"
WHERE "capacityDay" IS NOT NULL
GROUP BY "nodeId", "capacityDay";
