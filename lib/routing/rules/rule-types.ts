import type { NodeFacts, RouteContext, ScoreReferences } from "../facts";
import type { MessagePart, RoutingRuleKind, RoutingRuleMode } from "../types";

/** A score in 0..1 (1 = best) with the reason a merchandiser reads. */
export type RuleScore = { value: number; reason: MessagePart };

/** One node's share of a plan: how many units of each line it sends. */
export type PlanPart = { facts: NodeFacts; quantities: number[]; units: number };

/** A way to fill the order: one part per node that ships. Money in fen. */
export type Plan = { parts: PlanPart[]; costFen: number; units: number };

/** Everything a score looks at besides the node itself. */
export type ScoreInput = { ctx: RouteContext; refs: ScoreReferences };

/** What one rule does, its parameters already validated. */
export type RuleBehaviour = {
  /** FILTER mode: why the node may not take the order, or null when it may. */
  exclude(facts: NodeFacts, ctx: RouteContext): MessagePart | null;
  /** SCORE mode: how good the node is for the whole order. */
  scoreNode(facts: NodeFacts, input: ScoreInput): RuleScore;
  /** SCORE mode: how good a plan is; a one-part plan scores as its node. */
  scorePlan(plan: Plan, input: ScoreInput, nodeScore: (facts: NodeFacts) => RuleScore): RuleScore;
  /** FILTER mode of FEWEST_SPLITS: the most parcels a plan may have. */
  maxParcels?: number;
  /** STOCK_DEPTH: display units are never planned for. */
  protectsDisplayMin?: boolean;
};

/** A rule ready to apply: stored settings plus its behaviour. */
export type PreparedRule = {
  id: string;
  kind: RoutingRuleKind;
  mode: RoutingRuleMode;
  weight: number;
  position: number;
  behaviour: RuleBehaviour;
};

/** Clamps to 0..1, so that a bad reference value can never push a score out of range. */
export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** The default plan score: each node's score weighted by the units it sends. */
export function scorePlanByUnits(
  plan: Plan,
  nodeScore: (facts: NodeFacts) => RuleScore,
): RuleScore {
  const first = plan.parts[0];
  if (plan.parts.length === 1 && first) return nodeScore(first.facts);
  let sum = 0;
  let worst: RuleScore | null = null;
  for (const part of plan.parts) {
    const score = nodeScore(part.facts);
    sum += score.value * part.units;
    if (!worst || score.value < worst.value) worst = score;
  }
  // The weakest part is what a merchandiser would question, so its reason stands for the plan.
  return {
    value: clampScore(plan.units > 0 ? sum / plan.units : 0),
    reason: worst?.reason ?? { key: "routing.strength.overall", params: {} },
  };
}
