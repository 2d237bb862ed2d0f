import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db/client.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction.server";
import { nodeAvailable } from "@/lib/inventory/availability";
import { bundleAvailable, type BundlePart } from "@/lib/inventory/bundles";
import { CATALOGUE_REVALIDATE_SECONDS, STORES_TAG } from "./cache-tags";
import type { StoreWithStock } from "./nearby-stores";

const PICKUP_STORE_WHERE = {
  active: true,
  offersPickup: true,
  type: { in: ["STORE_DIRECT", "STORE_FRANCHISE"] },
} satisfies Prisma.NodeWhereInput;

/**
 * Units available per pickup store and SKU (node available = on hand − reserved − safety stock;
 * a bundle counts the complete sets its components make at that store). Read fresh.
 */
async function availableByStore(db: Db, input: { skuIds: readonly string[]; city?: string }) {
  const bundles = await db.bundleComponent.findMany({
    where: { bundleSkuId: { in: [...input.skuIds] } },
    select: { bundleSkuId: true, componentSkuId: true, quantity: true },
  });
  const partsOf = new Map<string, BundlePart[]>();
  for (const b of bundles) partsOf.set(b.bundleSkuId, [...(partsOf.get(b.bundleSkuId) ?? []), b]);
  const stockSkuIds = new Set([
    ...input.skuIds.filter((id) => !partsOf.has(id)),
    ...bundles.map((b) => b.componentSkuId),
  ]);
  const [stores, levels] = await Promise.all([
    db.node.findMany({ where: { ...PICKUP_STORE_WHERE, city: input.city } }),
    db.stockLevel.findMany({
      where: { skuId: { in: [...stockSkuIds] }, node: { ...PICKUP_STORE_WHERE, city: input.city } },
      select: { nodeId: true, skuId: true, onHand: true, reserved: true, safetyStock: true },
    }),
  ]);
  const unitsAt = new Map<string, number>();
  for (const l of levels) unitsAt.set(`${l.nodeId}|${l.skuId}`, nodeAvailable(l));
  const available = (nodeId: string, skuId: string): number => {
    const parts = partsOf.get(skuId);
    if (parts)
      return bundleAvailable(parts, (component) => unitsAt.get(`${nodeId}|${component}`) ?? 0);
    return unitsAt.get(`${nodeId}|${skuId}`) ?? 0;
  };
  return { stores, available };
}

/** Pickup stores (optionally of one city) with how many units of the SKU each has available. */
export async function listPickupStoresWithStock(
  db: Db,
  input: { skuId: string; city?: string },
): Promise<StoreWithStock[]> {
  const { stores, available } = await availableByStore(db, {
    skuIds: [input.skuId],
    city: input.city,
  });
  return stores.map((s) => ({
    nodeId: s.id,
    code: s.code,
    name: s.name,
    nameZh: s.nameZh,
    city: s.city,
    district: s.district,
    address: s.address,
    latitude: s.latitude,
    longitude: s.longitude,
    available: available(s.id, input.skuId),
  }));
}

/** The SKUs among `skuIds` that at least one pickup store of the city has available. */
export async function skuIdsInStockIn(
  db: Db,
  input: { city: string; skuIds: readonly string[] },
): Promise<Set<string>> {
  const { stores, available } = await availableByStore(db, input);
  return new Set(input.skuIds.filter((skuId) => stores.some((s) => available(s.id, skuId) > 0)));
}

export type StoreLocation = { city: string; district: string; latitude: number; longitude: number };

/** Where the pickup stores are, for the nearby-store picker (cached, tag `stores`). */
export const listPickupStoreLocations = unstable_cache(
  async (): Promise<StoreLocation[]> => {
    const db = await getDb();
    return db.node.findMany({
      where: PICKUP_STORE_WHERE,
      select: { city: true, district: true, latitude: true, longitude: true },
      orderBy: [{ city: "asc" }, { district: "asc" }],
    });
  },
  ["pickup-store-locations-v1"],
  { tags: [STORES_TAG], revalidate: CATALOGUE_REVALIDATE_SECONDS },
);
