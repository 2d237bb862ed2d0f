import { distanceKm, type LatLng } from "./distance";
import { hasEverything, protectsDisplayMin } from "./sellable";
import type { CandidateNode, RoutingLine, RoutingRule } from "./types";

/** A pickup store for the store picker: its distance from the shopper and whether it has all. */
export type RankedPickupStore = {
  node: CandidateNode;
  /** Kilometres from the origin, one decimal; null without an origin. */
  distanceKm: number | null;
  hasEverything: boolean;
};

/**
 * The stores offering pickup, nearest to `origin` first (a store 1 km away is never listed below
 * one 1,000 km away), each marked when it has every line now as routing counts it (the PICKUP
 * rules' display protection). Without an origin, those with everything first; then by code.
 */
export function rankPickupStores(input: {
  candidates: readonly CandidateNode[];
  lines: readonly RoutingLine[];
  rules: readonly RoutingRule[];
  origin?: LatLng;
}): RankedPickupStore[] {
  const { candidates, lines, rules, origin } = input;
  const protect = protectsDisplayMin(rules, "PICKUP");
  return candidates
    .filter((c) => c.offersPickup)
    .map((node) => ({
      node,
      distanceKm: origin ? Math.round(distanceKm(origin, node) * 10) / 10 : null,
      hasEverything: hasEverything(node, lines, protect),
    }))
    .sort(
      (a, b) =>
        (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
        Number(b.hasEverything) - Number(a.hasEverything) ||
        a.node.code.localeCompare(b.node.code),
    );
}
