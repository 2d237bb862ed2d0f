import type { PrismaClient } from "@/lib/generated/prisma/client";

// Stock is what a refusal must never touch: every row of these tables goes into the checksum.
const STOCK_TABLES = ["StockLevel", "StockMovement", "Reservation", "ChannelAts"] as const;

/** Row counts of every table and a checksum of the stock tables' contents. */
export type Fingerprint = { counts: Record<string, number>; stock: Record<string, string> };

/** What the database holds now, to compare before and after a run of refused calls. */
export async function fingerprint(db: PrismaClient): Promise<Fingerprint> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // Table names come from the catalogue, never from input.
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${name}"`,
    );
    counts[name] = row?.n ?? -1;
  }
  const stock: Record<string, string> = {};
  for (const name of STOCK_TABLES) {
    const [row] = await db.$queryRawUnsafe<{ sum: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM "${name}" t`,
    );
    stock[name] = row?.sum ?? "empty";
  }
  return { counts, stock };
}
