import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AttemptOutcome } from "./drive";

// The way not to do it, measured for comparison: read what is available, check it in
// JavaScript, then add to `reserved` with no condition. Between the read and the write other
// requests read the same figure, so the same units are promised several times. It runs on a
// scratch table because the real one's CHECK (reserved <= onHand) would turn part of the
// overselling into errors and hide how much of it there is.

/** Creates the scratch table (no CHECK constraints) holding `shares[i]` units at node i. */
export async function createNaiveStock(
  db: PrismaClient,
  nodeIds: readonly string[],
  shares: readonly number[],
): Promise<void> {
  await db.$executeRawUnsafe(
    `CREATE TABLE "BenchNaiveStock" ("nodeId" text PRIMARY KEY, "onHand" int NOT NULL, "reserved" int NOT NULL DEFAULT 0)`,
  );
  for (const [i, nodeId] of nodeIds.entries()) {
    await db.$executeRaw`INSERT INTO "BenchNaiveStock" ("nodeId", "onHand") VALUES (${nodeId}, ${shares[i] ?? 0})`;
  }
}

/** One naive attempt: read, pick the deepest node in JavaScript, write without a condition. */
export async function naiveReserve(db: PrismaClient, quantity: number): Promise<AttemptOutcome> {
  const rows = await db.$queryRaw<{ nodeId: string; available: number }[]>`
    SELECT "nodeId", "onHand" - "reserved" AS "available" FROM "BenchNaiveStock"`;
  const best = rows.reduce<{ nodeId: string; available: number } | null>(
    (deepest, row) =>
      row.available >= quantity && (!deepest || row.available > deepest.available) ? row : deepest,
    null,
  );
  if (!best) return { ok: false, code: "OUT_OF_STOCK" };
  await db.$executeRaw`
    UPDATE "BenchNaiveStock" SET "reserved" = "reserved" + ${quantity} WHERE "nodeId" = ${best.nodeId}`;
  return { ok: true, units: quantity };
}

/** What the scratch table holds after the run: units promised and the lowest node balance. */
export async function naiveOutcome(
  db: PrismaClient,
): Promise<{ reserved: number; lowestBalance: number }> {
  const [row] = await db.$queryRaw<{ reserved: number; lowest: number }[]>`
    SELECT COALESCE(SUM("reserved"), 0)::int AS "reserved",
      COALESCE(MIN("onHand" - "reserved"), 0)::int AS "lowest" FROM "BenchNaiveStock"`;
  return { reserved: row?.reserved ?? 0, lowestBalance: row?.lowest ?? 0 };
}
