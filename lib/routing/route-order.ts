import { isSurelyFartherThan, distanceKm, type LatLng } from "./distance";
import { buildExplanation, explainCandidates } from "./explain";
import { roundKm } from "./format";
import { message } from "./messages";
import { planForMethod, type MethodPlan } from "./plan-for-method";
import {
  describeAvailability,
  describeShortages,
  findOtherMethod,
  findPickupStores,
} from "./refusals";
import { routePickup } from "./route-pickup";
import { assignmentsOf, refuse, type RoutingResult } from "./route-result";
import { summarizeChoice } from "./summarize";
import type {
  Alternative,
  CandidateNode,
  FulfilmentMethod,
  RoutingRequest,
  RoutingRule,
} from "./types";
import { validateRequest } from "./validate-request";

export type { RoutingResult, RoutingRefusal, RoutingSuccess } from "./route-result";

/**
 * Routes one order: which nodes send which units, and why. Pure: the caller supplies the
 * candidates (with channel-available stock) and the admin's rules. See README.md in this folder.
 */
export function routeOrder(
  request: RoutingRequest,
  candidates: readonly CandidateNode[],
  rules: readonly RoutingRule[],
): RoutingResult {
  const valid = validateRequest(request);
  if (!valid.ok) {
    const parts = [message("routing.refusal.invalidRequest", { problem: valid.problem })];
    return refuse({ code: "INVALID_REQUEST", method: request.method, parts });
  }
  const { lines, method, destination } = valid.request;
  const excludedNodeIds = new Set(valid.request.excludedNodeIds ?? []);
  let point: LatLng;
  if (destination.kind === "store") {
    const store = candidates.find((c) => c.id === destination.nodeId);
    if (!store) {
      const parts = [message("routing.refusal.unknownStore", { nodeId: destination.nodeId })];
      return refuse({ code: "UNKNOWN_STORE", method, parts });
    }
    if (method === "PICKUP")
      return routePickup({ lines, store, candidates, rules, excludedNodeIds });
    point = store;
  } else {
    point = { lat: destination.lat, lng: destination.lng };
  }
  const result = planForMethod({
    lines,
    method,
    destination: point,
    candidates,
    rules,
    excludedNodeIds,
  });
  if (result.ok) {
    const { choice, evaluation } = result;
    const chosen = new Set(choice.best.plan.parts.map((p) => p.facts.node.id));
    return {
      ok: true,
      assignments: assignmentsOf(choice.best.plan, lines),
      costFen: choice.best.plan.costFen,
      alternatives: [],
      explanation: buildExplanation({
        method,
        candidates: explainCandidates(evaluation, "FULFIL", chosen),
        winners: [...chosen],
        plan: choice.best,
        runnerUp: choice.runnerUp,
        evaluations: [evaluation],
        summaryParts: summarizeChoice(choice, evaluation.ctx.totalUnits),
      }),
    };
  }
  return refuseDelivery({
    result,
    method,
    point,
    request: { lines, candidates, rules, excludedNodeIds },
  });
}

type DeliveryContext = {
  lines: RoutingRequest["lines"];
  candidates: readonly CandidateNode[];
  rules: readonly RoutingRule[];
  excludedNodeIds: ReadonlySet<string>;
};

/** True when some same-city store's radius covers the point, stock or not. */
function isWithinAnyRadius(
  point: LatLng,
  candidates: readonly CandidateNode[],
  excluded: ReadonlySet<string>,
): boolean {
  return candidates.some(
    (c) =>
      c.offersSameCity &&
      !excluded.has(c.id) &&
      !isSurelyFartherThan(c, point, c.sameCityRadiusKm) &&
      distanceKm(c, point) <= c.sameCityRadiusKm,
  );
}

function nearestSameCityStore(
  point: LatLng,
  candidates: readonly CandidateNode[],
): { node: CandidateNode; km: number } | null {
  let best: { node: CandidateNode; km: number } | null = null;
  for (const node of candidates) {
    if (!node.offersSameCity) continue;
    const km = distanceKm(node, point);
    if (!best || km < best.km) best = { node, km };
  }
  return best;
}

/** Offers for a delivery that failed: the other delivery method, and stores nearby with everything. */
function deliveryAlternatives(
  method: FulfilmentMethod,
  point: LatLng,
  ctx: DeliveryContext,
): Alternative[] {
  const other: FulfilmentMethod = method === "EXPRESS" ? "SAME_CITY" : "EXPRESS";
  const viaOther = findOtherMethod({ ...ctx, method: other, destination: point });
  const stores = findPickupStores({ ...ctx, near: point });
  return [...(viaOther ? [viaOther] : []), ...stores];
}

function refuseDelivery(input: {
  result: Exclude<MethodPlan, { ok: true }>;
  method: FulfilmentMethod;
  point: LatLng;
  request: DeliveryContext;
}): RoutingResult {
  const { result, method, point, request } = input;
  if ("invalidRules" in result) {
    const parts = [message("routing.refusal.invalidRules", { problem: result.invalidRules })];
    return refuse({ code: "INVALID_RULES", method, parts });
  }
  const { evaluation, refusal } = result;
  const availability = describeAvailability(request.lines, request.candidates, evaluation);
  const alternatives = deliveryAlternatives(method, point, request);
  if (
    method === "SAME_CITY" &&
    !isWithinAnyRadius(point, request.candidates, request.excludedNodeIds)
  ) {
    const nearest = nearestSameCityStore(point, request.candidates);
    const parts = nearest
      ? [
          message("routing.refusal.outsideRadius", {
            store: nearest.node.name,
            radiusKm: nearest.node.sameCityRadiusKm,
            distanceKm: roundKm(nearest.km),
          }),
        ]
      : [message("routing.refusal.noSameCityStore")];
    return refuse({
      code: "OUTSIDE_DELIVERY_RADIUS",
      method,
      parts,
      availability,
      alternatives,
      evaluation,
    });
  }
  if (refusal.code === "SPLIT_LIMIT") {
    const parts = [
      message("routing.refusal.splitLimit", {
        parcels: refusal.parcels,
        maxParcels: refusal.maxParcels,
      }),
    ];
    return refuse({ code: "SPLIT_LIMIT", method, parts, availability, alternatives, evaluation });
  }
  const parts = [
    message("routing.refusal.noNodeCanFill", { method: message(`routing.method.${method}`) }),
    ...describeShortages(availability),
  ];
  return refuse({
    code: "NO_NODE_CAN_FILL",
    method,
    parts,
    availability,
    alternatives,
    evaluation,
  });
}
