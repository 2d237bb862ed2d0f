import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/target";

/**
 * One session on either database. Migrations need a single session (not a pool) so that the
 * advisory lock, BEGIN and COMMIT all apply to the same connection.
 */
export type MigrationConnection = {
  kind: DatabaseTarget["kind"];
  /** Runs a script of one or more statements without parameters. */
  exec: (script: string) => Promise<void>;
  query: <Row extends object>(sql: string, params?: unknown[]) => Promise<Row[]>;
  close: () => Promise<void>;
};

/** Opens one session on the target; for PGlite, creates its data folder when missing. */
export async function openMigrationConnection(
  target: DatabaseTarget,
): Promise<MigrationConnection> {
  if (target.kind === "pglite") {
    await mkdir(target.dataDir, { recursive: true });
    const pglite = new PGlite(target.dataDir);
    await pglite.waitReady;
    return {
      kind: "pglite",
      exec: async (script) => {
        await pglite.exec(script);
      },
      query: async <Row extends object>(sql: string, params?: unknown[]) =>
        (await pglite.query<Row>(sql, params)).rows,
      // An unclosed PGlite keeps the process alive and risks its data folder.
      close: () => pglite.close(),
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return {
    kind: "postgres",
    // Without parameters pg uses the simple query protocol, which accepts many statements.
    exec: async (script) => {
      await client.query(script);
    },
    query: async <Row extends object>(sql: string, params?: unknown[]) =>
      (await client.query<Row & pg.QueryResultRow>(sql, params)).rows,
    close: () => client.end(),
  };
}

/** Runs `work` inside BEGIN … COMMIT on the connection, rolling back when it throws. */
export async function inTransaction<T>(
  connection: MigrationConnection,
  work: () => Promise<T>,
): Promise<T> {
  await connection.exec("BEGIN");
  try {
    const result = await work();
    await connection.exec("COMMIT");
    return result;
  } catch (error) {
    await connection.exec("ROLLBACK");
    throw error;
  }
}
