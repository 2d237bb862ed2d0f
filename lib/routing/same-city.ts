import { distanceKm, type LatLng } from "./distance";
import { prepareRules } from "./prepare-rules";
import { hasEverything, nodeSellable } from "./sellable";
import type { CandidateNode, RoutingLine, RoutingRule } from "./types";

/** A line the same-city stores cannot hand over now: wanted, and what they have together. */
export type SameCityShortfall = { skuId: string; requested: number; available: number };

/** A store that would have everything but has made all its deliveries for today. */
export type FullStore = { nodeId: string; code: string; name: string; capacity: number };

/**
 * Why same-city delivery cannot serve an address, in the shopper's terms:
 * - `OUTSIDE_EVERY_RADIUS`: no store delivers there (the nearest one and its radius, if any);
 * - `AT_CAPACITY`: a store that delivers there has everything, but has made its deliveries today;
 * - `MISSING`: stores deliver there, none has everything now; `missing` lists the lines their
 *   stock together falls short of (empty when each line is somewhere, just not all in one store).
 */
export type SameCityVerdict =
  | {
      kind: "OUTSIDE_EVERY_RADIUS";
      nearest: { code: string; name: string; distanceKm: number; radiusKm: number } | null;
    }
  | { kind: "AT_CAPACITY"; stores: FullStore[] }
  | { kind: "MISSING"; storeCount: number; missing: SameCityShortfall[] };

/**
 * Which of the three applies to `point` for these lines, counted as routing counts them (the
 * same radius test, `sellableFromNode` stock, the CAPACITY filter when it is on).
 */
export function sameCityVerdict(input: {
  point: LatLng;
  lines: readonly RoutingLine[];
  candidates: readonly CandidateNode[];
  rules: readonly RoutingRule[];
}): SameCityVerdict {
  const { point, lines, candidates, rules } = input;
  const sameCity = candidates
    .filter((c) => c.offersSameCity)
    .map((node) => ({ node, km: distanceKm(node, point) }));
  const reaching = sameCity.filter((s) => s.km <= s.node.sameCityRadiusKm).map((s) => s.node);
  if (reaching.length === 0) {
    const nearest = sameCity.sort((a, b) => a.km - b.km)[0];
    return {
      kind: "OUTSIDE_EVERY_RADIUS",
      nearest: nearest
        ? {
            code: nearest.node.code,
            name: nearest.node.name,
            distanceKm: Math.round(nearest.km * 10) / 10,
            radiusKm: nearest.node.sameCityRadiusKm,
          }
        : null,
    };
  }
  const prepared = prepareRules(rules, "SAME_CITY");
  const protect = prepared.ok ? prepared.ruleSet.protectDisplayMin : true;
  const capacityLimits = prepared.ok && prepared.ruleSet.filters.some((r) => r.kind === "CAPACITY");
  const isFull = (n: CandidateNode) => capacityLimits && n.shipmentsToday >= n.dailyCapacity;
  const open = reaching.filter((n) => !isFull(n));
  const full = reaching.filter((n) => isFull(n) && hasEverything(n, lines, protect));
  if (full.length > 0 && !open.some((n) => hasEverything(n, lines, protect))) {
    return {
      kind: "AT_CAPACITY",
      stores: full.map((n) => ({
        nodeId: n.id,
        code: n.code,
        name: n.name,
        capacity: n.dailyCapacity,
      })),
    };
  }
  const missing = lines.flatMap((line) => {
    const available = open.reduce((sum, n) => sum + nodeSellable(n, line.skuId, protect), 0);
    return available < line.quantity
      ? [{ skuId: line.skuId, requested: line.quantity, available }]
      : [];
  });
  return { kind: "MISSING", storeCount: reaching.length, missing };
}
