import "server-only";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AlsoWhenPromised } from "@/lib/inventory/stock-writes.server";
import { AppError } from "@/lib/errors/app-error";
import { capacityDayOf, countPerNode } from "./capacity-day";

/** The day's capacity an order's fulfilment orders take (limit) or are counted against. */
export type CapacityClaim = { nodeIds: readonly string[]; now: Date; limit: boolean };

/**
 * The statement that takes or counts a claim, rows in node order (the order every transaction
 * takes node-day rows in), each returning its node as "key". With `limit`, `used + n` is
 * written only while it stays within the node's `dailyCapacity` (compare-and-set), so concurrent
 * checkouts never give a node more; without, the count goes up whatever the load. `when` is a
 * condition the rows are written under (another write of the same statement succeeded).
 */
function claimSql(claim: CapacityClaim, when: Prisma.Sql): Prisma.Sql {
  const day = capacityDayOf(claim.now);
  const counts = JSON.stringify(
    countPerNode(claim.nodeIds).map(([nodeId, count]) => ({ nodeId, count })),
  );
  return Prisma.sql`
    INSERT INTO "NodeDayLoad" ("nodeId", "day", "used")
    SELECT n."id", ${day}, w."count"
    FROM jsonb_to_recordset(${counts}::jsonb) AS w("nodeId" text, "count" int)
    JOIN "Node" n ON n."id" = w."nodeId"
    WHERE ${when} AND (NOT ${claim.limit}::boolean OR n."dailyCapacity" >= w."count")
    ORDER BY w."nodeId"
    ON CONFLICT ("nodeId", "day") DO UPDATE SET "used" = "NodeDayLoad"."used" + EXCLUDED."used"
    WHERE NOT ${claim.limit}::boolean OR "NodeDayLoad"."used" + EXCLUDED."used" <=
      (SELECT "dailyCapacity" FROM "Node" WHERE "id" = EXCLUDED."nodeId")
    RETURNING "nodeId" AS "key"`;
}

/** NODE_AT_CAPACITY for the first node (in node order) whose row was not written. */
function checkClaimed(claim: CapacityClaim, written: readonly string[]): void {
  const full = countPerNode(claim.nodeIds).find(([nodeId]) => !written.includes(nodeId));
  if (full)
    throw new AppError("CONFLICT", "The node has no capacity left today.", {
      details: { reason: "NODE_AT_CAPACITY", nodeId: full[0] },
    });
}

/**
 * Takes (limit) or counts one unit of the day's capacity for each fulfilment order given to a
 * node, after the transaction's SKU locks. A node with no capacity left refuses with CONFLICT /
 * NODE_AT_CAPACITY and the caller's transaction rolls back. Returns the day.
 */
export async function claimNodeCapacity(tx: Tx, claim: CapacityClaim): Promise<string> {
  if (claim.nodeIds.length > 0) {
    const rows = await tx.$queryRaw<{ key: string }[]>(claimSql(claim, Prisma.sql`TRUE`));
    checkClaimed(
      claim,
      rows.map((r) => r.key),
    );
  }
  return capacityDayOf(claim.now);
}

/**
 * The same claim made inside a promise's statement (reserveAndRecord's AlsoWhenPromised): the
 * capacity is taken right after the stock, in one round trip. `check` throws NODE_AT_CAPACITY
 * once the promise has been made without the capacity, or if the statement never ran it.
 */
export function claimWithPromise(claim: CapacityClaim): {
  also: AlsoWhenPromised;
  check: () => void;
} {
  let written: string[] | null = null;
  return {
    also: {
      sql: (promised) => claimSql(claim, promised),
      written: (keys) => {
        written = keys;
      },
    },
    check: () => {
      if (written === null) throw new Error("the capacity claim was not made with the promise");
      checkClaimed(claim, written);
    },
  };
}

/** Takes one unit of the day's capacity per fulfilment order (claimNodeCapacity, limit). */
export async function takeNodeCapacity(
  tx: Tx,
  input: { nodeIds: readonly string[]; now: Date },
): Promise<string> {
  return claimNodeCapacity(tx, { ...input, limit: true });
}

/**
 * Counts fulfilment orders a node must take whatever its load: presale orders allocated when
 * the goods arrive (the receipt cannot be refused). Routing then sees the node as that much
 * busier.
 */
export async function addNodeLoad(
  tx: Tx,
  input: { nodeIds: readonly string[]; now: Date },
): Promise<string> {
  return claimNodeCapacity(tx, { ...input, limit: false });
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
