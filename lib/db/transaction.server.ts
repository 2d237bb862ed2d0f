import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { CONNECTION_WAIT_MS } from "./database-busy";

/** A transaction handle: what every stock write runs on. */
export type Tx = Prisma.TransactionClient;

/** A client the engine opens its own transaction on, or a transaction the caller already holds. */
export type Db = PrismaClient | Tx;

// Prisma's defaults (2 s to get a connection, 5 s in all) would turn a short queue under a burst
// into failures. READ COMMITTED (the default) is enough because every promise is a conditional
// update or is decided under a row lock, never on a read another writer can invalidate.
const TRANSACTION_OPTIONS = { maxWait: CONNECTION_WAIT_MS, timeout: 30_000 } as const;

type Step = (tx: Tx) => Promise<void>;

/** Steps each open transaction runs after its work and before it commits, in the order given. */
const beforeCommitSteps = new WeakMap<Tx, Step[]>();

/**
 * Runs `work` in a transaction: a new one on a client, or the caller's when given a transaction
 * client, so that a use case (e.g. checkout) can reserve several lines and write its order
 * atomically.
 */
export function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  // A transaction client also answers $transaction (as a savepoint, which PGlite lacks), so
  // tell the two apart by $connect, which only a full client has.
  if (!("$connect" in db)) return work(db);
  return db.$transaction(async (tx) => {
    const steps: Step[] = [];
    beforeCommitSteps.set(tx, steps);
    try {
      const result = await work(tx);
      // A step may add another; each runs once.
      for (let i = 0; i < steps.length; i++) await steps[i]!(tx);
      return result;
    } finally {
      beforeCommitSteps.delete(tx);
    }
  }, TRANSACTION_OPTIONS);
}

/**
 * Defers `step` to the end of the transaction that `tx` belongs to, after all its other work.
 * A lock shared by many kinds of transaction (the channel order event cursor) taken there is
 * every holder's last lock, so it can never close a deadlock cycle. In a transaction not opened
 * by `withTransaction` the step runs at once.
 */
export async function beforeCommit(tx: Tx, step: Step): Promise<void> {
  const steps = beforeCommitSteps.get(tx);
  if (steps) steps.push(step);
  else await step(tx);
}
