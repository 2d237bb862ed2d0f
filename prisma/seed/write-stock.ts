import { findExisting, insertInBatches } from "./batches";
import type { SeedCounts } from "./seed-counts";
import type { StockEntry } from "./stock";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Writes new stock levels together with their ledger. Movements have no natural key, so they are
 * written only for levels this run created: a level that already exists keeps its ledger,
 * whoever has moved stock since.
 */
export async function writeStock(
  tx: Prisma.TransactionClient,
  entries: readonly StockEntry[],
  n: SeedCounts,
): Promise<void> {
  const known = await findExisting(
    entries.map((e) => e.level.id),
    (ids) => tx.stockLevel.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  );
  const created = new Set<string>();
  // createManyAndReturn reports only the rows it inserted, so a level another process created
  // in the meantime does not get a second ledger.
  await insertInBatches(
    entries.filter((e) => !known.has(e.level.id)).map((e) => e.level),
    async (rows) => {
      const done = await tx.stockLevel.createManyAndReturn({
        data: rows,
        skipDuplicates: true,
        select: { id: true },
      });
      for (const { id } of done) created.add(id);
      return { count: done.length };
    },
  );
  n.stockLevels = created.size;
  const movements = entries
    .filter((e) => created.has(e.level.id))
    .flatMap((e) => e.movements)
    // Ledger ids then follow time, as if the movements had happened one by one.
    .sort((a, b) => toMillis(a.createdAt) - toMillis(b.createdAt));
  n.stockMovements = await insertInBatches(movements, (rows) =>
    tx.stockMovement.createMany({ data: rows }),
  );
}

function toMillis(value: Date | string | undefined): number {
  return value === undefined ? 0 : new Date(value).getTime();
}
