import { deployMigrations } from "@/lib/db/migrations/deploy";
import { databaseTarget, describeTarget } from "@/lib/db/target";

// Applies pending migrations to DATABASE_URL, or to the embedded database when it is unset.
const target = databaseTarget();
const started = Date.now();
console.log(`migrating ${describeTarget(target)}`);
try {
  const { applied } = await deployMigrations(target, { log: (line) => console.log(`  ${line}`) });
  console.log(
    applied.length === 0
      ? "no pending migrations"
      : `applied ${applied.length} migration(s) in ${Date.now() - started} ms`,
  );
} catch (error) {
  console.error("migration failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
