import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** A transaction handle: what every stock write runs on. */
export type Tx = Prisma.TransactionClient;

/** A client the engine opens its own transaction on, or a transaction the caller already holds. */
export type Db = PrismaClient | Tx;

// Under a burst every request queues for a pooled connection and then for its SKU's lock;
// Prisma's defaults (2 s to get a connection, 5 s in all) would turn a short queue into
// failures. READ COMMITTED (the default) is enough because every promise is a conditional
// update or is decided under a row lock, never on a read another writer can invalidate.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * Runs `work` in a transaction: a new one on a client, or the caller's when given a transaction
 * client, so that a use case (e.g. checkout) can reserve several lines and write its order
 * atomically.
 */
export function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  // A transaction client also answers $transaction (as a savepoint, which PGlite lacks), so
  // tell the two apart by $connect, which only a full client has.
  if ("$connect" in db) return db.$transaction(work, TRANSACTION_OPTIONS);
  return work(db);
}
