import { describeNode, type RouteContext } from "./facts";
import { buildExplanation, explainCandidate, explainCandidates } from "./explain";
import { roundKm } from "./format";
import { message } from "./messages";
import { planForMethod } from "./plan-for-method";
import { prepareRules, type RuleSet } from "./prepare-rules";
import { describeAvailability, describeShortages, findPickupStores } from "./refusals";
import { assignmentsOf, refuse, type RoutingResult } from "./route-result";
import { describeRunnerUp } from "./summarize";
import type { Assignment, CandidateNode, MessagePart, RoutingLine, RoutingRule } from "./types";

type PickupInput = {
  lines: readonly RoutingLine[];
  store: CandidateNode;
  candidates: readonly CandidateNode[];
  rules: readonly RoutingRule[];
  excludedNodeIds: ReadonlySet<string>;
};

// Stock depth decides what the store can hand over, not whether it may take pickups at all:
// a store short of stock still takes the order and has the rest shipped in.
function whyStoreCannotTakePickup(
  input: PickupInput,
  ruleSet: RuleSet,
  ctx: RouteContext,
): MessagePart | null {
  const { store } = input;
  if (!store.offersPickup) return message("routing.excluded.noPickup");
  const facts = describeNode(store, ctx, 0);
  for (const rule of ruleSet.filters) {
    if (rule.kind === "STOCK_DEPTH") continue;
    const reason = rule.behaviour.exclude(facts, ctx);
    if (reason) return reason;
  }
  return null;
}

/**
 * Pickup at the customer's chosen store: the store hands over what it has; what it lacks is
 * shipped to the store by express (chosen with the EXPRESS rules, the store as destination) and
 * returned as assignments with `shipToNodeId`. Nearby stores that have everything now are
 * offered as alternatives.
 */
export function routePickup(input: PickupInput): RoutingResult {
  const { lines, store, candidates, rules, excludedNodeIds } = input;
  const prepared = prepareRules(rules, "PICKUP");
  if (!prepared.ok) {
    const parts = [message("routing.refusal.invalidRules", { problem: prepared.problem })];
    return refuse({ code: "INVALID_RULES", method: "PICKUP", parts });
  }
  const totalUnits = lines.reduce((sum, l) => sum + l.quantity, 0);
  const ctx: RouteContext = {
    method: "PICKUP",
    lines,
    totalUnits,
    destination: store,
    protectDisplayMin: prepared.ruleSet.protectDisplayMin,
  };
  // Only worth the search when the store cannot hand over everything now.
  const nearby = () =>
    findPickupStores({
      lines,
      near: store,
      candidates,
      rules,
      excludedNodeIds,
      skipNodeId: store.id,
    });
  const reason = whyStoreCannotTakePickup(input, prepared.ruleSet, ctx);
  if (reason) {
    const parts = [message("routing.refusal.pickupNotAvailable", { store: store.name, reason })];
    return refuse({
      code: "PICKUP_NOT_AVAILABLE",
      method: "PICKUP",
      parts,
      alternatives: nearby(),
    });
  }
  const facts = describeNode(store, ctx, 0);
  // A store that rejected the order cannot send it from its own stock, but it is still where
  // the customer collects: everything is then shipped to it.
  const rejected = excludedNodeIds.has(store.id);
  const atStore = lines.map((l, i) =>
    rejected ? 0 : Math.min(l.quantity, facts.sellable[i] ?? 0),
  );
  const haveUnits = atStore.reduce((sum, q) => sum + q, 0);
  const storeAssignment: Assignment[] =
    haveUnits > 0
      ? [
          {
            nodeId: store.id,
            lines: lines.flatMap((l, i) =>
              (atStore[i] ?? 0) > 0 ? [{ skuId: l.skuId, quantity: atStore[i] ?? 0 }] : [],
            ),
          },
        ]
      : [];
  const storeCandidate = explainCandidate(
    { facts, scores: {}, total: 0 },
    "PICKUP_STORE",
    new Set(haveUnits > 0 ? [store.id] : []),
  );
  const missing = lines.flatMap((l, i) => {
    const short = l.quantity - (atStore[i] ?? 0);
    return short > 0 ? [{ skuId: l.skuId, quantity: short }] : [];
  });
  if (missing.length === 0) {
    const summaryParts = [
      message("routing.summary.pickupAll", { store: store.name, units: totalUnits }),
    ];
    const explanation = buildExplanation({
      method: "PICKUP",
      candidates: [storeCandidate],
      winners: [store.id],
      plan: null,
      runnerUp: null,
      evaluations: [],
      summaryParts,
    });
    return { ok: true, assignments: storeAssignment, costFen: 0, explanation, alternatives: [] };
  }

  const supply = planForMethod({
    lines: missing,
    method: "EXPRESS",
    destination: store,
    candidates,
    rules,
    excludedNodeIds,
    skipNodeId: store.id,
  });
  if (!supply.ok) {
    if ("invalidRules" in supply) {
      const parts = [message("routing.refusal.invalidRules", { problem: supply.invalidRules })];
      return refuse({ code: "INVALID_RULES", method: "PICKUP", parts });
    }
    const availability = describeAvailability(missing, candidates, supply.evaluation);
    const parts = [
      message("routing.refusal.noNodeCanFill", { method: message("routing.method.PICKUP") }),
      ...describeShortages(availability),
    ];
    return refuse({
      code: "NO_NODE_CAN_FILL",
      method: "PICKUP",
      parts,
      availability,
      alternatives: nearby(),
      evaluation: supply.evaluation,
    });
  }
  const { best, runnerUp } = supply.choice;
  const suppliers = new Set(best.plan.parts.map((p) => p.facts.node.id));
  const summaryParts: MessagePart[] = [
    haveUnits > 0
      ? message("routing.summary.pickupPartial", {
          store: store.name,
          have: haveUnits,
          units: totalUnits,
        })
      : message("routing.summary.pickupNone", { store: store.name, units: totalUnits }),
    ...best.plan.parts.map((p) =>
      message("routing.summary.shipToStore", {
        node: p.facts.node.name,
        distanceKm: roundKm(p.facts.distanceKm),
        units: p.units,
        store: store.name,
      }),
    ),
  ];
  const versus = runnerUp ? describeRunnerUp(best, runnerUp) : null;
  if (versus) summaryParts.push(versus);
  const explanation = buildExplanation({
    method: "PICKUP",
    candidates: [
      storeCandidate,
      ...explainCandidates(supply.evaluation, "SUPPLY_TO_STORE", suppliers),
    ],
    winners: [...(haveUnits > 0 ? [store.id] : []), ...suppliers],
    plan: best,
    runnerUp,
    evaluations: [supply.evaluation],
    summaryParts,
  });
  return {
    ok: true,
    assignments: [...storeAssignment, ...assignmentsOf(best.plan, missing, store.id)],
    costFen: best.plan.costFen,
    explanation,
    alternatives: nearby(),
  };
}
