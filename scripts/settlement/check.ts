/**
 * `npm run settlement:check`: proves the settlement books against the money, per Shanghai day
 * over all history (embedded PGlite, or PostgreSQL when DATABASE_URL is set): the entries booked
 * each day must equal the orders paid that day less the refunds made that day. Prints the days
 * that differ and exits 1, or one line saying the books reconcile.
 */
import { openDatabase } from "@/lib/db/open";
import { databaseTarget, describeTarget } from "@/lib/db/target";
import { reconcileBooks, type BooksDay } from "@/lib/settlement/reconcile.server";
import { yuan } from "@/lib/settlement/statement-csv";

const COLUMNS = ["day", "booked", "paid", "refunded", "difference"] as const;

function table(days: readonly BooksDay[]): string {
  const cells = days.map((d) => [
    d.day,
    yuan(d.booked),
    yuan(d.paid),
    yuan(d.refunded),
    yuan(d.difference),
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ");
  return [line(COLUMNS), ...cells.map(line)].join("\n");
}

async function main(): Promise<number> {
  const target = databaseTarget();
  console.log(`Checking the settlement books of ${describeTarget(target)}`);
  const db = await openDatabase(target);
  try {
    const books = await reconcileBooks(db.prisma);
    if (books.differing.length === 0) {
      console.log(
        `books reconcile: ${books.days} days, Σ entries ${yuan(books.booked)} = Σ paid − refunded ${yuan(books.expected)} CNY`,
      );
      return 0;
    }
    console.error(
      `${books.differing.length} of ${books.days} days differ (amounts in CNY; difference = booked − (paid − refunded)):\n`,
    );
    console.error(table(books.differing));
    return 1;
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
