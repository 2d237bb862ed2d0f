import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { releaseExpiredHoldsFast } from "@/lib/reservations/fast-path-release.server";
import { publishFeed, type PublishFeedResult } from "./publish-feed.server";

export type ReleaseHoldsAndPublishOptions = {
  now?: Date;
  /** Holds released per transaction. */
  batchSize?: number;
  /** Batches per call, so one call stays short; the next scheduled call takes the rest. */
  maxBatches?: number;
};

export type ReleaseHoldsAndPublishResult = {
  released: number;
  batches: number;
  /** True when the last batch was full: more holds may be due. */
  more: boolean;
  /** Orders whose holds expired in this sweep. */
  orderIds: string[];
  feed: PublishFeedResult;
};

/**
 * The scheduled sweep: releases holds past their expiry in batches, then publishes the channel
 * feed so the freed stock shows up for every channel at once rather than on the next tick. The
 * released SKUs' stock-gate counts are dropped so the fast path sells those units again at once.
 */
export async function releaseHoldsAndPublish(
  db: Db,
  options: ReleaseHoldsAndPublishOptions = {},
): Promise<ReleaseHoldsAndPublishResult> {
  const { now = new Date(), batchSize = 500, maxBatches = 20 } = options;
  let released = 0;
  let batches = 0;
  let more = false;
  const orderIds = new Set<string>();
  while (batches < maxBatches) {
    const { expired } = await releaseExpiredHoldsFast(db, { now, limit: batchSize });
    batches++;
    released += expired.length;
    for (const hold of expired) if (hold.orderId) orderIds.add(hold.orderId);
    more = expired.length === batchSize;
    if (!more) break;
  }
  const feed = await publishFeed(db);
  return { released, batches, more, orderIds: [...orderIds], feed };
}
