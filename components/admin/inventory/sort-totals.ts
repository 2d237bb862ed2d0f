import type { InsightTotals } from "@/lib/inventory-insights/metrics";

/** Columns of the dashboard's tables a click can sort by. */
export const SORT_KEYS = [
  "name",
  "onHand",
  "available",
  "stockValue",
  "unitsSold",
  "sellThrough",
  "daysOfSupply",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export type TotalsSort = { key: SortKey; dir: SortDir };

/** The order a table opens in: the most stock value first. */
export const DEFAULT_SORT: TotalsSort = { key: "stockValue", dir: "desc" };

/** A table row: a group's totals and the name shown for it. */
export type LabelledTotals = { label: string; totals: InsightTotals };

/** The figure a column sorts by; null for a figure that has no value (no sales, no stock). */
function figure(totals: InsightTotals, key: Exclude<SortKey, "name">): number | null {
  if (key === "sellThrough") return totals.sellThrough;
  if (key === "daysOfSupply") {
    return totals.daysOfSupply.kind === "DAYS" ? totals.daysOfSupply.days : null;
  }
  return totals[key];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows sorted by one column in either direction. A row without the figure (sell-through of no
 * sales and no stock, days of supply of no sales) always comes last, whichever the direction;
 * ties go by name, then key, so the order never depends on the input's.
 */
export function sortTotals<T extends LabelledTotals>(rows: readonly T[], sort: TotalsSort): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  const tie = (a: T, b: T) => a.label.localeCompare(b.label) || byText(a.totals.key, b.totals.key);
  return [...rows].sort((a, b) => {
    if (sort.key === "name") return sign * tie(a, b);
    const x = figure(a.totals, sort.key);
    const y = figure(b.totals, sort.key);
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || tie(a, b);
  });
}

/** The sort a click on a column's header asks for: the other direction of the same column, or the column's natural first direction. */
export function nextSort(current: TotalsSort, key: SortKey): TotalsSort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: key === "name" ? "asc" : "desc" };
}
