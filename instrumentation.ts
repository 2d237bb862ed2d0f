/**
 * Next calls register() once when a server process starts (never during `next build`): it starts
 * the channel feed publisher and the order sweeper (expired holds, unpaid and uncollected orders) in the process that owns the database.
 */
export async function register(): Promise<void> {
  // Next sets NEXT_RUNTIME per runtime it boots; the edge runtime has no database driver, and the
  // import stays inside this branch so the edge bundle never includes it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startFeedPublisher } = await import("@/lib/feed/feed-publisher.server");
  startFeedPublisher();
  const { startHoldSweeper } = await import("@/lib/sweeps/order-sweeper.server");
  startHoldSweeper();
}
