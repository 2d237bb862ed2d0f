import { buildPlan, comparePlans, scorePlan, type ScoredPlan } from "./allocate";
import type { EvaluatedNode, Evaluation } from "./evaluate";
import { coverGreedily, improveCover, searchPairs, type SearchState } from "./plan-search";

/** The chosen plan, the next best one (for the explanation), and how many plans competed. */
export type PlanChoice = {
  ok: true;
  split: boolean;
  best: ScoredPlan;
  runnerUp: ScoredPlan | null;
  /** Plans compared: single nodes that have everything, or the split plans tried. */
  contenders: number;
  /** Every single node that has everything, best first (empty for a split). */
  singles: ScoredPlan[];
};

/** Why no plan: the eligible nodes together lack stock, or a plan needs too many parcels. */
export type PlanRefusal =
  | { ok: false; code: "NO_NODE_CAN_FILL" }
  | { ok: false; code: "SPLIT_LIMIT"; parcels: number; maxParcels: number };

/** True when the eligible nodes together hold every line. */
export function canCoverOrder(eligible: readonly EvaluatedNode[], evaluation: Evaluation): boolean {
  return evaluation.ctx.lines.every((line, i) => {
    let units = 0;
    for (const node of eligible) units += node.facts.sellable[i] ?? 0;
    return units >= line.quantity;
  });
}

function singlePlan(
  node: EvaluatedNode,
  evaluation: Evaluation,
  byId: ReadonlyMap<string, EvaluatedNode>,
): ScoredPlan {
  const quantities = [evaluation.ctx.lines.map((l) => l.quantity)];
  return scorePlan(buildPlan([node.facts], quantities), evaluation, byId);
}

/**
 * Chooses how to fill the order. When one eligible node has everything the order is never split:
 * the best such node by weighted score wins. Otherwise split plans are searched (every strong
 * pair, then a greedy cover with a fix-up pass) and the best plan within the parcel cap wins.
 */
export function choosePlan(evaluation: Evaluation): PlanChoice | PlanRefusal {
  const { eligible, ruleSet, refs } = evaluation;
  const byId = new Map(eligible.map((n) => [n.facts.node.id, n]));
  const singles = eligible
    .filter((n) => n.facts.fillsAll)
    .map((n) => singlePlan(n, evaluation, byId))
    .sort(comparePlans);
  const [first, second] = singles;
  if (first)
    return {
      ok: true,
      split: false,
      best: first,
      runnerUp: second ?? null,
      contenders: singles.length,
      singles,
    };
  if (!canCoverOrder(eligible, evaluation)) return { ok: false, code: "NO_NODE_CAN_FILL" };

  const hasScores = ruleSet.scores.length > 0;
  const state: SearchState = {
    evaluation,
    byId,
    utility: (n) =>
      Math.max(1e-6, hasScores ? n.total : refs.minCostFen / Math.max(1, n.facts.costFen)),
    found: new Map(),
  };
  if (ruleSet.maxParcels >= 2) searchPairs(state, eligible);
  const cover = coverGreedily(state, eligible);
  if (cover) improveCover(state, cover, eligible);
  const plans = [...state.found.values()].sort(comparePlans);
  const allowed = plans.filter((p) => p.plan.parts.length <= ruleSet.maxParcels);
  const [best, runnerUp] = allowed;
  if (!best) {
    const fewest = Math.min(
      ...plans.map((p) => p.plan.parts.length),
      cover?.length ?? Number.POSITIVE_INFINITY,
    );
    return { ok: false, code: "SPLIT_LIMIT", parcels: fewest, maxParcels: ruleSet.maxParcels };
  }
  return {
    ok: true,
    split: true,
    best,
    runnerUp: runnerUp ?? null,
    contenders: allowed.length,
    singles: [],
  };
}
