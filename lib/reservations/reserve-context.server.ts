import "server-only";
import type { SkuRecord } from "@/lib/allocation/load-sku-snapshots.server";
import {
  buildSkuSnapshot,
  type AllocationConfig,
  type PolicyRow,
  type SkuSnapshot,
  type TierRuleRow,
} from "@/lib/allocation/sku-snapshot";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Lifecycle } from "@/lib/generated/prisma/enums";
import type { NodeStock } from "@/lib/inventory/availability";
import type { BundlePart } from "@/lib/inventory/bundles";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { BEST_NODE, type ReserveInput } from "./rules";

/** What a reservation is decided on: the SKU, the allocation configuration and the stock. */
export type ReserveContext = {
  sku: SkuRecord | null;
  /** Those of the asked-for nodes that exist. */
  existingNodeIds: string[];
  config: AllocationConfig;
  /** The SKU's committed state (null for an unknown SKU or a bundle). */
  snapshot: SkuSnapshot | null;
};

type LevelRow = Omit<NodeStock, "node"> & NodeStock["node"];
type ContextRow = {
  sku: {
    id: string;
    isBundle: boolean;
    presaleEnabled: boolean;
    presaleCap: number;
    presaleSold: number;
    lifecycle: Lifecycle;
  } | null;
  categoryPath: string[];
  components: BundlePart[];
  channels: AllocationConfig["channels"];
  policies: PolicyRow[];
  tierRules: TierRuleRow[];
  nodeIds: string[];
  levels: LevelRow[];
  open: { channelId: string; units: number }[];
};

/** The nodes a request names: its node, or its candidates when it lets the engine choose. */
export function wantedNodeIds(input: Pick<ReserveInput, "nodeId" | "candidateNodeIds">): string[] {
  return [...new Set(input.nodeId === BEST_NODE ? (input.candidateNodeIds ?? []) : [input.nodeId])];
}

/**
 * Reads, in one statement, everything a reservation is decided on: the SKU with its category
 * path, which of `nodeIds` exist, the allocation configuration and the SKU's stock and open
 * reservations. The same rows the separate loaders read (loadSkuRecords,
 * loadAllocationConfig, loadSkuSnapshots), in one round trip instead of about ten: under a
 * flash sale the database's time per statement is what bounds throughput.
 */
export async function loadReserveContext(
  db: Db,
  skuId: string,
  nodeIds: readonly string[],
): Promise<ReserveContext> {
  const wanted = [...new Set(nodeIds)];
  const nodes =
    wanted.length === 0
      ? Prisma.sql`'[]'::json`
      : Prisma.sql`(SELECT COALESCE(json_agg(n."id"), '[]'::json) FROM "Node" n WHERE n."id" IN (${Prisma.join(wanted)}))`;
  const [row] = await db.$queryRaw<ContextRow[]>`
    WITH RECURSIVE target AS (
      SELECT s."id", s."isBundle", s."presaleEnabled", s."presaleCap", s."presaleSold",
        p."lifecycle", p."categoryId"
      FROM "Sku" s JOIN "Product" p ON p."id" = s."productId" WHERE s."id" = ${skuId}
    ), path AS (
      SELECT c."id", c."parentId", 1 AS "depth" FROM "Category" c JOIN target t ON c."id" = t."categoryId"
      UNION ALL
      SELECT c."id", c."parentId", path."depth" + 1 FROM "Category" c
      JOIN path ON c."id" = path."parentId" WHERE path."depth" < 100
    )
    SELECT
      (SELECT json_build_object('id', t."id", 'isBundle', t."isBundle",
          'presaleEnabled', t."presaleEnabled", 'presaleCap', t."presaleCap",
          'presaleSold', t."presaleSold", 'lifecycle', t."lifecycle") FROM target t) AS "sku",
      (SELECT COALESCE(json_agg(path."id" ORDER BY path."depth"), '[]'::json) FROM path) AS "categoryPath",
      (SELECT COALESCE(json_agg(json_build_object('componentSkuId', b."componentSkuId",
          'quantity', b."quantity")), '[]'::json)
        FROM "BundleComponent" b WHERE b."bundleSkuId" = ${skuId}) AS "components",
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
        FROM "TierSwitchRule" r WHERE r."active") AS "tierRules",
      ${nodes} AS "nodeIds",
      (SELECT COALESCE(json_agg(json_build_object('nodeId', s."nodeId", 'onHand', s."onHand",
          'reserved', s."reserved", 'safetyStock', s."safetyStock", 'type', n."type",
          'city', n."city", 'active', n."active", 'shipsExpress', n."shipsExpress",
          'offersPickup', n."offersPickup", 'offersSameCity', n."offersSameCity")), '[]'::json)
        FROM "StockLevel" s JOIN "Node" n ON n."id" = s."nodeId"
        WHERE s."skuId" = ${skuId}) AS "levels",
      (SELECT COALESCE(json_agg(json_build_object('channelId', o."channelId", 'units', o."units")), '[]'::json)
        FROM (SELECT "channelId", SUM("quantity")::int AS "units" FROM "Reservation"
              WHERE "skuId" = ${skuId} AND "status" = 'ACTIVE' GROUP BY "channelId") o) AS "open"`;
  if (!row) throw new Error("the reservation context query returned no row");
  return toContext(row);
}

