import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Tx } from "@/lib/db/transaction.server";
import { GAP_GRACE_MS } from "./advance-cursor";

/** The LogCursor row that says how far the feed has read the stock ledger. */
export const FEED_CURSOR = "channel-feed";

/**
 * Takes the feed's lock for the rest of the transaction: the cursor row, created at 0 when
 * missing. Every writer of ChannelAts and ChannelFeedEvent holds it, so publishers run one at a
 * time and feed event ids grow in commit order: a connector reading `id > since` can never see
 * event 12 committed before event 11 and skip 11.
 */
export async function lockFeedCursor(tx: Tx): Promise<{ position: number; created: boolean }> {
  const inserted = await tx.$queryRaw<{ name: string }[]>`
    INSERT INTO "LogCursor" ("name", "position", "updatedAt") VALUES (${FEED_CURSOR}, 0, now())
    ON CONFLICT ("name") DO NOTHING RETURNING "name"`;
  const [row] = await tx.$queryRaw<{ position: number }[]>`
    SELECT "position" FROM "LogCursor" WHERE "name" = ${FEED_CURSOR} FOR UPDATE`;
  if (!row) throw new AppError("CONFLICT", "The feed cursor disappeared; try again.");
  return { position: row.position, created: inserted.length > 0 };
}

/** Moves the cursor by compare-and-set, a guard on top of the lock: 0 rows means someone else moved it. */
export async function moveFeedCursor(tx: Tx, from: number, to: number): Promise<void> {
  if (from === to) return;
  const moved = await tx.$executeRaw`
    UPDATE "LogCursor" SET "position" = ${to}, "updatedAt" = now()
    WHERE "name" = ${FEED_CURSOR} AND "position" = ${from}`;
  if (moved === 0) throw new AppError("CONFLICT", "Another publisher moved the feed cursor.");
}

/** Ledger rows after `position`, oldest first: what the publisher has not read yet. */
export async function readPendingMovements(
  tx: Tx,
  position: number,
  limit: number,
): Promise<
  { id: number; skuId: string; createdAt: Date; onHandDelta: number; reservedDelta: number }[]
> {
  return tx.stockMovement.findMany({
    where: { id: { gt: position } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, skuId: true, createdAt: true, onHandDelta: true, reservedDelta: true },
  });
}

/**
 * Where a full rebuild leaves the cursor: just before the first movement younger than the gap
 * grace (or at the last movement), so rows that may still have late-committing neighbours are
 * read again by the next publish. Read before recomputing, so the rebuild covers everything up to it.
 */
export async function rebuildPosition(
  tx: Tx,
  now: Date,
  gapGraceMs = GAP_GRACE_MS,
): Promise<number> {
  const since = new Date(now.getTime() - gapGraceMs);
  const [row] = await tx.$queryRaw<{ position: number }[]>`
    SELECT COALESCE(
      (SELECT MIN("id") - 1 FROM "StockMovement" WHERE "createdAt" > ${since}),
      (SELECT MAX("id") FROM "StockMovement"),
      0)::int AS "position"`;
  return row?.position ?? 0;
}
