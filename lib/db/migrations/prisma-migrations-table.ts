import { randomUUID } from "node:crypto";
import type { MigrationConnection } from "./migration-connection";

/**
 * Prisma's own bookkeeping table, column for column, so `prisma migrate deploy` reads the history
 * written here as its own (and the reverse).
 */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** One row of `_prisma_migrations`. */
export type AppliedMigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
  logs: string | null;
};

/** Creates `_prisma_migrations` when it does not exist yet. */
export async function ensureMigrationsTable(connection: MigrationConnection): Promise<void> {
  await connection.exec(CREATE_TABLE);
}

/** Every row, oldest first, including failed and rolled-back attempts. */
export async function readMigrationRows(
  connection: MigrationConnection,
): Promise<AppliedMigrationRow[]> {
  return connection.query<AppliedMigrationRow>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, started_at,
            applied_steps_count, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

/** Prisma counts a migration as applied when it finished and was not rolled back. */
export function isApplied(row: AppliedMigrationRow): boolean {
  return row.finished_at !== null && row.rolled_back_at === null;
}

/** Prisma counts a migration as failed when it started, never finished, and was not rolled back. */
export function isFailed(row: AppliedMigrationRow): boolean {
  return row.finished_at === null && row.rolled_back_at === null;
}

/**
 * Records a migration as applied. Called inside the migration's own transaction, so `now()` is
 * when the transaction began and `clock_timestamp()` when its script finished.
 */
export async function recordAppliedMigration(
  connection: MigrationConnection,
  migration: { name: string; checksum: string },
): Promise<void> {
  await connection.query(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}
