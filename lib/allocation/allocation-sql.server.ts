import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Lifecycle } from "@/lib/generated/prisma/enums";
import type { NodeStock } from "@/lib/inventory/availability";
import type { BundlePart } from "@/lib/inventory/bundles";
import type { AllocationConfig, PolicyRow, TierRuleRow } from "./sku-snapshot";

/**
 * Columns of one statement that read the allocation configuration as JSON (what
 * loadAllocationConfig reads: every channel, the active policies and tier rules), for readers
 * that take a whole decision's facts in one round trip.
 */
export const CONFIG_COLUMNS = Prisma.sql`
  (SELECT COALESCE(json_agg(json_build_object('id', c."id", 'priority', c."priority",
      'active', c."active")), '[]'::json) FROM "Channel" c) AS "channels",
  (SELECT COALESCE(json_agg(json_build_object('id', a."id", 'channelId', a."channelId",
      'scope', a."scope", 'categoryId', a."categoryId", 'lifecycle', a."lifecycle",
      'skuId', a."skuId", 'active', a."active", 'mode', a."mode", 'ratioBps', a."ratioBps",
      'fixedQty', a."fixedQty", 'safetyBuffer', a."safetyBuffer")), '[]'::json)
    FROM "AllocationPolicy" a WHERE a."active") AS "policies",
  (SELECT COALESCE(json_agg(json_build_object('id', r."id", 'scope', r."scope",
      'categoryId', r."categoryId", 'lifecycle', r."lifecycle", 'skuId', r."skuId",
      'active', r."active", 'threshold', r."threshold", 'strategy', r."strategy")), '[]'::json)
    FROM "TierSwitchRule" r WHERE r."active") AS "tierRules"`;

/** What CONFIG_COLUMNS return. */
export type ConfigColumns = {
  channels: AllocationConfig["channels"];
  policies: PolicyRow[];
  tierRules: TierRuleRow[];
};

export function configOf(row: ConfigColumns): AllocationConfig {
  return { channels: row.channels, policies: row.policies, tierRules: row.tierRules };
}

/** A SKU row as the one-statement readers return it, before its category path is attached. */
export type SkuColumns = {
  id: string;
  isBundle: boolean;
  presaleEnabled: boolean;
  presaleCap: number;
  presaleSold: number;
  lifecycle: Lifecycle;
};

/**
 * Columns of one statement that read the stock of the SKUs `skuIds` selects (an id list or a
 * subquery) as JSON: every stock level with its node, and the open (ACTIVE) reserved units per
 * channel. One statement, so both come from the same committed state (a release committing
 * between two reads would otherwise skew the allocatable pool).
 */
export function stockColumns(skuIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  (SELECT COALESCE(json_agg(json_build_object(
      'skuId', s."skuId", 'nodeId', s."nodeId", 'onHand', s."onHand", 'reserved', s."reserved",
      'safetyStock', s."safetyStock", 'displayMin', s."displayMin", 'type', n."type", 'city', n."city", 'active', n."active",
      'shipsExpress', n."shipsExpress", 'offersPickup', n."offersPickup",
      'offersSameCity', n."offersSameCity")), '[]'::json)
    FROM "StockLevel" s JOIN "Node" n ON n."id" = s."nodeId"
    WHERE s."skuId" IN (${skuIds})) AS "levels",
  (SELECT COALESCE(json_agg(json_build_object(
      'skuId', o."skuId", 'channelId', o."channelId", 'units', o."units")), '[]'::json)
    FROM (SELECT "skuId", "channelId", SUM("quantity")::int AS "units" FROM "Reservation"
          WHERE "skuId" IN (${skuIds}) AND "status" = 'ACTIVE' GROUP BY "skuId", "channelId") o) AS "open"`;
}

/** What stockColumns return. */
export type StockColumns = {
  levels: ({ skuId: string; displayMin: number } & Omit<NodeStock, "node"> & NodeStock["node"])[];
  open: { skuId: string; channelId: string; units: number }[];
};

/** Stock levels and open units per channel, by SKU. */
export function stockBySku(row: StockColumns): {
  levelsOf: Map<string, NodeStock[]>;
  openOf: Map<string, Map<string, number>>;
} {
  const levelsOf = new Map<string, NodeStock[]>();
  for (const l of row.levels) {
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
  for (const o of row.open) {
    const byChannel = openOf.get(o.skuId) ?? new Map<string, number>();
    byChannel.set(o.channelId, o.units);
    openOf.set(o.skuId, byChannel);
  }
  return { levelsOf, openOf };
}

/**
 * The WITH RECURSIVE head of a one-statement read of SKU records: `target` holds the SKUs
 * `skuIds` selects (with `components`, also the components of those that are bundles) with their
 * style's lifecycle and category; `path` every target category with its ancestors, by depth.
 */
export function skuTargetCte(skuIds: Prisma.Sql, options: { components: boolean }): Prisma.Sql {
  const components = options.components
    ? Prisma.sql` OR s."id" IN (SELECT b."componentSkuId" FROM "BundleComponent" b WHERE b."bundleSkuId" IN (${skuIds}))`
    : Prisma.empty;
  return Prisma.sql`
  WITH RECURSIVE target AS (
    SELECT s."id", s."isBundle", s."presaleEnabled", s."presaleCap", s."presaleSold",
      p."lifecycle", p."categoryId"
    FROM "Sku" s JOIN "Product" p ON p."id" = s."productId"
    WHERE s."id" IN (${skuIds})${components}
  ), path AS (
    SELECT c."id" AS "start", c."id", c."parentId", 1 AS "depth" FROM "Category" c
    WHERE c."id" IN (SELECT "categoryId" FROM target)
    UNION ALL
    SELECT path."start", c."id", c."parentId", path."depth" + 1 FROM "Category" c
    JOIN path ON c."id" = path."parentId" WHERE path."depth" < 100
  )`;
}

/** Columns reading skuTargetCte's SKUs (with their bundle components) and category paths. */
export const SKU_COLUMNS = Prisma.sql`
  (SELECT COALESCE(json_agg(json_build_object('id', t."id", 'isBundle', t."isBundle",
      'presaleEnabled', t."presaleEnabled", 'presaleCap', t."presaleCap",
      'presaleSold', t."presaleSold", 'lifecycle', t."lifecycle", 'categoryId', t."categoryId",
      'components', (SELECT COALESCE(json_agg(json_build_object(
          'componentSkuId', b."componentSkuId", 'quantity', b."quantity")), '[]'::json)
        FROM "BundleComponent" b WHERE b."bundleSkuId" = t."id"))), '[]'::json)
    FROM target t) AS "skus",
  (SELECT COALESCE(json_object_agg(g."start", g."path"), '{}'::json)
    FROM (SELECT "start", json_agg("id" ORDER BY "depth") AS "path" FROM path GROUP BY "start") g)
    AS "paths"`;

/** What SKU_COLUMNS return. */
export type SkuRows = {
  skus: (SkuColumns & { categoryId: string; components: BundlePart[] })[];
  /** Each category's path, itself first, then its parent, up to the root (cycles repeat). */
  paths: Record<string, string[]>;
};
