import "server-only";
import { TZDate } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { channelNodeStock } from "@/lib/inventory/availability";
import type { Db } from "@/lib/db/transaction.server";
import type { CandidateNode, RoutingRule, SkuStock } from "@/lib/routing/types";

export type RoutingInputs = { candidates: CandidateNode[]; rules: RoutingRule[] };

/** Fulfilment orders that still count against a node's capacity today. */
const COUNTING_STATUSES = [
  "ROUTED",
  "ACCEPTED",
  "PICKED",
  "PACKED",
  "READY_FOR_PICKUP",
  "PICKED_UP",
  "HANDED_TO_COURIER",
  "DELIVERED",
] as const;

/**
 * The facts routing decides on, read from the database: every active node with its stock of the
 * order's SKUs as the channel may take it (node available, capped by the channel's ATS), its
 * shipments so far today (Shanghai day), and the admin's routing rules. Reading inside the
 * caller's transaction keeps them consistent; the reservations re-check every number under lock.
 */
export async function loadRoutingInputs(
  db: Db,
  input: { channelId: string; skuIds: readonly string[]; now: Date },
): Promise<RoutingInputs> {
  const { channelId, skuIds, now } = input;
  const dayStart = startOfDay(new TZDate(now, "Asia/Shanghai"));
  const [nodes, levels, ats, shipments, rules] = await Promise.all([
    db.node.findMany({ where: { active: true } }),
    db.stockLevel.findMany({ where: { skuId: { in: [...skuIds] } } }),
    computeChannelAts(db, { skuIds }),
    db.fulfilmentOrder.groupBy({
      by: ["nodeId"],
      where: { createdAt: { gte: dayStart }, status: { in: [...COUNTING_STATUSES] } },
      _count: { _all: true },
    }),
    db.routingRule.findMany({ orderBy: { position: "asc" } }),
  ]);
  const channelAts = new Map(
    ats.map((s) => [s.skuId, s.channels.find((c) => c.channelId === channelId)?.ats ?? 0]),
  );
  const stockByNode = new Map<string, Record<string, SkuStock>>();
  for (const level of levels) {
    const stock = stockByNode.get(level.nodeId) ?? {};
    stock[level.skuId] = {
      ...channelNodeStock(level, channelAts.get(level.skuId) ?? 0),
      onHand: level.onHand,
    };
    stockByNode.set(level.nodeId, stock);
  }
  const shipped = new Map(shipments.map((s) => [s.nodeId, s._count._all]));
  const candidates = nodes.map((n): CandidateNode => ({
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
    shipmentsToday: shipped.get(n.id) ?? 0,
    costPerShipment: n.costPerShipment,
    costPerKm: n.costPerKm,
    stock: stockByNode.get(n.id) ?? {},
  }));
  return { candidates, rules };
}
