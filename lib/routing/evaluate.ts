import { distanceKm, isSurelyFartherThan } from "./distance";
import {
  computeReferences,
  describeNode,
  holdsAny,
  type NodeFacts,
  type RouteContext,
  type ScoreReferences,
} from "./facts";
import { roundKm } from "./format";
import { message } from "./messages";
import type { RuleSet } from "./prepare-rules";
import type { RuleScore, ScoreInput } from "./rules/rule-types";
import type { CandidateNode, MessagePart, RoutingRuleKind } from "./types";

/** Why a node holding stock may not take the order: a method limit, or an admin filter. */
export type Exclusion = { rule: RoutingRuleKind | "METHOD"; reason: MessagePart };

/** A rule's score of one node, with the weight it carries. */
export type WeightedScore = RuleScore & { weight: number };

/** One candidate that holds some of the order: its facts, and its scores or why it is out. */
export type EvaluatedNode = {
  facts: NodeFacts;
  excluded?: Exclusion;
  scores: Partial<Record<RoutingRuleKind, WeightedScore>>;
  /** Weighted mean of the scores, 0..1. */
  total: number;
};

/** Every candidate sorted into eligible, excluded (listed) and not relevant (counted). */
export type Evaluation = {
  ctx: RouteContext;
  ruleSet: RuleSet;
  refs: ScoreReferences;
  eligible: EvaluatedNode[];
  excluded: EvaluatedNode[];
  /** Candidates holding none of the order's SKUs. */
  withoutStock: number;
  /** Candidates the method rules out without a closer look, by reason key. */
  outOfReach: Record<string, number>;
};

/**
 * Options for one evaluation: nodes that rejected the order, a node never to use, and for
 * searches of alternatives, a distance limit and nodes holding the whole order only.
 */
export type EvaluateOptions = {
  excludedNodeIds?: ReadonlySet<string>;
  skipNodeId?: string;
  withinKm?: number;
  onlyFullStock?: boolean;
};

type ReachCheck =
  | { out: "count"; key: string }
  | { out: "list"; reason: MessagePart; km: number }
  | { km?: number };

// Capability checks need no distance and no stock lookup, so most nodes are settled cheaply.
function lacksCapability(node: CandidateNode, ctx: RouteContext): string | null {
  if (ctx.method === "EXPRESS" && !node.shipsExpress) return "routing.excluded.noExpress";
  if (ctx.method === "PICKUP" && !node.offersPickup) return "routing.excluded.noPickup";
  if (ctx.method === "SAME_CITY" && !node.offersSameCity) return "routing.excluded.noSameCity";
  return null;
}

function checkReach(node: CandidateNode, ctx: RouteContext, withinKm: number): ReachCheck {
  const limit = ctx.method === "SAME_CITY" ? Math.min(withinKm, node.sameCityRadiusKm) : withinKm;
  if (!Number.isFinite(limit)) return {};
  if (isSurelyFartherThan(node, ctx.destination, limit))
    return { out: "count", key: "routing.excluded.outsideRadius" };
  const km = distanceKm(node, ctx.destination);
  if (km <= limit) return { km };
  if (ctx.method !== "SAME_CITY") return { out: "count", key: "routing.excluded.outsideRadius" };
  const reason = message("routing.excluded.outsideRadius", {
    distanceKm: roundKm(km),
    radiusKm: node.sameCityRadiusKm,
  });
  return { out: "list", reason, km };
}

const holdsEverything = (node: CandidateNode, ctx: RouteContext): boolean =>
  ctx.lines.every((l) => (node.stock[l.skuId]?.available ?? 0) >= l.quantity);

function firstFilterExclusion(
  facts: NodeFacts,
  ruleSet: RuleSet,
  ctx: RouteContext,
): Exclusion | null {
  for (const rule of ruleSet.filters) {
    const reason = rule.behaviour.exclude(facts, ctx);
    if (reason) return { rule: rule.kind, reason };
  }
  if (facts.coveredUnits === 0) {
    // Only display units are left: stock depth keeps them on the shelf.
    return { rule: "STOCK_DEPTH", reason: message("routing.filter.noSellable") };
  }
  return null;
}

/** Applies method limits and filters to every candidate, then scores the eligible ones. */
export function evaluateCandidates(
  candidates: readonly CandidateNode[],
  ctx: RouteContext,
  ruleSet: RuleSet,
  options: EvaluateOptions = {},
): Evaluation {
  const eligible: EvaluatedNode[] = [];
  const excluded: EvaluatedNode[] = [];
  const outOfReach: Record<string, number> = {};
  let withoutStock = 0;
  const withinKm = options.withinKm ?? Number.POSITIVE_INFINITY;
  const count = (key: string) => (outOfReach[key] = (outOfReach[key] ?? 0) + 1);
  for (const node of candidates) {
    if (node.id === options.skipNodeId) continue;
    const lacking = lacksCapability(node, ctx);
    if (lacking) {
      count(lacking);
      continue;
    }
    if (!holdsAny(node, ctx) || (options.onlyFullStock && !holdsEverything(node, ctx))) {
      withoutStock += 1;
      continue;
    }
    if (options.excludedNodeIds?.has(node.id)) {
      const reason = message("routing.excluded.rejected");
      excluded.push({
        facts: describeNode(node, ctx),
        excluded: { rule: "METHOD", reason },
        scores: {},
        total: 0,
      });
      continue;
    }
    const reach = checkReach(node, ctx, withinKm);
    if ("out" in reach && reach.out === "count") {
      count(reach.key);
      continue;
    }
    const facts = describeNode(node, ctx, reach.km);
    if ("out" in reach) {
      excluded.push({
        facts,
        excluded: { rule: "METHOD", reason: reach.reason },
        scores: {},
        total: 0,
      });
      continue;
    }
    const exclusion = firstFilterExclusion(facts, ruleSet, ctx);
    if (exclusion) excluded.push({ facts, excluded: exclusion, scores: {}, total: 0 });
    else eligible.push({ facts, scores: {}, total: 0 });
  }
  const refs = computeReferences(eligible.map((e) => e.facts));
  scoreEligible(eligible, { ctx, refs }, ruleSet);
  return { ctx, ruleSet, refs, eligible, excluded, withoutStock, outOfReach };
}

/** Fills in every eligible node's rule scores and weighted total. */
function scoreEligible(nodes: EvaluatedNode[], input: ScoreInput, ruleSet: RuleSet): void {
  const weightSum = ruleSet.scores.reduce((sum, r) => sum + r.weight, 0);
  for (const evaluated of nodes) {
    let weighted = 0;
    for (const rule of ruleSet.scores) {
      const score = rule.behaviour.scoreNode(evaluated.facts, input);
      evaluated.scores[rule.kind] = {
        value: score.value,
        reason: score.reason,
        weight: rule.weight,
      };
      weighted += rule.weight * score.value;
    }
    evaluated.total = weightSum > 0 ? weighted / weightSum : 0;
  }
}
