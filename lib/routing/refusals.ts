import { distanceKm, type LatLng } from "./distance";
import type { Evaluation } from "./evaluate";
import { formatFen, roundKm } from "./format";
import { message, renderMessage } from "./messages";
import { planForMethod } from "./plan-for-method";
import { prepareRules } from "./prepare-rules";
import { evaluateCandidates } from "./evaluate";
import type {
  Alternative,
  CandidateNode,
  FulfilmentMethod,
  MessagePart,
  RoutingLine,
  RoutingRule,
  SkuAvailability,
} from "./types";

// How far a customer is asked to travel to another store, and how many such stores are offered.
const NEARBY_STORE_KM = 20;
const NEARBY_STORES = 3;
const NODES_PER_SKU = 10;

function reasonOutOfReach(node: CandidateNode, method: FulfilmentMethod, km: number): MessagePart {
  if (method === "EXPRESS" && !node.shipsExpress) return message("routing.excluded.noExpress");
  if (method === "PICKUP" && !node.offersPickup) return message("routing.excluded.noPickup");
  if (method === "SAME_CITY" && !node.offersSameCity) return message("routing.excluded.noSameCity");
  return message("routing.excluded.outsideRadius", {
    distanceKm: roundKm(km),
    radiusKm: node.sameCityRadiusKm,
  });
}

type Holding = {
  node: CandidateNode;
  quantity: number;
  km?: number;
  reason: MessagePart | null;
  rank: number;
};

// Eligible nodes first, then the ones filters or the method ruled out, then those out of reach;
// nearest first within a group, or (out of reach, distance not yet known) the largest holding.
const byRelevance = (a: Holding, b: Holding): number =>
  a.rank - b.rank || (a.km ?? 0) - (b.km ?? 0) || b.quantity - a.quantity;

/** Per SKU, where it is and how many units, eligible nodes first; says why the others are out. */
export function describeAvailability(
  lines: readonly RoutingLine[],
  candidates: readonly CandidateNode[],
  evaluation: Evaluation,
): SkuAvailability[] {
  const eligible = new Map(evaluation.eligible.map((e) => [e.facts.node.id, e]));
  const excluded = new Map(evaluation.excluded.map((e) => [e.facts.node.id, e]));
  const { destination, method } = evaluation.ctx;
  return lines.map((line, i) => {
    const holdings: Holding[] = [];
    let eligibleTotal = 0;
    for (const node of candidates) {
      const held = node.stock[line.skuId]?.available ?? 0;
      if (held <= 0) continue;
      const ok = eligible.get(node.id);
      const out = excluded.get(node.id);
      if (ok) {
        const quantity = ok.facts.sellable[i] ?? 0;
        eligibleTotal += quantity;
        const reason = quantity === 0 ? message("routing.filter.noSellable") : null;
        holdings.push({ node, quantity, km: ok.facts.distanceKm, reason, rank: reason ? 1 : 0 });
      } else if (out) {
        holdings.push({
          node,
          quantity: held,
          km: out.facts.distanceKm,
          reason: out.excluded?.reason ?? null,
          rank: 1,
        });
      } else {
        holdings.push({ node, quantity: held, reason: null, rank: 2 });
      }
    }
    // Distances are worked out only for the nodes listed: a haversine per holding adds up.
    const nodes = holdings
      .sort(byRelevance)
      .slice(0, NODES_PER_SKU)
      .map((h) => {
        const km = h.km ?? distanceKm(h.node, destination);
        const reason = h.rank === 2 ? reasonOutOfReach(h.node, method, km) : h.reason;
        return {
          nodeId: h.node.id,
          code: h.node.code,
          name: h.node.name,
          quantity: h.quantity,
          distanceKm: roundKm(km),
          ...(reason ? { excludedBecause: renderMessage(reason) } : {}),
        };
      });
    return { skuId: line.skuId, requested: line.quantity, eligibleTotal, nodes };
  });
}

/** One sentence per SKU the eligible nodes cannot fill: wanted, available, and where. */
export function describeShortages(availability: readonly SkuAvailability[]): MessagePart[] {
  return availability
    .filter((a) => a.eligibleTotal < a.requested)
    .map((a) => {
      const where = a.nodes
        .filter((n) => n.excludedBecause === undefined && n.quantity > 0)
        .map((n) => `${n.code} ${n.quantity}`)
        .join(", ");
      return message("routing.refusal.skuShort", {
        skuId: a.skuId,
        requested: a.requested,
        available: a.eligibleTotal,
        where: where || "nowhere",
      });
    });
}

/** Stores near `near` that offer pickup and have the whole order, nearest first. */
export function findPickupStores(input: {
  lines: readonly RoutingLine[];
  near: LatLng;
  candidates: readonly CandidateNode[];
  rules: readonly RoutingRule[];
  excludedNodeIds?: ReadonlySet<string>;
  skipNodeId?: string;
}): Alternative[] {
  const prepared = prepareRules(input.rules, "PICKUP");
  if (!prepared.ok) return [];
  const ctx = {
    method: "PICKUP" as const,
    lines: input.lines,
    totalUnits: input.lines.reduce((sum, l) => sum + l.quantity, 0),
    destination: input.near,
    protectDisplayMin: prepared.ruleSet.protectDisplayMin,
  };
  const evaluation = evaluateCandidates(input.candidates, ctx, prepared.ruleSet, {
    ...(input.excludedNodeIds ? { excludedNodeIds: input.excludedNodeIds } : {}),
    ...(input.skipNodeId ? { skipNodeId: input.skipNodeId } : {}),
    withinKm: NEARBY_STORE_KM,
    onlyFullStock: true,
  });
  return evaluation.eligible
    .filter((e) => e.facts.fillsAll)
    .sort((a, b) => a.facts.distanceKm - b.facts.distanceKm)
    .slice(0, NEARBY_STORES)
    .map(({ facts }) => ({
      kind: "PICKUP_STORE",
      nodeId: facts.node.id,
      code: facts.node.code,
      name: facts.node.name,
      distanceKm: roundKm(facts.distanceKm),
      message: message("routing.alternative.pickupStore", {
        store: facts.node.name,
        distanceKm: roundKm(facts.distanceKm),
      }),
    }));
}

/** Another delivery method that would work for the same address, with its plan's nodes and cost. */
export function findOtherMethod(input: {
  lines: readonly RoutingLine[];
  method: FulfilmentMethod;
  destination: LatLng;
  candidates: readonly CandidateNode[];
  rules: readonly RoutingRule[];
  excludedNodeIds?: ReadonlySet<string>;
}): Alternative | null {
  const result = planForMethod(input);
  if (!result.ok) return null;
  const { plan } = result.choice.best;
  return {
    kind: "METHOD",
    method: input.method,
    nodeIds: plan.parts.map((p) => p.facts.node.id),
    costFen: plan.costFen,
    message: message("routing.alternative.method", {
      method: message(`routing.method.${input.method}`),
      nodes: plan.parts.map((p) => p.facts.node.name).join(" + "),
      cost: formatFen(plan.costFen),
    }),
  };
}
