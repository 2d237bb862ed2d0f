import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { readMigrationFiles } from "./migration-files";
import { diffDatabaseToSchema } from "./schema-engine";

/** Paths a diff reads; tests point them at temporary copies. */
export type DiffPaths = { migrationsDir: string; schemaPath: string };

/**
 * The SQL that `schemaPath` needs beyond what the migrations in `migrationsDir` create, computed
 * by replaying those migrations into a throwaway in-memory PGlite. Empty string when they agree.
 */
export async function diffMigrationsToSchema(paths: DiffPaths): Promise<string> {
  const schemaPath = path.resolve(paths.schemaPath);
  const [migrations, schema] = await Promise.all([
    readMigrationFiles(path.resolve(paths.migrationsDir)),
    readFile(schemaPath, "utf8"),
  ]);
  const pglite = new PGlite();
  try {
    await pglite.waitReady;
    for (const migration of migrations) {
      try {
        await pglite.exec(migration.sql);
      } catch (error) {
        throw new Error(`migration ${migration.name} failed to replay: ${String(error)}`, {
          cause: error,
        });
      }
    }
    return await diffDatabaseToSchema(pglite, { path: schemaPath, content: schema });
  } finally {
    await pglite.close();
  }
}
