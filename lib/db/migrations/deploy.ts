import path from "node:path";
import { Umzug, type UmzugStorage } from "umzug";
import type { DatabaseTarget } from "@/lib/db/target";
import { defaultPaths, readMigrationFiles, type MigrationFile } from "./migration-files";
import {
  inTransaction,
  openMigrationConnection,
  type MigrationConnection,
} from "./migration-connection";
import { withMigrationLock } from "./migration-lock";
import {
  ensureMigrationsTable,
  isApplied,
  readMigrationRows,
  recordAppliedMigration,
} from "./prisma-migrations-table";
import { verifyMigrationHistory } from "./verify-history";

/** Options of a deploy; `migrationsDir` defaults to `prisma/migrations` under the working directory. */
export type DeployOptions = { log?: (line: string) => void; migrationsDir?: string };

/**
 * Applies pending `prisma/migrations` to the target, each migration and its `_prisma_migrations`
 * row in one transaction, under Prisma's advisory lock. Returns the names applied, oldest first.
 */
export async function deployMigrations(
  target: DatabaseTarget,
  options: DeployOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const files = await readMigrationFiles(
    path.resolve(options.migrationsDir ?? defaultPaths.migrationsDir),
  );
  const connection = await openMigrationConnection(target);
  try {
    return await withMigrationLock(connection, async () => {
      await ensureMigrationsTable(connection);
      verifyMigrationHistory(files, await readMigrationRows(connection), log);
      const umzug = new Umzug({
        migrations: files.map((file) => ({
          name: file.name,
          up: () => applyMigration(connection, file, log),
        })),
        storage: prismaMigrationsStorage(connection),
        logger: undefined,
      });
      const applied = await umzug.up();
      return { applied: applied.map((migration) => migration.name) };
    });
  } finally {
    await connection.close();
  }
}

async function applyMigration(
  connection: MigrationConnection,
  file: MigrationFile,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  log(`applying ${file.name}`);
  await inTransaction(connection, async () => {
    await connection.exec(file.sql);
    await recordAppliedMigration(connection, file);
  });
  log(`applied ${file.name} in ${Date.now() - started} ms`);
}

/**
 * Umzug's view of `_prisma_migrations`. Logging is a no-op because each migration writes its own
 * row inside its transaction; a separate write after it could be lost and leave the schema
 * changed but unrecorded.
 */
function prismaMigrationsStorage(connection: MigrationConnection): UmzugStorage {
  return {
    executed: async () =>
      (await readMigrationRows(connection)).filter(isApplied).map((row) => row.migration_name),
    logMigration: async () => {},
    unlogMigration: async () => {
      throw new Error("migrations are forward-only: write a new migration to undo a change");
    },
  };
}
