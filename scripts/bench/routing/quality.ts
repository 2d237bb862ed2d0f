import type { Highs } from "highs";
import { listEligibleNodes } from "@/lib/routing/list-eligible";
import { routeOrder } from "@/lib/routing/route-order";
import type { RoutingRule } from "@/lib/routing/types";
import { percentile, round } from "../stats";
import type { SmallInstance } from "./instances";
import { solveOptimum } from "./optimum";

/** How the engine's plans compare with exact optima over the same eligible nodes. */
export type Quality = {
  /** Orders both the engine and the solver could fill. */
  orders: number;
  /** Of those, orders no single node could fill. */
  splitOrders: number;
  /** Total cost of all the engine's plans against the total of the optima, in %. */
  totalCostGapPct: number;
  /** Gap to the optimum among plans the policy allows (one node whenever one can fill), in %. */
  meanGapPct: number;
  p95GapPct: number;
  maxGapPct: number;
  /** Share of orders within 3 % of that optimum. */
  withinTargetShare: number;
  /** Gap to the cheapest plan of any shape (may split even when one node could fill), in %. */
  meanGapToUnconstrainedPct: number;
  /** Mean parcels: the engine's, the cost optimum's, and the fewest possible. */
  engineParcels: number;
  optimalParcels: number;
  minParcels: number;
  /** Orders where the engine used more parcels than the fewest possible. */
  moreParcelsThanMin: number;
  /** Orders one eligible node could fill but the engine split: must be 0. */
  splitWhenOneNodeCould: number;
  /** Disagreements on feasibility: the engine refused an order the solver could fill, or the reverse. */
  feasibilityMismatches: number;
};

const mean = (xs: readonly number[]): number =>
  xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;

/** Routes every instance and solves it exactly three ways: policy cost, free cost, fewest parcels. */
export function measureQuality(
  solver: Highs,
  instances: readonly SmallInstance[],
  rules: readonly RoutingRule[],
): Quality {
  const gaps: number[] = [];
  const freeGaps: number[] = [];
  const parcels = { engine: [] as number[], optimal: [] as number[], min: [] as number[] };
  const totalCost = { engine: 0, optimum: 0 };
  let splitOrders = 0;
  let moreParcelsThanMin = 0;
  let splitWhenOneNodeCould = 0;
  let feasibilityMismatches = 0;
  for (const { request, nodes } of instances) {
    const result = routeOrder(request, nodes, rules);
    const eligible = listEligibleNodes(request, nodes, rules);
    if (!eligible) throw new Error("rules or request did not validate");
    const free = solveOptimum(solver, eligible.lines, eligible.nodes, "COST");
    if (!free || !result.ok) {
      if (Boolean(free) !== result.ok) feasibilityMismatches += 1;
      continue;
    }
    const oneNodeCan = eligible.nodes.some((n) =>
      eligible.lines.every((l, i) => (n.sellable[i] ?? 0) >= l.quantity),
    );
    const policy = oneNodeCan
      ? solveOptimum(solver, eligible.lines, eligible.nodes, "COST", 1)
      : free;
    const fewest = solveOptimum(solver, eligible.lines, eligible.nodes, "PARCELS");
    if (!policy || !fewest) throw new Error("solver failed on a feasible order");
    const engineParcels = new Set(result.assignments.map((a) => a.nodeId)).size;
    gaps.push((result.costFen / policy.costFen - 1) * 100);
    totalCost.engine += result.costFen;
    totalCost.optimum += policy.costFen;
    freeGaps.push((result.costFen / free.costFen - 1) * 100);
    parcels.engine.push(engineParcels);
    parcels.optimal.push(policy.nodeIds.length);
    parcels.min.push(fewest.nodeIds.length);
    if (!oneNodeCan) splitOrders += 1;
    if (engineParcels > fewest.nodeIds.length) moreParcelsThanMin += 1;
    if (oneNodeCan && engineParcels > 1) splitWhenOneNodeCould += 1;
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    orders: gaps.length,
    splitOrders,
    totalCostGapPct: round((totalCost.engine / Math.max(1, totalCost.optimum) - 1) * 100, 2),
    meanGapPct: round(mean(gaps), 2),
    p95GapPct: round(percentile(sorted, 95), 2),
    maxGapPct: round(sorted[sorted.length - 1] ?? 0, 2),
    withinTargetShare: round(
      gaps.filter((g) => g <= 3 + 1e-9).length / Math.max(1, gaps.length),
      3,
    ),
    meanGapToUnconstrainedPct: round(mean(freeGaps), 2),
    engineParcels: round(mean(parcels.engine), 3),
    optimalParcels: round(mean(parcels.optimal), 3),
    minParcels: round(mean(parcels.min), 3),
    moreParcelsThanMin,
    splitWhenOneNodeCould,
    feasibilityMismatches,
  };
}
