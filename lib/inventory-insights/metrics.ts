import type { NodeType } from "@/lib/generated/prisma/enums";
import { nodeAvailable, type StockFigures } from "@/lib/inventory/availability";

// Pure inventory figures over a sales window. Quantities are integers, money is integer fen,
// windows are whole days. Bad input (negative, fractional, NaN) is a caller's bug: RangeError.

/** How long the available units last at the window's rate of sale; never Infinity, never NaN. */
export type DaysOfSupply = { kind: "NO_SALES" } | { kind: "DAYS"; days: number };

/** Throws unless `value` is a non-negative safe integer. */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Sell-through over a window = unitsSold ÷ (unitsSold + onHand), a fraction from 0 to 1
 * (0.25 = 25 %), not rounded; `onHand` is the stock at the end of the window. null when both are
 * 0: nothing sold and nothing in stock has no sell-through ("no sales, no stock"), never NaN.
 */
export function sellThrough({
  unitsSold,
  onHand,
}: {
  unitsSold: number;
  onHand: number;
}): number | null {
  assertCount(unitsSold, "unitsSold");
  assertCount(onHand, "onHand");
  const total = unitsSold + onHand;
  return total === 0 ? null : unitsSold / total;
}

/**
 * Average daily sales (velocity) = unitsSold ÷ days, units per day, not rounded. A window of 0
 * days has observed no rate: 0.
 */
export function averageDailySales({
  unitsSold,
  days,
}: {
  unitsSold: number;
  days: number;
}): number {
  assertCount(unitsSold, "unitsSold");
  assertCount(days, "days");
  return days === 0 ? 0 : unitsSold / days;
}

/**
 * Days of supply = available ÷ (unitsSold ÷ days), computed as available × days ÷ unitsSold (one
 * division, so whole results stay exact). `days` is the unrounded number (a screen shows it with
 * one decimal); 0 when nothing is available but the SKU sells. `{ kind: "NO_SALES" }` when
 * nothing sold in the window (or the window is 0 days): never Infinity.
 */
export function daysOfSupply({
  available,
  unitsSold,
  days,
}: {
  available: number;
  unitsSold: number;
  days: number;
}): DaysOfSupply {
  assertCount(available, "available");
  if (averageDailySales({ unitsSold, days }) === 0) return { kind: "NO_SALES" };
  return { kind: "DAYS", days: (available * days) / unitsSold };
}

/** Stock value in fen = onHand × listPrice (fen per unit). */
export function stockValue({ onHand, listPrice }: { onHand: number; listPrice: number }): number {
  assertCount(onHand, "onHand");
  assertCount(listPrice, "listPrice");
  return onHand * listPrice;
}

/**
 * Units that cover `coverDays` at the window's rate = ⌈unitsSold × coverDays ÷ days⌉ (whole units,
 * rounded up so the cover is reached); 0 when nothing sold or the window is 0 days.
 */
export function coverUnits({
  unitsSold,
  days,
  coverDays,
}: {
  unitsSold: number;
  days: number;
  coverDays: number;
}): number {
  assertCount(coverDays, "coverDays");
  if (averageDailySales({ unitsSold, days }) === 0) return 0;
  return Math.ceil((unitsSold * coverDays) / days);
}

/**
 * Where a node stands against its safety stock = onHand − reserved − safetyStock, NOT clamped at 0:
 * negative when the node is below its safety stock, a deficit a delivery fills before a single
 * unit becomes available. A need computed from the clamped available would send units that only
 * refill the safety stock and leave nothing to sell.
 */
export function sellablePosition({ onHand, reserved, safetyStock }: StockFigures): number {
  assertCount(onHand, "onHand");
  assertCount(reserved, "reserved");
  assertCount(safetyStock, "safetyStock");
  return onHand - reserved - safetyStock;
}

/** One SKU at one node as a node can give it away: its stock figures and its own sales. */
export type GiverFigures = StockFigures & { displayMin: number; unitsSold: number };

/**
 * Units a node can give away without touching reserved units, going below its shelf minimum or
 * safety stock, or below its own target cover:
 * giveable = max(0, onHand − reserved − max(safetyStock, displayMin) − ⌈unitsSold × targetDays ÷ days⌉).
 */
export function giveableUnits(
  row: GiverFigures,
  { days, targetDays }: { days: number; targetDays: number },
): number {
  for (const name of ["onHand", "reserved", "safetyStock", "displayMin"] as const) {
    assertCount(row[name], name);
  }
  const floor = Math.max(row.safetyStock, row.displayMin);
  const ownCover = coverUnits({ unitsSold: row.unitsSold, days, coverDays: targetDays });
  return Math.max(0, row.onHand - row.reserved - floor - ownCover);
}

/** One SKU at one node over the window, as the insight queries read it. */
export type InsightRow = StockFigures & {
  nodeId: string;
  nodeType: NodeType;
  city: string;
  skuId: string;
  categoryId: string;
  unitsSold: number;
  /** Fen per unit. */
  listPrice: number;
};

