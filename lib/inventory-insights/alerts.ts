import { nodeAvailable, type StockFigures } from "@/lib/inventory/availability";
import { assertCount, averageDailySales, daysOfSupply, type DaysOfSupply } from "./metrics";

/** Days of supply above which a SKU at a node is a slow mover, unless configured otherwise. */
export const DEFAULT_SLOW_THRESHOLD_DAYS = 90;

/** One SKU at one node over the window, as the alerts read it. */
export type AlertRow = StockFigures & {
  nodeId: string;
  skuId: string;
  /** Units sold at the node over the window. */
  unitsSold: number;
  /**
   * Days the SKU has had stock at the node, when known. A SKU stocked for less than the window
   * has not had the window to sell, so no sales does not yet make it slow. Omitted: the whole
   * window.
   */
  daysInStock?: number;
};

/** Sold at the node in the window, nothing available there now: replenish or transfer in. */
export type StockOutAlert = {
  kind: "STOCK_OUT";
  nodeId: string;
  skuId: string;
  unitsSold: number;
  windowDays: number;
  averageDailySales: number;
  onHand: number;
  reserved: number;
  safetyStock: number;
};

/** Stock that does not move: transfer out or mark down. */
export type SlowMoverAlert = {
  kind: "SLOW_MOVER";
  nodeId: string;
  skuId: string;
  available: number;
  onHand: number;
  unitsSold: number;
  windowDays: number;
  daysOfSupply: DaysOfSupply;
  thresholdDays: number;
};

/** The SKU's pool is below its tier-switch threshold (protected allocation applies): pool-wide, no node. */
export type BelowTierAlert = {
  kind: "BELOW_TIER";
  nodeId: null;
  skuId: string;
  poolAvailable: number;
  threshold: number;
  /** threshold − poolAvailable: units that would bring the pool back to the shared regime. */
  shortfall: number;
};

export type InventoryAlert = StockOutAlert | SlowMoverAlert | BelowTierAlert;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byNodeThenSku = (a: AlertRow, b: AlertRow): number =>
  byText(a.nodeId, b.nodeId) || byText(a.skuId, b.skuId);

/**
 * Stock-outs: a SKU with unitsSold > 0 at a node in the window and node available
 * (onHand − reserved − safetyStock, never below 0) = 0 there. Fastest sellers first, then by node
 * and SKU.
 */
export function stockOutAlerts(
  rows: readonly AlertRow[],
  { windowDays }: { windowDays: number },
): StockOutAlert[] {
  return rows
    .filter((row) => row.unitsSold > 0 && nodeAvailable(row) === 0)
    .sort((a, b) => b.unitsSold - a.unitsSold || byNodeThenSku(a, b))
    .map((row) => ({
      kind: "STOCK_OUT",
      nodeId: row.nodeId,
      skuId: row.skuId,
      unitsSold: row.unitsSold,
      windowDays,
      averageDailySales: averageDailySales({ unitsSold: row.unitsSold, days: windowDays }),
      onHand: row.onHand,
      reserved: row.reserved,
      safetyStock: row.safetyStock,
    }));
}

/**
 * Slow mover: node available > 0 and either days of supply > thresholdDays, or no sale in a window
 * of at least one day while the SKU was in stock for the whole window (daysInStock ≥ windowDays).
 * Exactly at the threshold is not slow.
 */
export function isSlowMover(
  row: AlertRow,
  { windowDays, thresholdDays }: { windowDays: number; thresholdDays: number },
): boolean {
  assertCount(thresholdDays, "thresholdDays");
  const available = nodeAvailable(row);
  if (available === 0) return false;
  const supply = daysOfSupply({ available, unitsSold: row.unitsSold, days: windowDays });
  if (supply.kind === "DAYS") return supply.days > thresholdDays;
  return windowDays > 0 && (row.daysInStock ?? windowDays) >= windowDays;
}

/**
 * Slow movers by `isSlowMover` (threshold default 90 days). No sales first, then the most days of
 * supply, then the most available units, then by node and SKU.
 */
export function slowMoverAlerts(
  rows: readonly AlertRow[],
  {
    windowDays,
    thresholdDays = DEFAULT_SLOW_THRESHOLD_DAYS,
  }: { windowDays: number; thresholdDays?: number },
): SlowMoverAlert[] {
  const alerts = rows
    .filter((row) => isSlowMover(row, { windowDays, thresholdDays }))
    .map((row): SlowMoverAlert => ({
      kind: "SLOW_MOVER",
      nodeId: row.nodeId,
      skuId: row.skuId,
      available: nodeAvailable(row),
      onHand: row.onHand,
      unitsSold: row.unitsSold,
      windowDays,
      daysOfSupply: daysOfSupply({
        available: nodeAvailable(row),
        unitsSold: row.unitsSold,
        days: windowDays,
      }),
      thresholdDays,
    }));
  const days = (s: DaysOfSupply): number => (s.kind === "NO_SALES" ? Infinity : s.days);
  return alerts.sort(
    (a, b) =>
      // Infinity − Infinity is NaN, which is falsy: two NO_SALES rows fall through to the next key.
      days(b.daysOfSupply) - days(a.daysOfSupply) ||
      b.available - a.available ||
      byText(a.nodeId, b.nodeId) ||
      byText(a.skuId, b.skuId),
  );
}

/**
 * Below tier: pool available < the SKU's tier-switch threshold (at or above it every channel shares
 * the pool, as `selectRegime` decides). A SKU without a rule (threshold null) never alerts.
 * Largest shortfall first, then by SKU.
 */
export function belowTierAlerts(
  rows: readonly { skuId: string; poolAvailable: number; threshold: number | null }[],
): BelowTierAlert[] {
  const alerts: BelowTierAlert[] = [];
  for (const { skuId, poolAvailable, threshold } of rows) {
    assertCount(poolAvailable, "poolAvailable");
    if (threshold === null || poolAvailable >= threshold) continue;
    alerts.push({
      kind: "BELOW_TIER",
      nodeId: null,
      skuId,
      poolAvailable,
      threshold,
      shortfall: threshold - poolAvailable,
    });
  }
  return alerts.sort((a, b) => b.shortfall - a.shortfall || byText(a.skuId, b.skuId));
}
