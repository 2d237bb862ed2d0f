import "server-only";
import { getRedis } from "@/lib/redis/client.server";
import { invalidateGate } from "@/lib/redis/stock-gate.server";
import type { Db } from "@/lib/db/transaction.server";
import type { FastPathOptions } from "./fast-path.server";
import { warnGateUnavailable } from "./fast-path-warning";
import {
  releaseExpiredHolds,
  type ReleaseExpiredHoldsOptions,
} from "./release-expired-holds.server";
import {
  releaseReservation,
  type ReleaseReservationOptions,
  type ReleaseResult,
} from "./release-reservation.server";
import type { StockChange } from "./reservation-summary";

// Units coming back raise the ATS of every channel selling the SKU (in protected mode one
// channel's release can even move another's quota), so instead of adding them to one count the
// SKU's counts are dropped and read again from the database on the next attempt.

/**
 * Drops the gate counts of the SKUs a stock change touched (any use case's `affectedSkuIds`).
 * Without it a count that is too low only refuses too much until it expires; call it after
 * changes that give stock back (releases, expiry, receipts) to sell those units at once.
 */
export async function invalidateStockGate(
  options: StockChange & Pick<FastPathOptions, "redis">,
): Promise<void> {
  const { redis = getRedis(), affectedSkuIds } = options;
  if (!redis || affectedSkuIds.length === 0) return;
  try {
    await invalidateGate(redis, affectedSkuIds);
  } catch (error) {
    warnGateUnavailable(error);
  }
}

/** releaseReservation, then the released SKUs' gate counts are read again from the database. */
export async function releaseReservationFast(
  db: Db,
  options: ReleaseReservationOptions & Pick<FastPathOptions, "redis">,
): Promise<ReleaseResult> {
  const { redis, ...engine } = options;
  const result = await releaseReservation(db, engine);
  await invalidateStockGate({ redis, affectedSkuIds: result.affectedSkuIds });
  return result;
}

/** releaseExpiredHolds, then the expired holds' SKUs' gate counts are read again. */
export async function releaseExpiredHoldsFast(
  db: Db,
  options: ReleaseExpiredHoldsOptions & Pick<FastPathOptions, "redis"> = {},
): Promise<Awaited<ReturnType<typeof releaseExpiredHolds>>> {
  const { redis, ...engine } = options;
  const result = await releaseExpiredHolds(db, engine);
  await invalidateStockGate({ redis, affectedSkuIds: result.affectedSkuIds });
  return result;
}
