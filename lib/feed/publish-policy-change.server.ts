import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { z } from "zod";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { lockFeedCursor } from "./feed-cursor.server";
import { publishSkus, type PublishedCounts } from "./publish-skus.server";
import { rebuildLocked } from "./rebuild-feed.server";

export type PublishPolicyChangeOptions = {
  /** The SKUs the change can reach, or "all" (a channel- or ALL-scoped policy, a tier rule). */
  skuIds: readonly string[] | "all";
  now?: Date;
};

const inputSchema = z.object({
  skuIds: z.union([z.literal("all"), z.array(z.string().min(1)).min(1).max(100_000)]),
});

/**
 * Publishes the effect of a change that leaves no stock movement — an allocation policy, a tier
 * rule, a channel or node switched on or off, a safety stock — with cause "policy". Pass the
 * caller's transaction to publish atomically with the change itself.
 */
export async function publishPolicyChange(
  db: Db,
  options: PublishPolicyChangeOptions,
): Promise<PublishedCounts> {
  const { now = new Date() } = options;
  const { skuIds } = parseInput(inputSchema, { skuIds: options.skuIds });
  return withTransaction(db, async (tx) => {
    const { position, created } = await lockFeedCursor(tx);
    // A feed that has never published gets its full snapshot, which includes this change.
    if (created) return rebuildLocked(tx, position, now);
    const ids =
      skuIds === "all"
        ? (await tx.sku.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id)
        : [...new Set(skuIds)];
    return publishSkus(tx, ids, "policy", now);
  });
}
