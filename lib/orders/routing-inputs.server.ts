import "server-only";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { loadNodeLoads } from "@/lib/capacity/node-capacity.server";
import { channelNodeStock } from "@/lib/inventory/availability";
import type { Db } from "@/lib/db/transaction.server";
import type { CandidateNode, RoutingRule, SkuStock } from "@/lib/routing/types";

export type RoutingInputs = { candidates: CandidateNode[]; rules: RoutingRule[] };

/**
 * The facts routing decides on, read from the database: every active node with its stock of the
 * order's SKUs as the channel may take it (node available, capped by the channel's ATS), the
 * fulfilment orders it was given today (its Shanghai day's load), and the admin's routing rules. Reading inside the
 * caller's transaction keeps them consistent; the reservations re-check every number under lock.
 */
export async function loadRoutingInputs(
  db: Db,
  input: { channelId: string; skuIds: readonly string[]; now: Date },
): Promise<RoutingInputs> {
  const { channelId, skuIds, now } = input;
  // Channel ATS (one raw statement) is read on its own: batched with the model reads, it would
  // make Prisma compile the whole batch again on every order instead of reusing its plans.
  const ats = await computeChannelAts(db, { skuIds });
  const [nodes, levels, shipped, rules] = await Promise.all([
    db.node.findMany({ where: { active: true } }),
    db.stockLevel.findMany({ where: { skuId: { in: [...skuIds] } } }),
    loadNodeLoads(db, now),
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
