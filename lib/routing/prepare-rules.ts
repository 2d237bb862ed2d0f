import { RULE_BINDERS } from "./rules/registry";
import type { PreparedRule } from "./rules/rule-types";
import type { FulfilmentMethod, RoutingRule } from "./types";

/** The rules that apply to one method, validated: filters by position, scores with weights. */
export type RuleSet = {
  filters: PreparedRule[];
  scores: PreparedRule[];
  /** Display units are kept out of every plan (stock depth is on). */
  protectDisplayMin: boolean;
  /** Most parcels a plan may have (FEWEST_SPLITS as a filter); unlimited otherwise. */
  maxParcels: number;
};

/**
 * The enabled rules that apply to a method. A rule set for the method overrides a rule of the
 * same kind and mode set for every method; of two at the same level, the first by position wins.
 */
export function rulesForMethod(
  rules: readonly RoutingRule[],
  method: FulfilmentMethod,
): RoutingRule[] {
  const chosen = new Map<string, RoutingRule>();
  const ordered = rules
    .filter(
      (r) => r.enabled && (r.method === undefined || r.method === null || r.method === method),
    )
    .sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    const key = `${rule.kind}:${rule.mode}`;
    const held = chosen.get(key);
    const specific = rule.method === method;
    if (!held || (specific && held.method !== method)) chosen.set(key, rule);
  }
  return [...chosen.values()];
}

/** Validates and orders the rules for a method; the first problem found refuses the whole set. */
export function prepareRules(
  rules: readonly RoutingRule[],
  method: FulfilmentMethod,
): { ok: true; ruleSet: RuleSet } | { ok: false; problem: string; rule: RoutingRule } {
  const prepared: PreparedRule[] = [];
  const applicable = rulesForMethod(rules, method).sort(
    (a, b) => a.position - b.position || a.kind.localeCompare(b.kind),
  );
  for (const rule of applicable) {
    const label = rule.id ?? `${rule.kind} at position ${rule.position}`;
    if (!Number.isFinite(rule.weight) || rule.weight < 0) {
      return { ok: false, problem: `${label}: weight must be a number of at least 0`, rule };
    }
    const behaviour = RULE_BINDERS[rule.kind](rule.params);
    if ("problem" in behaviour)
      return { ok: false, problem: `${label}: ${behaviour.problem}`, rule };
    prepared.push({
      id: label,
      kind: rule.kind,
      mode: rule.mode,
      weight: rule.weight,
      position: rule.position,
      behaviour,
    });
  }
  const filters = prepared.filter((r) => r.mode === "FILTER");
  const scores = prepared.filter((r) => r.mode === "SCORE" && r.weight > 0);
  const splitCaps = filters.flatMap((r) =>
    r.behaviour.maxParcels === undefined ? [] : [r.behaviour.maxParcels],
  );
  return {
    ok: true,
    ruleSet: {
      filters,
      scores,
      protectDisplayMin: prepared.some(
        (r) => r.kind === "STOCK_DEPTH" && r.behaviour.protectsDisplayMin === true,
      ),
      maxParcels: splitCaps.length > 0 ? Math.min(...splitCaps) : Number.POSITIVE_INFINITY,
    },
  };
}
