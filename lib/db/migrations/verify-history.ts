import type { MigrationFile } from "./migration-files";
import { isApplied, isFailed, type AppliedMigrationRow } from "./prisma-migrations-table";

/**
 * Refuses to deploy over a history that is not trustworthy: a failed migration (as Prisma's
 * P3009), or an applied migration whose file changed since (its SQL on disk is no longer what the
 * database ran). Applied migrations missing on disk are only reported, as Prisma does, since an
 * older checkout may legitimately run against a newer database.
 */
export function verifyMigrationHistory(
  files: MigrationFile[],
  rows: AppliedMigrationRow[],
  log: (line: string) => void,
): void {
  const failed = rows.filter(isFailed).map((row) => row.migration_name);
  if (failed.length > 0) {
    throw new Error(
      `migrations failed earlier and must be resolved before deploying: ${failed.join(", ")}`,
    );
  }
  const fileByName = new Map(files.map((file) => [file.name, file]));
  const edited: string[] = [];
  for (const row of rows.filter(isApplied)) {
    const file = fileByName.get(row.migration_name);
    if (!file) {
      log(`warning: ${row.migration_name} is applied but missing from the migrations folder`);
    } else if (file.checksum !== row.checksum) {
      edited.push(
        `${row.migration_name} (applied ${row.checksum.slice(0, 12)}…, on disk ${file.checksum.slice(0, 12)}…)`,
      );
    }
  }
  if (edited.length > 0) {
    throw new Error(
      `checksum mismatch: applied migrations were modified after they ran: ${edited.join("; ")}. ` +
        "Restore the original files and put new changes in a new migration.",
    );
  }
}