function toContext(row: ContextRow): ReserveContext {
  const config = { channels: row.channels, policies: row.policies, tierRules: row.tierRules };
  const sku: SkuRecord | null = row.sku && {
    id: row.sku.id,
    isBundle: row.sku.isBundle,
    traits: {
      skuId: row.sku.id,
      lifecycle: row.sku.lifecycle,
      categoryPath: acyclic(row.categoryPath),
    },
    components: row.components,
    presale: {
      enabled: row.sku.presaleEnabled,
      cap: row.sku.presaleCap,
      sold: row.sku.presaleSold,
    },
  };
  const levels: NodeStock[] = row.levels.map((l) => ({
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
  }));
  const open = new Map(row.open.map((o) => [o.channelId, o.units]));
  return {
    sku,
    existingNodeIds: row.nodeIds,
    config,
    snapshot: sku && !sku.isBundle ? buildSkuSnapshot(config, sku.traits, levels, open) : null,
  };
}

/** The path up to its first repeat: a cycle in the categories ends it, as in categoryPath. */
function acyclic(path: readonly string[]): string[] {
  const seen: string[] = [];
  for (const id of path) {
    if (seen.includes(id)) break;
    seen.push(id);
  }
  return seen;
}

/**
 * The checks a reservation passes before it is decided, in reserveStock's order: the SKU exists
 * and is not a bundle, the channel exists and is active, every named node exists. Throws the
 * refusal (NOT_FOUND, INVALID_INPUT or CONFLICT); returns the SKU and its snapshot.
 */
export function checkReserveContext(
  context: ReserveContext,
  input: Pick<ReserveInput, "skuId" | "channelId" | "nodeId" | "candidateNodeIds">,
): { sku: SkuRecord; snapshot: SkuSnapshot } {
  const { sku, snapshot } = context;
  if (!sku) {
    throw new AppError("NOT_FOUND", "Unknown SKU.", {
      details: { reason: "SKU", skuId: input.skuId },
    });
  }
  if (sku.isBundle || !snapshot) {
    throw new AppError("INVALID_INPUT", "This SKU is a bundle; reserve it as a bundle.", {
      fieldErrors: { skuId: [{ problem: "INVALID" }] },
      details: { reason: "IS_BUNDLE" },
    });
  }
  const channel = context.config.channels.find((c) => c.id === input.channelId);
  const { channelId } = input;
  if (!channel) {
    throw new AppError("NOT_FOUND", "Unknown channel.", {
      details: { reason: "CHANNEL", channelId },
    });
  }
  if (!channel.active) {
    throw new AppError("CONFLICT", "The channel is not active.", {
      details: { reason: "CHANNEL_INACTIVE", channelId },
    });
  }
  const missing = wantedNodeIds(input).filter((id) => !context.existingNodeIds.includes(id));
  if (missing.length > 0) {
    throw new AppError("NOT_FOUND", "Unknown node.", {
      details: { reason: "NODE", nodeIds: missing },
    });
  }
  return { sku, snapshot };
}
