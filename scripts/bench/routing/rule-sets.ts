import type { RoutingRule } from "@/lib/routing/types";
import { buildRoutingRules } from "@/prisma/seed/routing-rules";

/** The seeded default rules, as `routeOrder` takes them. */
export function seededRules(): RoutingRule[] {
  return buildRoutingRules().map((r) => ({
    id: r.id ?? r.kind,
    kind: r.kind,
    mode: r.mode,
    method: r.method ?? null,
    weight: r.weight ?? 1,
    position: r.position,
    enabled: r.enabled ?? true,
    params: r.params ?? {},
  }));
}

/**
 * The seeded filters with cost carrying most of the weight: what the quality target is set for.
 * Nearness, depth and fewest splits still count, so the gap to the pure-cost optimum is real.
 */
export function costFocusedRules(): RoutingRule[] {
  const weights: Partial<Record<RoutingRule["kind"], number>> = {
    LOWEST_COST: 0.7,
    NEAREST: 0.1,
    FEWEST_SPLITS: 0.1,
    STOCK_DEPTH: 0.1,
  };
  return seededRules().map((r) =>
    r.mode === "SCORE" ? { ...r, weight: weights[r.kind] ?? r.weight } : r,
  );
}
