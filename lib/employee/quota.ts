import { TZDate } from "@date-fns/tz";
import { getQuarter } from "date-fns";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";

/** Quota periods follow the company calendar in China, whatever the server's clock zone. */
export const BUSINESS_TIME_ZONE = "Asia/Shanghai";

/** The key of the quota period containing `at`: "2026-11", "2026-Q4" or "2026". */
export function quotaPeriodKey(at: Date, period: QuotaPeriod): string {
  const local = new TZDate(at, BUSINESS_TIME_ZONE);
  const year = local.getFullYear();
  if (period === "YEAR") return String(year);
  if (period === "QUARTER") return `${year}-Q${getQuarter(local)}`;
  return `${year}-${String(local.getMonth() + 1).padStart(2, "0")}`;
}

export type QuotaLimits = { maxUnits: number; maxSpend: number; maxPerSku: number };
export type QuotaUsed = { unitsUsed: number; spendUsed: number };

/** What an employee may still buy this period (never below zero). */
export function quotaRemaining(
  limits: QuotaLimits,
  used: QuotaUsed | null,
): { units: number; spend: number } {
  return {
    units: Math.max(0, limits.maxUnits - (used?.unitsUsed ?? 0)),
    spend: Math.max(0, limits.maxSpend - (used?.spendUsed ?? 0)),
  };
}

/**
 * Employee unit price in fen: the style's explicit employee price, else list price less the
 * policy discount, rounded half up to the fen ((list × (10000 − bps) + 5000) ÷ 10000, integer).
 * Never below 0 and never above list price, whatever the explicit price or discount says.
 */
export function employeePrice(
  listPrice: number,
  explicit: number | null,
  discountBps: number,
): number {
  const list = Math.max(0, Math.trunc(listPrice));
  if (explicit !== null) return Math.min(list, Math.max(0, Math.trunc(explicit)));
  const bps = Math.min(10_000, Math.max(0, Math.trunc(discountBps)));
  return Math.min(list, Math.floor((list * (10_000 - bps) + 5_000) / 10_000));
}