/** SKU rows summed into one group; ratios recomputed from the sums. */
export type InsightTotals<K extends string = string> = {
  key: K;
  /** Distinct SKUs in the group. */
  skuCount: number;
  onHand: number;
  reserved: number;
  /** Σ node available of the rows (each row never below 0). */
  available: number;
  unitsSold: number;
  /** Σ onHand × listPrice, fen. */
  stockValue: number;
  sellThrough: number | null;
  averageDailySales: number;
  daysOfSupply: DaysOfSupply;
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rolls SKU rows up into one total per key, sorted by key. Units and value are summed; sell-through,
 * velocity and days of supply are recomputed from the sums (never an average of row ratios, which
 * would weigh a SKU selling 1 unit like one selling 1,000).
 */
export function rollUp<K extends string>(
  rows: readonly InsightRow[],
  keyOf: (row: InsightRow) => K,
  { days }: { days: number },
): InsightTotals<K>[] {
  type Sum = Omit<
    InsightTotals<K>,
    "skuCount" | "sellThrough" | "averageDailySales" | "daysOfSupply"
  >;
  const sums = new Map<K, Sum & { skus: Set<string> }>();
  for (const row of rows) {
    for (const name of ["reserved", "safetyStock", "unitsSold"] as const) {
      assertCount(row[name], name);
    }
    const key = keyOf(row);
    const sum = sums.get(key) ?? {
      key,
      skus: new Set<string>(),
      onHand: 0,
      reserved: 0,
      available: 0,
      unitsSold: 0,
      stockValue: 0,
    };
    sum.skus.add(row.skuId);
    sum.onHand += row.onHand;
    sum.reserved += row.reserved;
    sum.available += nodeAvailable(row);
    sum.unitsSold += row.unitsSold;
    sum.stockValue += stockValue(row);
    sums.set(key, sum);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([key, s]) => ({
      key,
      skuCount: s.skus.size,
      onHand: s.onHand,
      reserved: s.reserved,
      available: s.available,
      unitsSold: s.unitsSold,
      stockValue: s.stockValue,
      sellThrough: sellThrough({ unitsSold: s.unitsSold, onHand: s.onHand }),
      averageDailySales: averageDailySales({ unitsSold: s.unitsSold, days }),
      daysOfSupply: daysOfSupply({ available: s.available, unitsSold: s.unitsSold, days }),
    }));
}

/** Totals per node. */
export const rollUpByNode = (rows: readonly InsightRow[], window: { days: number }) =>
  rollUp(rows, (row) => row.nodeId, window);
/** Totals per city (the region a node serves). */
export const rollUpByCity = (rows: readonly InsightRow[], window: { days: number }) =>
  rollUp(rows, (row) => row.city, window);
/** Totals per category. */
export const rollUpByCategory = (rows: readonly InsightRow[], window: { days: number }) =>
  rollUp(rows, (row) => row.categoryId, window);
/** Totals per node type (warehouses, direct stores, franchise stores…). */
export const rollUpByNodeType = (rows: readonly InsightRow[], window: { days: number }) =>
  rollUp(rows, (row) => row.nodeType, window);

/** The chart's buckets in axis order; a bucket holds days in (previous upper, upper]. */
export const DAYS_OF_SUPPLY_BUCKETS = [
  { key: "0-7", upTo: 7 },
  { key: "8-14", upTo: 14 },
  { key: "15-30", upTo: 30 },
  { key: "31-60", upTo: 60 },
  { key: "61-90", upTo: 90 },
  { key: "90+", upTo: Infinity },
] as const;

export type DaysOfSupplyBucketKey = (typeof DAYS_OF_SUPPLY_BUCKETS)[number]["key"] | "NO_SALES";

/** One bar: how many SKU rows fall in it and how many available units they hold. */
export type DaysOfSupplyBucket = { key: DaysOfSupplyBucketKey; rows: number; units: number };

/**
 * Histogram of days of supply over SKU rows, every bucket present in axis order (0–7, 8–14,
 * 15–30, 31–60, 61–90, 90+, NO_SALES). Upper bounds are inclusive and fractions go up: 7 is in
 * 0–7, 7.5 in 8–14. A row with nothing available and no sales has no supply to measure and is
 * left out; a row that sells with nothing available is in 0–7 (it is out of stock).
 */
export function daysOfSupplyBuckets(
  rows: readonly (StockFigures & { unitsSold: number })[],
  { days }: { days: number },
): DaysOfSupplyBucket[] {
  const buckets: DaysOfSupplyBucket[] = [
    ...DAYS_OF_SUPPLY_BUCKETS.map(({ key }) => ({ key, rows: 0, units: 0 })),
    { key: "NO_SALES", rows: 0, units: 0 },
  ];
  for (const row of rows) {
    const available = nodeAvailable(row);
    const supply = daysOfSupply({ available, unitsSold: row.unitsSold, days });
    if (supply.kind === "NO_SALES" && available === 0) continue;
    const index =
      supply.kind === "NO_SALES"
        ? DAYS_OF_SUPPLY_BUCKETS.length
        : DAYS_OF_SUPPLY_BUCKETS.findIndex(({ upTo }) => supply.days <= upTo);
    const bucket = buckets[index]!;
    bucket.rows += 1;
    bucket.units += available;
  }
  return buckets;
}
