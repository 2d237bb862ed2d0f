import type { ScoredPlan } from "./allocate";
import type { EvaluatedNode, Evaluation, WeightedScore } from "./evaluate";
import { roundKm } from "./format";
import { renderMessage, renderSentences } from "./messages";
import type { FulfilmentMethod, MessagePart, NodeType, RoutingRuleKind } from "./types";

/** One rule's verdict on a candidate, in English and as a message the UI can translate. */
export type ExplainedScore = {
  value: number;
  weight: number;
  reason: string;
  message: MessagePart;
};

/** One candidate as the admin sees it: facts, why it was out, or how it scored. */
export type CandidateExplanation = {
  nodeId: string;
  code: string;
  name: string;
  type: NodeType;
  distanceKm: number;
  costFen: number;
  /** Units of the order it could send on its own, and whether that is all of it. */
  coveredUnits: number;
  fillsAll: boolean;
  /** Which evaluation it belongs to: the order itself, or the ship-to-store supply of a pickup. */
  role: "FULFIL" | "PICKUP_STORE" | "SUPPLY_TO_STORE";
  filteredOut?: { rule: RoutingRuleKind | "METHOD"; reason: string; message: MessagePart };
  scores: Partial<Record<RoutingRuleKind, ExplainedScore>>;
  total: number;
  chosen: boolean;
};

/** A plan as stored: its nodes, cost and scores. */
export type PlanSummary = {
  nodeIds: string[];
  costFen: number;
  parcels: number;
  total: number;
  scores: Partial<Record<RoutingRuleKind, ExplainedScore>>;
};

/** The record of one routing run: what was considered, how it scored, and why the winner won. */
export type Explanation = {
  method: FulfilmentMethod;
  candidates: CandidateExplanation[];
  winners: string[];
  plan: PlanSummary | null;
  runnerUp: PlanSummary | null;
  /** Candidates not listed: holding none of the order, or ruled out by the method at a glance. */
  notListed: { withoutStock: number; outOfReach: Record<string, number> };
  summary: string;
  summaryParts: MessagePart[];
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function explainScores(
  scores: Partial<Record<RoutingRuleKind, WeightedScore>>,
): Partial<Record<RoutingRuleKind, ExplainedScore>> {
  const out: Partial<Record<RoutingRuleKind, ExplainedScore>> = {};
  for (const [kind, score] of Object.entries(scores) as [RoutingRuleKind, WeightedScore][]) {
    out[kind] = {
      value: round3(score.value),
      weight: score.weight,
      reason: renderMessage(score.reason),
      message: score.reason,
    };
  }
  return out;
}

/** A scored plan as stored in the explanation. */
export function summarizePlan(scored: ScoredPlan | null): PlanSummary | null {
  if (!scored) return null;
  return {
    nodeIds: scored.plan.parts.map((p) => p.facts.node.id),
    costFen: scored.plan.costFen,
    parcels: scored.plan.parts.length,
    total: round3(scored.total),
    scores: explainScores(scored.scores),
  };
}

/** One evaluated node as the admin sees it. */
export function explainCandidate(
  evaluated: EvaluatedNode,
  role: CandidateExplanation["role"],
  chosen: ReadonlySet<string>,
): CandidateExplanation {
  const { facts, excluded } = evaluated;
  return {
    nodeId: facts.node.id,
    code: facts.node.code,
    name: facts.node.name,
    type: facts.node.type,
    distanceKm: roundKm(facts.distanceKm),
    costFen: facts.costFen,
    coveredUnits: facts.coveredUnits,
    fillsAll: facts.fillsAll,
    role,
    ...(excluded
      ? {
          filteredOut: {
            rule: excluded.rule,
            reason: renderMessage(excluded.reason),
            message: excluded.reason,
          },
        }
      : {}),
    scores: explainScores(evaluated.scores),
    total: round3(evaluated.total),
    chosen: chosen.has(facts.node.id),
  };
}

/** The candidates of one evaluation: chosen first, then eligible best first, then the excluded. */
export function explainCandidates(
  evaluation: Evaluation,
  role: CandidateExplanation["role"],
  chosen: ReadonlySet<string>,
): CandidateExplanation[] {
  const eligible = [...evaluation.eligible].sort(
    (a, b) =>
      Number(chosen.has(b.facts.node.id)) - Number(chosen.has(a.facts.node.id)) ||
      b.total - a.total ||
      a.facts.costFen - b.facts.costFen,
  );
  return [...eligible, ...evaluation.excluded].map((e) => explainCandidate(e, role, chosen));
}

/** Puts the explanation record together; the English summary is rendered from its parts. */
export function buildExplanation(input: {
  method: FulfilmentMethod;
  candidates: CandidateExplanation[];
  winners: string[];
  plan: ScoredPlan | null;
  runnerUp: ScoredPlan | null;
  evaluations: readonly Evaluation[];
  summaryParts: MessagePart[];
}): Explanation {
  const outOfReach: Record<string, number> = {};
  let withoutStock = 0;
  for (const e of input.evaluations) {
    withoutStock += e.withoutStock;
    for (const [key, n] of Object.entries(e.outOfReach))
      outOfReach[key] = (outOfReach[key] ?? 0) + n;
  }
  return {
    method: input.method,
    candidates: input.candidates,
    winners: input.winners,
    plan: summarizePlan(input.plan),
    runnerUp: summarizePlan(input.runnerUp),
    notListed: { withoutStock, outOfReach },
    summary: renderSentences(input.summaryParts),
    summaryParts: input.summaryParts,
  };
}
