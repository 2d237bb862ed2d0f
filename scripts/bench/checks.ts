import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";

/** What the database holds for a scenario's SKU after its run. */
export type StockCheck = {
  /** Units reserved over all nodes (must equal the successful units). */
  recordedUnits: number;
  /** Units held by the channel's active reservations. */
  channelUnits: number;
  /** Lowest onHand − reserved − safetyStock over the nodes. */
  lowestBalance: number;
  /** Counters that do not match the movement ledger or the active reservations. */
  ledgerMismatches: number;
};

/** Lowest onHand − reserved − safetyStock of the SKU over its nodes right now. */
export async function lowestBalance(db: PrismaClient, skuId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ low: number | null }[]>`
    SELECT MIN("onHand" - "reserved" - "safetyStock")::int AS "low" FROM "StockLevel"
    WHERE "skuId" = ${skuId}`;
  return row?.low ?? 0;
}

/** Reads back the SKU's stock, its channel's reservations and the ledger's verdict. */
export async function checkStock(
  db: PrismaClient,
  skuId: string,
  channelId: string,
): Promise<StockCheck> {
  const [row] = await db.$queryRaw<{ reserved: number; channel: number }[]>`
    SELECT
      (SELECT COALESCE(SUM("reserved"), 0)::int FROM "StockLevel" WHERE "skuId" = ${skuId}) AS "reserved",
      (SELECT COALESCE(SUM("quantity"), 0)::int FROM "Reservation"
        WHERE "skuId" = ${skuId} AND "channelId" = ${channelId} AND "status" = 'ACTIVE') AS "channel"`;
  const mismatches = await reconcileLedger(db, { skuIds: [skuId] });
  return {
    recordedUnits: row?.reserved ?? 0,
    channelUnits: row?.channel ?? 0,
    lowestBalance: await lowestBalance(db, skuId),
    ledgerMismatches: mismatches.length,
  };
}

/**
 * Samples `sample()` every `everyMs` while `work` runs and returns the lowest value seen, so a
 * balance that dipped below zero mid-run and came back would still show.
 */
export async function watchLowest<T>(
  sample: () => Promise<number>,
  everyMs: number,
  work: () => Promise<T>,
): Promise<{ result: T; lowest: number }> {
  let lowest = Number.POSITIVE_INFINITY;
  let running = true;
  const watcher = (async () => {
    while (running) {
      lowest = Math.min(lowest, await sample());
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  let result: T;
  try {
    result = await work();
  } finally {
    running = false;
    await watcher;
  }
  return { result, lowest: Math.min(lowest, await sample()) };
}
