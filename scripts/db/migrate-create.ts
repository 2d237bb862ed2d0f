import path from "node:path";
import { createMigration } from "@/lib/db/migrations/create-migration";
import { defaultPaths } from "@/lib/db/migrations/migration-files";

// Usage: npm run db:migrate:create -- <name>
const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migrate:create -- <name>");
  process.exit(2);
}

const created = await createMigration({ ...defaultPaths, name });
if (!created) {
  console.log("schema.prisma and the migrations agree: no migration written");
} else {
  console.log(`wrote ${path.relative(process.cwd(), created.dir)}/migration.sql`);
  console.log(
    "review it (and add what Prisma cannot express, e.g. CHECK constraints) before committing",
  );
}
