import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** A presale SKU as the shop shows it: when it is expected to ship and how many are left. */
export type PresaleOffer = { shipDate: Date | null; left: number };

/**
 * The presale SKUs among these, with their expected ship date and what is left under the cap.
 * Read fresh for the product page and the cart; checkout re-decides against the cap.
 */
export async function getPresaleOffers(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, PresaleOffer>> {
  if (skuIds.length === 0) return new Map();
  const skus = await db.sku.findMany({
    where: { id: { in: [...skuIds] }, presaleEnabled: true, isBundle: false },
    select: { id: true, presaleCap: true, presaleSold: true, presaleShipDate: true },
  });
  return new Map(
    skus.map((s) => [
      s.id,
      { shipDate: s.presaleShipDate, left: Math.max(0, s.presaleCap - s.presaleSold) },
    ]),
  );
}
