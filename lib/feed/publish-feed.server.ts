import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { z } from "zod";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { advanceCursor } from "./advance-cursor";
import { lockFeedCursor, moveFeedCursor, readPendingMovements } from "./feed-cursor.server";
import { publishSkus } from "./publish-skus.server";
import { rebuildLocked } from "./rebuild-feed.server";

export type PublishFeedOptions = {
  now?: Date;
  /** Ledger rows read per page. */
  batchSize?: number;
  /** Overrides GAP_GRACE_MS (tests). */
  gapGraceMs?: number;
};

/** What one publish did. `more` means the ledger had more rows than this run read. */
export type PublishFeedResult = {
  rebuilt: boolean;
  movements: number;
  skus: number;
  events: number;
  /** SKUs some channel may now sell more of (released, received, adjusted up). */
  rose?: string[];
  cursor: number;
  more: boolean;
};

const optionsSchema = z.object({
  batchSize: z.number().int().min(1).max(50_000).default(5_000),
  gapGraceMs: z.number().int().min(0).optional(),
});

// While a young hole pins the cursor, the rows behind it are read again on every run; more pages
// are read in the same run so a full first page cannot hide newer changes until the hole closes.
const MAX_PAGES = 10;

async function readAfter(tx: Tx, position: number, batchSize: number, now: Date, graceMs?: number) {
  const rows: Awaited<ReturnType<typeof readPendingMovements>> = [];
  let next = position;
  let more = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const after = rows.at(-1)?.id ?? position;
    const got = await readPendingMovements(tx, after, batchSize);
    rows.push(...got);
    next = advanceCursor({ position, movements: rows, now, gapGraceMs: graceMs });
    more = got.length === batchSize;
    if (!more || next === rows.at(-1)?.id) break;
  }
  return { rows, next, more };
}

/**
 * Publishes the channel stock feed up to the end of the stock ledger: reads the movements after
 * the feed cursor, recomputes every channel's ATS for their SKUs (and bundles containing them),
 * stores and announces what changed (cause "stock") and moves the cursor, all in one transaction
 * under the feed lock, so concurrent publishers publish each change exactly once. On a database
 * that has never published, it first builds the whole snapshot (rebuildFeed).
 */
export async function publishFeed(
  db: Db,
  options: PublishFeedOptions = {},
): Promise<PublishFeedResult> {
  const { now = new Date(), ...raw } = options;
  const { batchSize, gapGraceMs } = parseInput(optionsSchema, raw);
  return withTransaction(db, async (tx) => {
    const { position, created } = await lockFeedCursor(tx);
    if (created) {
      const rebuilt = await rebuildLocked(tx, position, now);
      return { rebuilt: true, movements: 0, ...rebuilt, more: false };
    }
    const { rows, next, more } = await readAfter(tx, position, batchSize, now, gapGraceMs);
    if (rows.length === 0) {
      return { rebuilt: false, movements: 0, skus: 0, events: 0, cursor: position, more: false };
    }
    const skuIds = [...new Set(rows.map((r) => r.skuId))];
    const counts = await publishSkus(tx, skuIds, "stock", now);
    await moveFeedCursor(tx, position, next);
    // A release, a receipt or an adjustment up gives units back, even when a sale in the same
    // run took them again before the feed showed the change.
    const gaveBack = rows.filter((r) => r.onHandDelta - r.reservedDelta > 0).map((r) => r.skuId);
    const rose = [...new Set([...(counts.rose ?? []), ...gaveBack])].sort();
    return { rebuilt: false, movements: rows.length, ...counts, rose, cursor: next, more };
  });
}
