import "server-only";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { capacityDayOf, countPerNode } from "./capacity-day";

/**
 * Takes one unit of the day's capacity for each fulfilment order given to a node, by
 * compare-and-set on the node's row for that day: `used + n` is written only while it stays
 * within the node's `dailyCapacity`, so concurrent checkouts never give a node more. Rows are
 * taken in node order, after the transaction's SKU locks (the order every path takes them in).
 * A node with no capacity left refuses with CONFLICT / NODE_AT_CAPACITY and the caller's
 * transaction rolls back.
 */
export async function takeNodeCapacity(
  tx: Tx,
  input: { nodeIds: readonly string[]; now: Date },
): Promise<string> {
  const day = capacityDayOf(input.now);
  for (const [nodeId, count] of countPerNode(input.nodeIds)) {
    const taken = await tx.$queryRaw<{ used: number }[]>`
      INSERT INTO "NodeDayLoad" ("nodeId", "day", "used")
      SELECT n."id", ${day}, ${count}::int FROM "Node" n
      WHERE n."id" = ${nodeId} AND n."dailyCapacity" >= ${count}::int
      ON CONFLICT ("nodeId", "day") DO UPDATE SET "used" = "NodeDayLoad"."used" + ${count}::int
      WHERE "NodeDayLoad"."used" + ${count}::int <=
        (SELECT "dailyCapacity" FROM "Node" WHERE "id" = EXCLUDED."nodeId")
      RETURNING "used"`;
    if (taken.length === 0)
      throw new AppError("CONFLICT", "The node has no capacity left today.", {
        details: { reason: "NODE_AT_CAPACITY", nodeId },
      });
  }
  return day;
}

/**
 * Counts fulfilment orders a node must take whatever its load: presale orders allocated when
 * the goods arrive (the receipt cannot be refused). Routing then sees the node as that much
 * busier. Same row order as `takeNodeCapacity`.
 */
export async function addNodeLoad(
  tx: Tx,
  input: { nodeIds: readonly string[]; now: Date },
): Promise<string> {
  const day = capacityDayOf(input.now);
  for (const [nodeId, count] of countPerNode(input.nodeIds)) {
    await tx.$executeRaw`
      INSERT INTO "NodeDayLoad" ("nodeId", "day", "used") VALUES (${nodeId}, ${day}, ${count}::int)
      ON CONFLICT ("nodeId", "day") DO UPDATE SET "used" = "NodeDayLoad"."used" + ${count}::int`;
  }
  return day;
}

/**
 * Gives back the capacity held by fulfilment orders that were cancelled or rejected. Each order
 * gives back once: clearing its `capacityDay` is the compare-and-set, so a second call (or a
 * concurrent one) finds nothing to give.
 */
export async function giveBackNodeCapacity(
  tx: Tx,
  fulfilmentOrderIds: readonly string[],
): Promise<void> {
  if (fulfilmentOrderIds.length === 0) return;
  const released = await tx.$queryRaw<{ nodeId: string; day: string; count: number }[]>`
    WITH cleared AS (
      UPDATE "FulfilmentOrder" f SET "capacityDay" = NULL
      FROM (SELECT "id", "capacityDay" FROM "FulfilmentOrder"
            WHERE "id" = ANY(${[...fulfilmentOrderIds]}::text[]) AND "capacityDay" IS NOT NULL
            FOR UPDATE) held
      WHERE f."id" = held."id"
      RETURNING f."nodeId", held."capacityDay" AS "day"
    )
    SELECT "nodeId", "day", count(*)::int AS "count" FROM cleared
    GROUP BY "nodeId", "day" ORDER BY "nodeId", "day"`;
  for (const r of released) {
    await tx.$executeRaw`
      UPDATE "NodeDayLoad" SET "used" = GREATEST(0, "used" - ${r.count}::int)
      WHERE "nodeId" = ${r.nodeId} AND "day" = ${r.day}`;
  }
}

/** Fulfilment orders given to each node on the day of `now`, for routing's capacity rule. */
export async function loadNodeLoads(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await db.nodeDayLoad.findMany({
    where: { day: capacityDayOf(now) },
    select: { nodeId: true, used: true },
  });
  return new Map(rows.map((r) => [r.nodeId, r.used]));
}

/**
 * Counts the loads again from the fulfilment orders themselves: every order not cancelled or
 * rejected holds the capacity of the day it was created on. For rows written in bulk (the demo
 * history), never while checkouts run.
 */
export async function recountNodeLoads(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    UPDATE "FulfilmentOrder"
    SET "capacityDay" = to_char("createdAt" + interval '8 hours', 'YYYY-MM-DD')
    WHERE "capacityDay" IS NULL AND "status" NOT IN ('CANCELLED', 'REJECTED')`;
  await tx.$executeRaw`
    INSERT INTO "NodeDayLoad" ("nodeId", "day", "used")
    SELECT "nodeId", "capacityDay", count(*)::int FROM "FulfilmentOrder"
    WHERE "capacityDay" IS NOT NULL
    GROUP BY "nodeId", "capacityDay"
    ON CONFLICT ("nodeId", "day") DO UPDATE SET "used" = EXCLUDED."used"`;
}
