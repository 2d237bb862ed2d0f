import "server-only";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { lockFeedCursor, moveFeedCursor, rebuildPosition } from "./feed-cursor.server";
import { publishSkus, type PublishedCounts } from "./publish-skus.server";

export type RebuildFeedOptions = { now?: Date };

/** What a rebuild did; `cursor` is the ledger position the feed now reflects. */
export type RebuildResult = PublishedCounts & { cursor: number };

/**
 * Inside a transaction that already holds the feed lock: recomputes every SKU (cause "rebuild")
 * and puts the cursor where the next publish must resume.
 */
export async function rebuildLocked(tx: Tx, lockedAt: number, now: Date): Promise<RebuildResult> {
  // Read the position first: the recomputation then reflects at least every movement up to it.
  const cursor = await rebuildPosition(tx, now);
  const skus = await tx.sku.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const counts = await publishSkus(
    tx,
    skus.map((s) => s.id),
    "rebuild",
    now,
  );
  await moveFeedCursor(tx, lockedAt, cursor);
  return { ...counts, cursor };
}

/**
 * Recomputes every SKU in every channel and publishes the differences: the first snapshot of a
 * fresh database, or a repair after data was changed behind the engine's back (a bulk import).
 */
export async function rebuildFeed(
  db: Db,
  options: RebuildFeedOptions = {},
): Promise<RebuildResult> {
  const now = options.now ?? new Date();
  return withTransaction(db, async (tx) => {
    const { position } = await lockFeedCursor(tx);
    return rebuildLocked(tx, position, now);
  });
}
