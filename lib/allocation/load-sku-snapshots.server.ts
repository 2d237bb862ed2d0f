import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NodeType } from "@/lib/generated/prisma/enums";
import type { NodeStock } from "@/lib/inventory/availability";
import type { BundlePart } from "@/lib/inventory/bundles";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { categoryPath, type SkuTraits } from "./resolve-policy";
import { buildSkuSnapshot, type AllocationConfig, type SkuSnapshot } from "./sku-snapshot";

/** A SKU with what allocation, bundles and presale need to know about it. */
export type SkuRecord = {
  id: string;
  isBundle: boolean;
  traits: SkuTraits;
  components: BundlePart[];
  presale: { enabled: boolean; cap: number; sold: number };
};

/** Channels, active policies and active tier-switch rules. */
export async function loadAllocationConfig(tx: Tx): Promise<AllocationConfig> {
  const [channels, policies, tierRules] = await Promise.all([
    tx.channel.findMany({ select: { id: true, priority: true, active: true } }),
    tx.allocationPolicy.findMany({ where: { active: true } }),
    tx.tierSwitchRule.findMany({ where: { active: true } }),
  ]);
  return { channels, policies, tierRules };
}

/** The SKUs by id, with their category path, lifecycle, bundle components and presale state. */
export async function loadSkuRecords(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, SkuRecord>> {
  // No SKUs (an order without bundles asks for its components): no statements.
  if (skuIds.length === 0) return new Map();
  const [skus, categories] = await Promise.all([
    db.sku.findMany({
      where: { id: { in: [...skuIds] } },
      select: {
        id: true,
        isBundle: true,
        presaleEnabled: true,
        presaleCap: true,
        presaleSold: true,
        product: { select: { lifecycle: true, categoryId: true } },
        bundleComponents: { select: { componentSkuId: true, quantity: true } },
      },
    }),
    db.category.findMany({ select: { id: true, parentId: true } }),
  ]);
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  return new Map(
    skus.map((s) => [
      s.id,
      {
        id: s.id,
        isBundle: s.isBundle,
        traits: {
          skuId: s.id,
          lifecycle: s.product.lifecycle,
          categoryPath: categoryPath(s.product.categoryId, parentOf),
        },
        components: s.bundleComponents,
        presale: { enabled: s.presaleEnabled, cap: s.presaleCap, sold: s.presaleSold },
      },
    ]),
  );
}

type SnapshotRow = {
  levels: {
    skuId: string;
    nodeId: string;
    onHand: number;
    reserved: number;
    safetyStock: number;
    type: NodeType;
    city: string;
    active: boolean;
    shipsExpress: boolean;
    offersPickup: boolean;
    offersSameCity: boolean;
  }[];
  open: { skuId: string; channelId: string; units: number }[];
};

/**
 * Snapshots of (non-bundle) SKUs: stock per node and open reservations per channel, read by one
 * statement so both come from the same committed state (a release committing between two reads
 * would otherwise skew the allocatable pool).
 */
export async function loadSkuSnapshots(
  tx: Tx,
  config: AllocationConfig,
  skus: readonly SkuRecord[],
): Promise<Map<string, SkuSnapshot>> {
  if (skus.length === 0) return new Map();
  const ids = Prisma.join(skus.map((s) => s.id));
  const [row] = await tx.$queryRaw<SnapshotRow[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object(
          'skuId', s."skuId", 'nodeId', s."nodeId", 'onHand', s."onHand", 'reserved', s."reserved",
          'safetyStock', s."safetyStock", 'type', n."type", 'city', n."city", 'active', n."active",
          'shipsExpress', n."shipsExpress", 'offersPickup', n."offersPickup",
          'offersSameCity', n."offersSameCity")), '[]'::json)
        FROM "StockLevel" s JOIN "Node" n ON n."id" = s."nodeId"
        WHERE s."skuId" IN (${ids})) AS "levels",
      (SELECT COALESCE(json_agg(json_build_object(
          'skuId', o."skuId", 'channelId', o."channelId", 'units', o."units")), '[]'::json)
        FROM (SELECT "skuId", "channelId", SUM("quantity")::int AS "units" FROM "Reservation"
              WHERE "skuId" IN (${ids}) AND "status" = 'ACTIVE' GROUP BY "skuId", "channelId") o) AS "open"`;

  const levelsOf = new Map<string, NodeStock[]>();
  for (const l of row?.levels ?? []) {
    const list = levelsOf.get(l.skuId) ?? [];
    list.push({
      onHand: l.onHand,
      reserved: l.reserved,
      safetyStock: l.safetyStock,
      node: {
        nodeId: l.nodeId,
        type: l.type,
        city: l.city,
        active: l.active,
        shipsExpress: l.shipsExpress,
        offersPickup: l.offersPickup,
        offersSameCity: l.offersSameCity,
      },
    });
    levelsOf.set(l.skuId, list);
  }
  const openOf = new Map<string, Map<string, number>>();
  for (const o of row?.open ?? []) {
    const byChannel = openOf.get(o.skuId) ?? new Map<string, number>();
    byChannel.set(o.channelId, o.units);
    openOf.set(o.skuId, byChannel);
  }
  return new Map(
    skus.map((s) => [
      s.id,
      buildSkuSnapshot(config, s.traits, levelsOf.get(s.id) ?? [], openOf.get(s.id) ?? new Map()),
    ]),
  );
}
