import type { DaysOfSupply } from "@/lib/inventory-insights/metrics";

/** Days of supply or cover as a screen shows it: one decimal, or "no sales". */
export function supplyDaysText(
  supply: DaysOfSupply,
  words: { days: (days: string) => string; noSales: string },
  formatNumber: (value: number) => string,
): string {
  return supply.kind === "NO_SALES" ? words.noSales : words.days(formatNumber(supply.days));
}
