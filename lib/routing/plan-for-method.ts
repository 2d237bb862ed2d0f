import { choosePlan, type PlanChoice, type PlanRefusal } from "./choose-plan";
import type { LatLng } from "./distance";
import { evaluateCandidates, type Evaluation } from "./evaluate";
import { prepareRules } from "./prepare-rules";
import type { CandidateNode, FulfilmentMethod, RoutingLine, RoutingRule } from "./types";

/** One planning run for a method: lines, where they go, who may send them. */
export type MethodPlanInput = {
  lines: readonly RoutingLine[];
  method: FulfilmentMethod;
  destination: LatLng;
  candidates: readonly CandidateNode[];
  rules: readonly RoutingRule[];
  excludedNodeIds?: ReadonlySet<string>;
  /** A node that must not send anything (the pickup store, when others ship to it). */
  skipNodeId?: string;
};

/** A plan, a refusal with the evaluation behind it, or rules that do not validate. */
export type MethodPlan =
  | { ok: true; evaluation: Evaluation; choice: PlanChoice }
  | { ok: false; evaluation: Evaluation; refusal: PlanRefusal }
  | { ok: false; invalidRules: string };

/** Validates the method's rules, evaluates every candidate and chooses a plan. */
export function planForMethod(input: MethodPlanInput): MethodPlan {
  const prepared = prepareRules(input.rules, input.method);
  if (!prepared.ok) return { ok: false, invalidRules: prepared.problem };
  const { ruleSet } = prepared;
  const ctx = {
    method: input.method,
    lines: input.lines,
    totalUnits: input.lines.reduce((sum, l) => sum + l.quantity, 0),
    destination: input.destination,
    protectDisplayMin: ruleSet.protectDisplayMin,
  };
  const evaluation = evaluateCandidates(input.candidates, ctx, ruleSet, {
    ...(input.excludedNodeIds ? { excludedNodeIds: input.excludedNodeIds } : {}),
    ...(input.skipNodeId ? { skipNodeId: input.skipNodeId } : {}),
  });
  const choice = choosePlan(evaluation);
  return choice.ok ? { ok: true, evaluation, choice } : { ok: false, evaluation, refusal: choice };
}
