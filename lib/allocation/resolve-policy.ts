import type { Lifecycle, PolicyScope } from "@/lib/generated/prisma/enums";

/** A rule that applies to all SKUs, a category, a lifecycle stage or one SKU. */
export type ScopedRule = {
  id: string;
  scope: PolicyScope;
  categoryId: string | null;
  lifecycle: Lifecycle | null;
  skuId: string | null;
  active: boolean;
};

/** What scope matching looks at: the SKU, its lifecycle, and its category with its ancestors. */
export type SkuTraits = {
  skuId: string;
  lifecycle: Lifecycle;
  /** The SKU's category first, then its parent, up to the root. */
  categoryPath: readonly string[];
};

// Lower wins. Categories sit between SKU and LIFECYCLE and rank by depth, so a rule on
// "running shoes" beats one on its parent "footwear".
const SKU_RANK = 0;
const CATEGORY_BASE_RANK = 1;
const LIFECYCLE_RANK = 1_000_000;
const ALL_RANK = 2_000_000;

/** How specific a rule is for this SKU (lower is more specific), or null when it does not apply. */
export function scopeRank(rule: ScopedRule, sku: SkuTraits): number | null {
  switch (rule.scope) {
    case "SKU":
      return rule.skuId === sku.skuId ? SKU_RANK : null;
    case "CATEGORY": {
      const depth = rule.categoryId === null ? -1 : sku.categoryPath.indexOf(rule.categoryId);
      return depth < 0 ? null : CATEGORY_BASE_RANK + depth;
    }
    case "LIFECYCLE":
      return rule.lifecycle === sku.lifecycle ? LIFECYCLE_RANK : null;
    case "ALL":
      return ALL_RANK;
  }
}

/**
 * The most specific active rule for the SKU: SKU > CATEGORY (nearest first) > LIFECYCLE > ALL.
 * Two rules of the same rank are a configuration slip; the smaller id wins so the answer is
 * stable rather than dependent on row order.
 */
export function resolveScopedRule<T extends ScopedRule>(
  rules: readonly T[],
  sku: SkuTraits,
): T | null {
  let best: T | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const rule of rules) {
    if (!rule.active) continue;
    const rank = scopeRank(rule, sku);
    if (rank === null) continue;
    if (rank < bestRank || (rank === bestRank && best !== null && rule.id < best.id)) {
      best = rule;
      bestRank = rank;
    }
  }
  return best;
}

/** The category and its ancestors, nearest first; stops on a cycle instead of looping. */
export function categoryPath(
  categoryId: string,
  parentOf: ReadonlyMap<string, string | null>,
): string[] {
  const path: string[] = [];
  let current: string | null | undefined = categoryId;
  while (current && !path.includes(current)) {
    path.push(current);
    current = parentOf.get(current);
  }
  return path;
}
