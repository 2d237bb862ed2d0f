import "server-only";
import { channelAtsOf, skuIdsSchema } from "@/lib/allocation/compute-channel-ats.server";
import {
  allocationStateOf,
  allocationStateSql,
  type AllocationStateRow,
} from "@/lib/allocation/load-sku-snapshots.server";
import { capacityDayOf } from "@/lib/capacity/capacity-day";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NodeType } from "@/lib/generated/prisma/enums";
import { channelNodeStock } from "@/lib/inventory/availability";
import type { Db } from "@/lib/db/transaction.server";
import { parseInput } from "@/lib/validation/parse-input";
import type { CandidateNode, RoutingRule, SkuStock } from "@/lib/routing/types";

export type RoutingInputs = { candidates: CandidateNode[]; rules: RoutingRule[] };

/** An active node as routing sees it (the Node columns CandidateNode carries). */
type NodeColumns = {
  id: string;
  code: string;
  name: string;
  type: NodeType;
  latitude: number;
  longitude: number;
  shipsExpress: boolean;
  offersPickup: boolean;
  offersSameCity: boolean;
  sameCityRadiusKm: number;
  dailyCapacity: number;
  costPerShipment: number;
  costPerKm: number;
};

type RoutingColumns = {
  nodes: NodeColumns[];
  /** Fulfilment orders given to each node on the day (its Shanghai day's load). */
  loads: Record<string, number>;
  rules: RoutingRule[];
};

/** The routing facts read beside the allocation state, in the same statement. */
function routingColumns(day: string): Prisma.Sql {
  return Prisma.sql`
  (SELECT COALESCE(json_agg(json_build_object('id', n."id", 'code', n."code", 'name', n."name",
      'type', n."type", 'latitude', n."latitude", 'longitude', n."longitude",
      'shipsExpress', n."shipsExpress", 'offersPickup', n."offersPickup",
      'offersSameCity', n."offersSameCity", 'sameCityRadiusKm', n."sameCityRadiusKm",
      'dailyCapacity', n."dailyCapacity", 'costPerShipment', n."costPerShipment",
      'costPerKm', n."costPerKm") ORDER BY n."code"), '[]'::json)
    FROM "Node" n WHERE n."active") AS "nodes",
  (SELECT COALESCE(json_object_agg(l."nodeId", l."used"), '{}'::json)
    FROM "NodeDayLoad" l WHERE l."day" = ${day}) AS "loads",
  (SELECT COALESCE(json_agg(json_build_object('id', r."id", 'kind', r."kind", 'mode', r."mode",
      'method', r."method", 'weight', r."weight", 'position', r."position",
      'enabled', r."enabled", 'params', r."params") ORDER BY r."position"), '[]'::json)
    FROM "RoutingRule" r) AS "rules"`;
}

/**
 * The facts routing decides on, read from the database: every active node with its stock of the
 * order's SKUs as the channel may take it (node available, capped by the channel's ATS), the
 * fulfilment orders it was given today (its Shanghai day's load), and the admin's routing rules.
 * One statement (the allocation state of lib/allocation with these columns beside it), so every
 * figure comes from one committed state and an order pays one round trip for them; the
 * reservations re-check every number under lock.
 */
export async function loadRoutingInputs(
  db: Db,
  input: { channelId: string; skuIds: readonly string[]; now: Date },
): Promise<RoutingInputs> {
  const { channelId, now } = input;
  const { skuIds } = parseInput(skuIdsSchema, { skuIds: input.skuIds });
  const sql = allocationStateSql(skuIds, {
    stock: true,
    extraColumns: routingColumns(capacityDayOf(now)),
  });
  const [row] = await db.$queryRaw<(AllocationStateRow & RoutingColumns)[]>(sql);
  if (!row) throw new Error("the routing inputs query returned no row");
  const ats = channelAtsOf(allocationStateOf(row), skuIds);
  const channelAts = new Map(
    ats.map((s) => [s.skuId, s.channels.find((c) => c.channelId === channelId)?.ats ?? 0]),
  );
  const asked = new Set(skuIds);
  const stockByNode = new Map<string, Record<string, SkuStock>>();
  for (const level of row.levels ?? []) {
    if (!asked.has(level.skuId)) continue;
    const stock = stockByNode.get(level.nodeId) ?? {};
    stock[level.skuId] = {
      ...channelNodeStock(level, channelAts.get(level.skuId) ?? 0),
      onHand: level.onHand,
    };
    stockByNode.set(level.nodeId, stock);
  }
  const candidates = row.nodes.map((n): CandidateNode => ({
    id: n.id,
    code: n.code,
    name: n.name,
    type: n.type,
    lat: n.latitude,
    lng: n.longitude,
    shipsExpress: n.shipsExpress,
    offersPickup: n.offersPickup,
    offersSameCity: n.offersSameCity,
    sameCityRadiusKm: n.sameCityRadiusKm,
    dailyCapacity: n.dailyCapacity,
    shipmentsToday: row.loads[n.id] ?? 0,
    costPerShipment: n.costPerShipment,
    costPerKm: n.costPerKm,
    stock: stockByNode.get(n.id) ?? {},
  }));
  return { candidates, rules: row.rules };
}
