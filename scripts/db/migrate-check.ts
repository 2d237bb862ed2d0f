import { checkMigrationDrift } from "@/lib/db/migrations/check-drift";
import { defaultPaths } from "@/lib/db/migrations/migration-files";

// Exit 1 when schema.prisma holds changes no migration carries, or when the diff cannot be made.
try {
  const drift = await checkMigrationDrift(defaultPaths);
  if (drift.ok) {
    console.log("schema and migrations agree");
  } else {
    console.error("schema.prisma has changes that no migration holds; the missing SQL is:\n");
    console.error(drift.missingSql);
    console.error("\ncreate a migration with: npm run db:migrate:create -- <name>");
    process.exitCode = 1;
  }
} catch (error) {
  console.error("could not compare schema.prisma with the migrations:", error);
  process.exitCode = 1;
}
