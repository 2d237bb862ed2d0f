/** How the storefront describes a size's stock. */
export type StockState = "IN_STOCK" | "LOW" | "OUT";

/** At or below this many units the size shows "only a few left". */
export const LOW_STOCK_MAX = 3;

/** Stock state from what the web channel may sell (its published available-to-sell). */
export function stockState(ats: number): StockState {
  if (ats <= 0) return "OUT";
  if (ats <= LOW_STOCK_MAX) return "LOW";
  return "IN_STOCK";
}
