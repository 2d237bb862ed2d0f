import type { MigrationConnection } from "./migration-connection";

/** The advisory lock key `prisma migrate` takes, so the two never run at once on one database. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const POLL_MS = 250;

/**
 * Runs `work` while holding Prisma's migration lock on PostgreSQL. PGlite has no other sessions
 * (one process owns its folder), so there it just runs.
 */
export async function withMigrationLock<T>(
  connection: MigrationConnection,
  work: () => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  if (connection.kind === "pglite") return work();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  // Polling the try-variant rather than blocking in pg_advisory_lock lets a stuck holder end in a
  // clear error instead of a deploy that hangs forever.
  for (;;) {
    const [row] = await connection.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1) AS locked",
      [PRISMA_ADVISORY_LOCK_KEY],
    );
    if (row?.locked) break;
    if (Date.now() >= deadline) {
      throw new Error(
        `another migration holds pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY}) for more than ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await connection.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  }
}
