/**
 * `npm run db:seed`: fills the database (embedded PGlite, or PostgreSQL when DATABASE_URL is set)
 * with the demo brand. Safe to run again: a second run adds nothing.
 */
import { openDatabase } from "@/lib/db/open";
import { databaseTarget, describeTarget } from "@/lib/db/target";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEED_TABLES } from "./seed/seed-counts";
import { seedDemoData, type SeedSummary } from "./seed/write-seed";

function printSummary(summary: SeedSummary): void {
  const width = Math.max(...SEED_TABLES.map((t) => t.length));
  const row = (table: string, rows: string | number, added: string | number) =>
    `  ${table.padEnd(width)}  ${String(rows).padStart(7)}  ${String(added).padStart(7)}`;
  console.log(`\n${row("table", "rows", "added")}`);
  for (const table of SEED_TABLES) {
    console.log(row(table, summary.totals[table], summary.inserted[table]));
  }
  const added = SEED_TABLES.reduce((sum, t) => sum + summary.inserted[t], 0);
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  console.log(`\nSeed finished in ${seconds} s, ${added} rows added.`);
}

async function main(): Promise<number> {
  const target = databaseTarget();
  console.log(`Seeding ${describeTarget(target)}`);
  const db = await openDatabase(target);
  try {
    printSummary(await seedDemoData(db.prisma, { log: (line) => console.log(`  ${line}`) }));
    return 0;
  } catch (error) {
    // A missing table means the schema was never migrated: say what to do instead of a stack.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021") {
      console.error("The database has no schema yet: run `npm run db:migrate`, then seed again.");
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

// The exit code is set only after the database is closed: PGlite resets it while shutting down.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
