import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** One folder of `prisma/migrations`, as Prisma names and checksums it. */
export type MigrationFile = {
  /** Folder name, e.g. `20260101120000_init`; also the `migration_name` Prisma records. */
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, the value Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
};

/** Where migrations and the schema live, relative to the working directory of a script. */
export const defaultPaths = {
  migrationsDir: "prisma/migrations",
  schemaPath: "prisma/schema.prisma",
} as const;

/** Checksum of a migration script exactly as Prisma computes it (sha256 hex of the bytes). */
export function migrationChecksum(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Every `<dir>/*\/migration.sql`, ordered by folder name as Prisma orders them.
 * A missing folder means no migrations yet, not an error.
 */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readFile(path.join(migrationsDir, name, "migration.sql")).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") {
          throw new Error(`migration folder ${name} has no migration.sql`);
        }
        throw error;
      },
    );
    files.push({ name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) });
  }
  return files;
}
