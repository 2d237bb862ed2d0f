import "server-only";
import { getDb } from "@/lib/db/client.server";
import { env } from "@/lib/env";
import type { FastPathOptions } from "@/lib/reservations/fast-path.server";
import { invalidateStockGate } from "@/lib/reservations/fast-path-release.server";
import type { Db } from "@/lib/db/transaction.server";
import { publishFeed, type PublishFeedResult } from "./publish-feed.server";
import { createPublishLoop, type PublishLoop } from "./publish-loop";

/** How long a notification waits for more changes to publish them together. */
export const FEED_NOTIFY_DEBOUNCE_MS = 20;

// One publisher per server process, also across dev reloads, like the database client.
const globalForFeed = globalThis as unknown as { onepoolFeedPublisher?: PublishLoop };

export type StartFeedPublisherOptions = {
  /** Opens the database to publish; getDb (the process-wide client) by default. */
  openDb?: () => Promise<Db>;
  /**
   * How often the publisher looks at the stock ledger without being notified (FEED_PUBLISH_INTERVAL_MS).
   * Changes made by another process (a second app server, a script) are published within it.
   */
  intervalMs?: number;
  debounceMs?: number;
};

/**
 * One run of the publisher: publishes the feed, then drops the Redis stock gate's counts of the
 * SKUs some channel may now sell more of (released, cancelled, received, adjusted up), so those
 * units sell at once instead of when the count expires. This is how the gate is kept right for
 * changes made by any process: every stock change leaves a movement in the ledger.
 */
export async function publishFeedAndRefreshGate(
  db: Db,
  options: Pick<FastPathOptions, "redis"> = {},
): Promise<PublishFeedResult> {
  const published = await publishFeed(db);
  await invalidateStockGate({ redis: options.redis, affectedSkuIds: published.rose ?? [] });
  return published;
}

/**
 * Starts this process's feed publisher (once; later calls return the running one). The server
 * process runs it: with the embedded database it is the only process that may open it.
 */
export function startFeedPublisher(options: StartFeedPublisherOptions = {}): PublishLoop {
  const openDb = options.openDb ?? getDb;
  globalForFeed.onepoolFeedPublisher ??= createPublishLoop({
    publish: async () => publishFeedAndRefreshGate(await openDb()),
    intervalMs: options.intervalMs ?? env.FEED_PUBLISH_INTERVAL_MS,
    debounceMs: options.debounceMs ?? FEED_NOTIFY_DEBOUNCE_MS,
    onError: (error) => console.error("channel feed publish failed", error),
  });
  return globalForFeed.onepoolFeedPublisher;
}

/** Tells this process's publisher that stock changed, so it publishes now instead of on its next tick. */
export function notifyStockChanged(): void {
  globalForFeed.onepoolFeedPublisher?.notify();
}

/** Stops this process's publisher and waits for a run in progress (scripts, tests). */
export async function stopFeedPublisher(): Promise<void> {
  const loop = globalForFeed.onepoolFeedPublisher;
  globalForFeed.onepoolFeedPublisher = undefined;
  await loop?.stop();
}
