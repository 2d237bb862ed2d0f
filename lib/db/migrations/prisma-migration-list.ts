import { readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { readMigrationFiles } from "./migration-files";

/** The migrations folder in the shape Prisma's schema engine reads it (`migrate deploy`'s input). */
export async function readPrismaMigrationList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  const files = await readMigrationFiles(baseDir);
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: files.map((file) => ({
      path: file.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: file.sql } },
    })),
  };
}
