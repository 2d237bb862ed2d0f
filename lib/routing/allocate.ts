import type { EvaluatedNode, Evaluation, WeightedScore } from "./evaluate";
import type { NodeFacts } from "./facts";
import type { Plan, PlanPart, RuleScore } from "./rules/rule-types";
import type { RoutingRuleKind } from "./types";

/** A plan with its rule scores and weighted total (0..1). */
export type ScoredPlan = {
  plan: Plan;
  scores: Partial<Record<RoutingRuleKind, WeightedScore>>;
  total: number;
};

/**
 * Splits the order over `nodes` (most preferred first): each line goes whole to the first node
 * that can send all of it; a line no node can send alone is split, deepest node first, because
 * that touches the fewest nodes. Nodes left with nothing drop out. Null when the nodes fall short.
 */
export function allocateLines(
  nodes: readonly EvaluatedNode[],
  evaluation: Evaluation,
): Plan | null {
  const { lines } = evaluation.ctx;
  const quantities = nodes.map(() => lines.map(() => 0));
  for (let i = 0; i < lines.length; i++) {
    const wanted = lines[i]?.quantity ?? 0;
    const whole = nodes.findIndex((n) => (n.facts.sellable[i] ?? 0) >= wanted);
    if (whole >= 0) {
      setQuantity(quantities, whole, i, wanted);
      continue;
    }
    let left = wanted;
    const deepestFirst = nodes
      .map((n, index) => ({ index, units: n.facts.sellable[i] ?? 0 }))
      .sort((a, b) => b.units - a.units || a.index - b.index);
    for (const { index, units } of deepestFirst) {
      if (left === 0) break;
      const take = Math.min(units, left);
      setQuantity(quantities, index, i, take);
      left -= take;
    }
    if (left > 0) return null;
  }
  return buildPlan(
    nodes.map((n) => n.facts),
    quantities,
  );
}

function setQuantity(quantities: number[][], node: number, line: number, units: number): void {
  const row = quantities[node];
  if (row) row[line] = units;
}

/** A plan from per-node quantities, leaving out nodes that send nothing. */
export function buildPlan(facts: readonly NodeFacts[], quantities: readonly number[][]): Plan {
  const parts: PlanPart[] = [];
  let costFen = 0;
  let units = 0;
  facts.forEach((f, index) => {
    const row = quantities[index] ?? [];
    const sent = row.reduce((sum, q) => sum + q, 0);
    if (sent === 0) return;
    parts.push({ facts: f, quantities: [...row], units: sent });
    costFen += f.costFen;
    units += sent;
  });
  return { parts, costFen, units };
}

/** Scores a plan with every score rule; with no score rule, the cheaper plan is the better. */
export function scorePlan(
  plan: Plan,
  evaluation: Evaluation,
  byId: ReadonlyMap<string, EvaluatedNode>,
): ScoredPlan {
  const { ruleSet, ctx, refs } = evaluation;
  const scores: Partial<Record<RoutingRuleKind, WeightedScore>> = {};
  let weighted = 0;
  let weightSum = 0;
  for (const rule of ruleSet.scores) {
    const nodeScore = (facts: NodeFacts): RuleScore =>
      byId.get(facts.node.id)?.scores[rule.kind] ?? rule.behaviour.scoreNode(facts, { ctx, refs });
    const score = rule.behaviour.scorePlan(plan, { ctx, refs }, nodeScore);
    scores[rule.kind] = { ...score, weight: rule.weight };
    weighted += rule.weight * score.value;
    weightSum += rule.weight;
  }
  const total = weightSum > 0 ? weighted / weightSum : refs.minCostFen / Math.max(1, plan.costFen);
  return { plan, scores, total };
}

const TOTAL_EPSILON = 1e-9;

const planDistance = (plan: Plan): number =>
  plan.parts.reduce((sum, p) => sum + p.facts.distanceKm, 0);
const planCodes = (plan: Plan): string => plan.parts.map((p) => p.facts.node.code).join("+");

/**
 * Orders plans best first: higher total, then cheaper, fewer parcels, shorter distance, and node
 * codes last so that the same input always gives the same answer.
 */
export function comparePlans(a: ScoredPlan, b: ScoredPlan): number {
  // Totals are sums of ratios: rounding noise must not outrank a real cost difference.
  const byTotal = Math.abs(b.total - a.total) > TOTAL_EPSILON ? b.total - a.total : 0;
  return (
    byTotal ||
    a.plan.costFen - b.plan.costFen ||
    a.plan.parts.length - b.plan.parts.length ||
    planDistance(a.plan) - planDistance(b.plan) ||
    planCodes(a.plan).localeCompare(planCodes(b.plan))
  );
}
