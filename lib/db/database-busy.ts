/**
 * How long a request waits for a pooled database connection (or to start a transaction) before
 * it is told the store is busy. Under a burst every request queues for a connection and then for
 * its SKU's row lock; a short wait would turn a short queue into refusals.
 */
export const CONNECTION_WAIT_MS = 30_000;

/** Seconds a shopper told "busy" is asked to wait before pressing again. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

// Prisma: P2024 no pooled connection in time, P2028 a transaction not started (or not finished)
// in time, P2037 the server refused a connection. PostgreSQL: 53300 too many connections,
// 57P03 cannot connect now. Each means nothing was written: the transaction never began or was
// rolled back.
const PRISMA_BUSY = new Set(["P2024", "P2028", "P2037"]);
const SQLSTATE_BUSY = new Set(["53300", "57P03"]);
// The pool of the pg driver rejects with a plain Error once connectionTimeoutMillis has passed.
const POOL_TIMEOUT = "timeout exceeded when trying to connect";

/**
 * True when an error means the database had no capacity for the request in time (a connection
 * pool exhausted at a flash-sale peak), as opposed to a fault: the caller answers "busy, try
 * again" instead of an internal error. Follows `cause` chains, which drivers wrap errors in.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (PRISMA_BUSY.has(code) || SQLSTATE_BUSY.has(code))) return true;
    if (typeof message === "string" && message.includes(POOL_TIMEOUT)) return true;
    e = cause;
  }
  return false;
}
