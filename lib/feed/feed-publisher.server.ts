import "server-only";
import { getDb } from "@/lib/db/client.server";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db/transaction.server";
import { publishFeed } from "./publish-feed.server";
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
 * Starts this process's feed publisher (once; later calls return the running one). The server
 * process runs it: with the embedded database it is the only process that may open it.
 */
export function startFeedPublisher(options: StartFeedPublisherOptions = {}): PublishLoop {
  const openDb = options.openDb ?? getDb;
  globalForFeed.onepoolFeedPublisher ??= createPublishLoop({
    publish: async () => publishFeed(await openDb()),
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
