import { sellableFromNode } from "@/lib/inventory/availability";
import { distanceKm, type LatLng } from "./distance";
import type { CandidateNode, FulfilmentMethod, RoutingLine } from "./types";

/** The order as every rule sees it: merged lines, where it goes, and how stock is counted. */
export type RouteContext = {
  method: FulfilmentMethod;
  lines: readonly RoutingLine[];
  totalUnits: number;
  destination: LatLng;
  /** Stock depth is on: never plan to take a store's display units. */
  protectDisplayMin: boolean;
};

/** What routing knows about one candidate for this order. Money in fen. */
export type NodeFacts = {
  node: CandidateNode;
  distanceKm: number;
  costFen: number;
  /** Units of each line (same index as `ctx.lines`) the node may send. */
  sellable: number[];
  /** Units of the order the node could send on its own. */
  coveredUnits: number;
  /** Units of the order's SKUs it may send in all, however many the order needs: its depth. */
  spareUnits: number;
  fillsAll: boolean;
};

/** Reference values over the nodes being compared, so every score is relative to the best. */
export type ScoreReferences = { minCostFen: number; minDistanceKm: number; maxSpareUnits: number };

/** Merges repeated SKUs into one line each, in first-seen order. */
export function mergeLines(lines: readonly RoutingLine[]): RoutingLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.skuId, (merged.get(line.skuId) ?? 0) + line.quantity);
  return [...merged].map(([skuId, quantity]) => ({ skuId, quantity }));
}

/** Shipment cost from a node over a distance: fixed part plus per-km part, in whole fen. */
export function shipmentCostFen(node: CandidateNode, km: number): number {
  return node.costPerShipment + Math.round(node.costPerKm * km);
}

/** Units of each line a node may send: channel-available, less display stock when protected. */
export function sellableUnits(node: CandidateNode, ctx: RouteContext): number[] {
  return ctx.lines.map((line) => {
    const stock = node.stock[line.skuId];
    return stock ? sellableFromNode(stock, ctx.protectDisplayMin) : 0;
  });
}

/** True when the node holds any unit of the order for the channel, display stock included. */
export function holdsAny(node: CandidateNode, ctx: RouteContext): boolean {
  for (const line of ctx.lines) if ((node.stock[line.skuId]?.available ?? 0) > 0) return true;
  return false;
}

/** Everything a rule needs about one node; `km` is passed when the caller already knows it. */
export function describeNode(node: CandidateNode, ctx: RouteContext, km?: number): NodeFacts {
  const distance = km ?? distanceKm(node, ctx.destination);
  const sellable = sellableUnits(node, ctx);
  let coveredUnits = 0;
  let spareUnits = 0;
  let fillsAll = true;
  for (let i = 0; i < sellable.length; i++) {
    const units = sellable[i] ?? 0;
    const wanted = ctx.lines[i]?.quantity ?? 0;
    coveredUnits += Math.min(units, wanted);
    spareUnits += units;
    if (units < wanted) fillsAll = false;
  }
  return {
    node,
    distanceKm: distance,
    costFen: shipmentCostFen(node, distance),
    sellable,
    coveredUnits,
    spareUnits,
    fillsAll,
  };
}

/** The best values among the nodes compared: cheapest, nearest, deepest. */
export function computeReferences(nodes: readonly NodeFacts[]): ScoreReferences {
  let minCostFen = Number.POSITIVE_INFINITY;
  let minDistanceKm = Number.POSITIVE_INFINITY;
  let maxSpareUnits = 0;
  for (const f of nodes) {
    minCostFen = Math.min(minCostFen, f.costFen);
    minDistanceKm = Math.min(minDistanceKm, f.distanceKm);
    maxSpareUnits = Math.max(maxSpareUnits, f.spareUnits);
  }
  return {
    minCostFen: Number.isFinite(minCostFen) ? minCostFen : 0,
    minDistanceKm: Number.isFinite(minDistanceKm) ? minDistanceKm : 0,
    maxSpareUnits,
  };
}
