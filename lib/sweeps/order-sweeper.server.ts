import "server-only";
import { getDb } from "@/lib/db/client.server";
import { env } from "@/lib/env";
import type { Db } from "@/lib/db/transaction.server";
import { createPublishLoop, type PublishLoop } from "@/lib/feed/publish-loop";
import { sweepOrders } from "./sweep-orders.server";

// One sweeper per server process, also across dev reloads. Racing sweepers (several servers, the
// cron route) are safe: due holds are claimed with SKIP LOCKED and released by compare-and-set.
const globalForSweeper = globalThis as unknown as { onepoolHoldSweeper?: PublishLoop };

/**
 * Starts this process's order sweeper: every HOLD_SWEEP_INTERVAL_MS it releases holds past their
 * expiry, publishes the feed and cancels the unpaid and the uncollected orders (sweepOrders), so
 * a store without an external scheduler still frees unpaid pickup holds on time. A full batch
 * runs again at once.
 */
export function startHoldSweeper(
  options: {
    /** Opens the database to sweep; getDb (the process-wide client) by default. */
    openDb?: () => Promise<Db>;
    intervalMs?: number;
  } = {},
): PublishLoop {
  const openDb = options.openDb ?? getDb;
  globalForSweeper.onepoolHoldSweeper ??= createPublishLoop({
    publish: async () => sweepOrders(await openDb(), { maxBatches: 1 }),
    intervalMs: options.intervalMs ?? env.HOLD_SWEEP_INTERVAL_MS,
    debounceMs: 0,
    onError: (error) => console.error("expired hold sweep failed", error),
  });
  return globalForSweeper.onepoolHoldSweeper;
}

/** Stops this process's sweeper and waits for a sweep in progress (scripts, tests). */
export async function stopHoldSweeper(): Promise<void> {
  const loop = globalForSweeper.onepoolHoldSweeper;
  globalForSweeper.onepoolHoldSweeper = undefined;
  await loop?.stop();
}
