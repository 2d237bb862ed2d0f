import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import {
  releaseHoldsAndPublish,
  type ReleaseHoldsAndPublishResult,
} from "@/lib/feed/release-holds-and-publish.server";
import {
  cancelUncollectedPickups,
  type UncollectedResult,
} from "./cancel-uncollected-pickups.server";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order.server";

export type SweepResult = ReleaseHoldsAndPublishResult & {
  unpaidCancelled: number;
  uncollected: UncollectedResult;
};

/**
 * The scheduled clean-up: releases expired holds (and publishes the freed stock), cancels the
 * unpaid orders those holds belonged to so the shopper's order page tells the truth, and cancels
 * pickups left uncollected too long (release, restock, refund). Safe to run from several places
 * at once: every step is a compare-and-set.
 */
export async function sweepOrders(
  db: Db,
  options: { now?: Date; batchSize?: number; maxBatches?: number } = {},
): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const holds = await releaseHoldsAndPublish(db, { ...options, now });
  let unpaidCancelled = 0;
  for (const orderId of holds.orderIds) {
    const { cancelled } = await cancelUnpaidOrder(db, { orderId, reason: "HOLD_EXPIRED", now });
    if (cancelled) unpaidCancelled++;
  }
  const uncollected = await cancelUncollectedPickups(db, { now });
  return { ...holds, unpaidCancelled, uncollected };
}
