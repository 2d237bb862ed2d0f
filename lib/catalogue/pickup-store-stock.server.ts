import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db/client.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction.server";
import { bundleAvailable, type BundlePart } from "@/lib/inventory/bundles";
import { loadRoutingInputs } from "@/lib/orders/routing-inputs.server";
import { nodeSellable, protectsDisplayMin } from "@/lib/routing/sellable";
import { CATALOGUE_REVALIDATE_SECONDS, STORES_TAG } from "./cache-tags";
import { WEB_CHANNEL_CODE } from "./load-catalogue.server";
import type { StoreWithStock } from "./nearby-stores";

const PICKUP_STORE_WHERE = {
  active: true,
  offersPickup: true,
  type: { in: ["STORE_DIRECT", "STORE_FRANCHISE"] },
} satisfies Prisma.NodeWhereInput;

/**
 * Units the web channel can sell per pickup store and SKU, counted exactly as routing counts them
 * for a pickup there (`sellableFromNode`: node available capped by the web channel's ATS, less
 * the shelf minimum while routing protects display stock); a bundle counts the complete sets its
 * components make at that store. Read fresh.
 */
async function availableByStore(db: Db, input: { skuIds: readonly string[]; city?: string }) {
  const bundles = await db.bundleComponent.findMany({
    where: { bundleSkuId: { in: [...input.skuIds] } },
    select: { bundleSkuId: true, componentSkuId: true, quantity: true },
  });
  const partsOf = new Map<string, BundlePart[]>();
  for (const b of bundles) partsOf.set(b.bundleSkuId, [...(partsOf.get(b.bundleSkuId) ?? []), b]);
  const stockSkuIds = [
    ...new Set([
      ...input.skuIds.filter((id) => !partsOf.has(id)),
      ...bundles.map((b) => b.componentSkuId),
    ]),
  ];
  const [stores, channel] = await Promise.all([
    db.node.findMany({ where: { ...PICKUP_STORE_WHERE, city: input.city } }),
    db.channel.findUnique({ where: { code: WEB_CHANNEL_CODE }, select: { id: true } }),
  ]);
  const { candidates, rules } =
    channel && stockSkuIds.length > 0
      ? await loadRoutingInputs(db, { channelId: channel.id, skuIds: stockSkuIds, now: new Date() })
      : { candidates: [], rules: [] };
  const protect = protectsDisplayMin(rules, "PICKUP");
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const unitsAt = (nodeId: string, skuId: string): number => {
    const node = byId.get(nodeId);
    return node ? nodeSellable(node, skuId, protect) : 0;
  };
  const available = (nodeId: string, skuId: string): number => {
    const parts = partsOf.get(skuId);
    if (parts) return bundleAvailable(parts, (component) => unitsAt(nodeId, component));
    return unitsAt(nodeId, skuId);
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
