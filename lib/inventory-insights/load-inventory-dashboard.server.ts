import "server-only";
import { resolveScopedRule } from "@/lib/allocation/resolve-policy";
import { loadAllocationConfig, loadSkuRecords } from "@/lib/allocation/load-sku-snapshots.server";
import type { Db } from "@/lib/db/transaction.server";
import {
  belowTierAlerts,
  DEFAULT_SLOW_THRESHOLD_DAYS,
  slowMoverAlerts,
  stockOutAlerts,
  type BelowTierAlert,
  type SlowMoverAlert,
  type StockOutAlert,
} from "./alerts";
import {
  loadDailyStockFlow,
  loadInsightRows,
  loadPoolAvailable,
  insightLabels,
  type InsightFilter,
  type InsightLabels,
  type LoadedInsightRow,
} from "./load-insight-rows.server";
import {
  daysOfSupplyBuckets,
  rollUp,
  rollUpByCategory,
  rollUpByCity,
  rollUpByNode,
  rollUpByNodeType,
  type DaysOfSupplyBucket,
  type InsightTotals,
} from "./metrics";
import { sellThroughSeries, type SellThroughPoint } from "./sell-through-series";

/** Sales windows a screen offers, in days; the first is the default. */
export const WINDOW_DAYS_CHOICES = [28, 7, 56, 112] as const;
/** The sell-through chart: this many weeks, ending today. */
export const SERIES_WEEKS = 12;

export type DashboardQuery = {
  filter: InsightFilter;
  windowDays: number;
  slowThresholdDays?: number;
  now: Date;
};

/** Names of the nodes, SKUs and categories a dashboard mentions, by id. */
export type DashboardLabels = InsightLabels & {
  categories: Record<string, { name: string; nameZh: string }>;
};

export type InventoryDashboard = {
  windowDays: number;
  slowThresholdDays: number;
  total: InsightTotals<"ALL">;
  byCity: InsightTotals[];
  byNode: InsightTotals[];
  byCategory: InsightTotals[];
  byNodeType: InsightTotals[];
  rows: LoadedInsightRow[];
  daysOfSupply: DaysOfSupplyBucket[];
  sellThroughWeeks: SellThroughPoint[];
  alerts: { stockOuts: StockOutAlert[]; slowMovers: SlowMoverAlert[]; belowTier: BelowTierAlert[] };
  labels: DashboardLabels;
};

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar day of an instant (YYYY-MM-DD). */
function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Each SKU's tier-switch threshold (null: no rule), by the same scope rule the engine uses. */
async function tierThresholds(db: Db, skuIds: string[]): Promise<Map<string, number | null>> {
  const [config, records] = await Promise.all([
    loadAllocationConfig(db),
    loadSkuRecords(db, skuIds),
  ]);
  return new Map(
    skuIds.map((skuId) => {
      const record = records.get(skuId);
      const rule = record ? resolveScopedRule(config.tierRules, record.traits) : null;
      return [skuId, rule?.threshold ?? null];
    }),
  );
}

function labelsOf(
  rows: readonly LoadedInsightRow[],
  categories: { id: string; name: string; nameZh: string }[],
): DashboardLabels {
  const categoryNames: DashboardLabels["categories"] = {};
  for (const c of categories) categoryNames[c.id] = { name: c.name, nameZh: c.nameZh };
  return { ...insightLabels(rows), categories: categoryNames };
}

/**
 * The pool dashboard over the filtered stock: SQL reads the levels with each node's units sold
 * (aggregated in the database) and the daily ledger flow; every figure is then computed by the
 * pure functions of this folder (`metrics.ts`, `alerts.ts`, `sell-through-series.ts`). The
 * below-tier alert compares each SKU's pool available over all active nodes (not only the
 * filtered ones: the tier switch looks at the whole pool) with its tier-switch rule.
 */
export async function loadInventoryDashboard(
  db: Db,
  { filter, windowDays, slowThresholdDays = DEFAULT_SLOW_THRESHOLD_DAYS, now }: DashboardQuery,
): Promise<InventoryDashboard> {
  const window = { days: windowDays, now };
  const seriesSince = new Date(now.getTime() - (SERIES_WEEKS * 7 + 1) * DAY_MS);
  const [rows, flow, categories] = await Promise.all([
    loadInsightRows(db, { filter, window }),
    loadDailyStockFlow(db, { filter, since: seriesSince, now }),
    db.category.findMany({ select: { id: true, name: true, nameZh: true } }),
  ]);
  const skuIds = [...new Set(rows.map((r) => r.skuId))];
  const [pool, thresholds] = await Promise.all([
    loadPoolAvailable(db, skuIds),
    tierThresholds(db, skuIds),
  ]);
  const days = { days: windowDays };
  const currentOnHand = rows.reduce((sum, r) => sum + r.onHand, 0);
  return {
    windowDays,
    slowThresholdDays,
    total: rollUp(rows, () => "ALL" as const, days)[0] ?? EMPTY_TOTAL,
    byCity: rollUpByCity(rows, days),
    byNode: rollUpByNode(rows, days),
    byCategory: rollUpByCategory(rows, days),
    byNodeType: rollUpByNodeType(rows, days),
    rows,
    daysOfSupply: daysOfSupplyBuckets(rows, days),
    sellThroughWeeks: sellThroughSeries(flow, {
      currentOnHand,
      lastDay: shanghaiDay(now),
      periods: SERIES_WEEKS,
      periodDays: 7,
    }),
    alerts: {
      stockOuts: stockOutAlerts(rows, { windowDays }),
      slowMovers: slowMoverAlerts(rows, { windowDays, thresholdDays: slowThresholdDays }),
      belowTier: belowTierAlerts(
        skuIds.map((skuId) => ({
          skuId,
          poolAvailable: pool.get(skuId) ?? 0,
          threshold: thresholds.get(skuId) ?? null,
        })),
      ),
    },
    labels: labelsOf(rows, categories),
  };
}

/** Totals of no stock at all (a filter that keeps nothing). */
const EMPTY_TOTAL: InsightTotals<"ALL"> = {
  key: "ALL",
  skuCount: 0,
  onHand: 0,
  reserved: 0,
  available: 0,
  unitsSold: 0,
  stockValue: 0,
  sellThrough: null,
  averageDailySales: 0,
  daysOfSupply: { kind: "NO_SALES" },
};
