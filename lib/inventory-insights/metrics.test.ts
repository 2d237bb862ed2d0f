import { describe, expect, it } from "vitest";
import {
  averageDailySales,
  coverUnits,
  daysOfSupply,
  daysOfSupplyBuckets,
  giveableUnits,
  rollUp,
  rollUpByCategory,
  rollUpByCity,
  rollUpByNode,
  rollUpByNodeType,
  sellablePosition,
  sellThrough,
  stockValue,
  type InsightRow,
} from "./metrics";

const row = (extra: Partial<InsightRow> = {}): InsightRow => ({
  nodeId: "n1",
  nodeType: "STORE_DIRECT",
  city: "Shanghai",
  skuId: "s1",
  categoryId: "tops",
  onHand: 0,
  reserved: 0,
  safetyStock: 0,
  unitsSold: 0,
  listPrice: 0,
  ...extra,
});

describe("sellThrough", () => {
  it.each([
    [{ unitsSold: 25, onHand: 75 }, 0.25],
    [{ unitsSold: 10, onHand: 0 }, 1],
    [{ unitsSold: 0, onHand: 40 }, 0],
    // Nothing sold, nothing in stock: no figure, never NaN.
    [{ unitsSold: 0, onHand: 0 }, null],
  ])("%j → %s", (input, expected) => {
    expect(sellThrough(input)).toBe(expected);
  });

  it("refuses negative or fractional units", () => {
    expect(() => sellThrough({ unitsSold: -1, onHand: 3 })).toThrow(RangeError);
    expect(() => sellThrough({ unitsSold: 1.5, onHand: 3 })).toThrow(RangeError);
    expect(() => sellThrough({ unitsSold: Number.NaN, onHand: 3 })).toThrow(RangeError);
  });
});

describe("averageDailySales", () => {
  it.each([
    [{ unitsSold: 30, days: 30 }, 1],
    [{ unitsSold: 7, days: 28 }, 0.25],
    [{ unitsSold: 0, days: 30 }, 0],
    // A zero-day window has seen no rate of sale.
    [{ unitsSold: 0, days: 0 }, 0],
    [{ unitsSold: 5, days: 0 }, 0],
  ])("%j → %d", (input, expected) => {
    expect(averageDailySales(input)).toBe(expected);
  });

  it("refuses a negative window", () => {
    expect(() => averageDailySales({ unitsSold: 1, days: -7 })).toThrow(RangeError);
  });
});

describe("daysOfSupply", () => {
  it.each([
    [
      { available: 90, unitsSold: 30, days: 30 },
      { kind: "DAYS", days: 90 },
    ],
    [
      { available: 10, unitsSold: 4, days: 28 },
      { kind: "DAYS", days: 70 },
    ],
    // Not rounded: 10 ÷ (3 ÷ 7) = 23.33…
    [
      { available: 10, unitsSold: 3, days: 7 },
      { kind: "DAYS", days: 70 / 3 },
    ],
    // Sells but nothing left: 0 days, not NO_SALES.
    [
      { available: 0, unitsSold: 12, days: 30 },
      { kind: "DAYS", days: 0 },
    ],
    [{ available: 50, unitsSold: 0, days: 30 }, { kind: "NO_SALES" }],
    [{ available: 0, unitsSold: 0, days: 30 }, { kind: "NO_SALES" }],
    [{ available: 50, unitsSold: 5, days: 0 }, { kind: "NO_SALES" }],
  ])("%j → %j", (input, expected) => {
    expect(daysOfSupply(input)).toEqual(expected);
  });

  it("keeps whole results exact (one division)", () => {
    // 9 ÷ (9 ÷ 7) in two divisions is 6.999999999999999, which would land in the wrong bucket.
    expect(daysOfSupply({ available: 9, unitsSold: 9, days: 7 })).toEqual({
      kind: "DAYS",
      days: 7,
    });
  });
});

describe("stockValue", () => {
  it("is onHand × listPrice in fen", () => {
    expect(stockValue({ onHand: 3, listPrice: 29900 })).toBe(89700);
    expect(stockValue({ onHand: 0, listPrice: 29900 })).toBe(0);
  });

  it("refuses a price that is not whole fen", () => {
    expect(() => stockValue({ onHand: 3, listPrice: 299.5 })).toThrow(RangeError);
  });
});

describe("coverUnits", () => {
  it.each([
    [{ unitsSold: 30, days: 30, coverDays: 21 }, 21],
    // 10 × 21 ÷ 30 = 7 exactly: no rounding up of a float error.
    [{ unitsSold: 10, days: 30, coverDays: 21 }, 7],
    // 11 × 21 ÷ 30 = 7.7 → 8 units.
    [{ unitsSold: 11, days: 30, coverDays: 21 }, 8],
    [{ unitsSold: 0, days: 30, coverDays: 21 }, 0],
    [{ unitsSold: 9, days: 0, coverDays: 21 }, 0],
    [{ unitsSold: 9, days: 30, coverDays: 0 }, 0],
  ])("%j → %i", (input, expected) => {
    expect(coverUnits(input)).toBe(expected);
  });
});

describe("sellablePosition", () => {
  it("is onHand − reserved − safetyStock, negative below the safety stock", () => {
    expect(sellablePosition({ onHand: 10, reserved: 3, safetyStock: 2 })).toBe(5);
    expect(sellablePosition({ onHand: 0, reserved: 0, safetyStock: 1 })).toBe(-1);
    expect(sellablePosition({ onHand: 4, reserved: 4, safetyStock: 2 })).toBe(-2);
  });

  it("refuses a negative figure", () => {
    expect(() => sellablePosition({ onHand: -1, reserved: 0, safetyStock: 0 })).toThrow(RangeError);
  });
});

describe("giveableUnits", () => {
  const window = { days: 30, targetDays: 21 };
  const figures = { onHand: 20, reserved: 0, safetyStock: 0, displayMin: 0, unitsSold: 0 };
  it.each([
    ["plain surplus", {}, 20],
    ["reserved units stay", { reserved: 5 }, 15],
    ["all stock reserved", { reserved: 20 }, 0],
    ["safety stock stays", { safetyStock: 4 }, 16],
    ["shelf minimum stays", { displayMin: 6 }, 14],
    // The higher of the two floors counts, not both.
    ["safety stock and shelf minimum", { safetyStock: 4, displayMin: 6 }, 14],
    ["shelf minimum above on hand", { displayMin: 25 }, 0],
    ["own cover: 3 sold in 30 days keeps ⌈2.1⌉ = 3", { unitsSold: 3 }, 17],
    ["everything together", { reserved: 2, displayMin: 3, unitsSold: 30 }, 0],
  ])("%s", (_, extra, expected) => {
    expect(giveableUnits({ ...figures, ...extra }, window)).toBe(expected);
  });
});

describe("rollUp", () => {
  const rows: InsightRow[] = [
    row({ nodeId: "a", skuId: "s1", onHand: 10, unitsSold: 90, listPrice: 100 }),
    row({ nodeId: "a", skuId: "s2", onHand: 190, unitsSold: 10, listPrice: 200, reserved: 5 }),
    row({
      nodeId: "b",
      city: "Hangzhou",
      nodeType: "REGIONAL_WAREHOUSE",
      categoryId: "shoes",
      skuId: "s1",
      onHand: 5,
      reserved: 4,
      safetyStock: 3,
    }),
  ];

  it("sums units and value and recomputes ratios from the sums", () => {
    const [a, b] = rollUpByNode(rows, { days: 10 });
    expect(a).toEqual({
      key: "a",
      skuCount: 2,
      onHand: 200,
      reserved: 5,
      available: 195,
      unitsSold: 100,
      stockValue: 10 * 100 + 190 * 200,
      // 100 ÷ 300, not the mean of the rows' 0.9 and 0.05.
      sellThrough: 1 / 3,
      averageDailySales: 10,
      daysOfSupply: { kind: "DAYS", days: 19.5 },
    });
    // Availability is per row and never negative: 5 − 4 − 3 counts as 0, not −2.
    expect(b).toMatchObject({ key: "b", available: 0, sellThrough: 0 });
    expect(b?.daysOfSupply).toEqual({ kind: "NO_SALES" });
  });

  it("weighs ratios by units, not by row", () => {
    const skewed = [
      row({ skuId: "x", onHand: 1, unitsSold: 1 }), // 50 %
      row({ skuId: "y", onHand: 999, unitsSold: 1 }), // 0.1 %
    ];
    const [total] = rollUp(skewed, () => "all", { days: 1 });
    expect(total?.sellThrough).toBe(2 / 1002);
  });

  it("groups by city, category and node type, sorted by key", () => {
    expect(rollUpByCity(rows, { days: 10 }).map((t) => [t.key, t.skuCount])).toEqual([
      ["Hangzhou", 1],
      ["Shanghai", 2],
    ]);
    expect(rollUpByCategory(rows, { days: 10 }).map((t) => [t.key, t.onHand])).toEqual([
      ["shoes", 5],
      ["tops", 200],
    ]);
    expect(rollUpByNodeType(rows, { days: 10 }).map((t) => t.key)).toEqual([
      "REGIONAL_WAREHOUSE",
      "STORE_DIRECT",
    ]);
  });

  it("counts a SKU once per group however many nodes hold it", () => {
    const [all] = rollUp(rows, () => "all", { days: 10 });
    expect(all?.skuCount).toBe(2);
  });

  it("gives no totals for no rows", () => {
    expect(rollUpByNode([], { days: 30 })).toEqual([]);
  });
});

describe("daysOfSupplyBuckets", () => {
  const stock = (available: number, unitsSold: number) => ({
    onHand: available,
    reserved: 0,
    safetyStock: 0,
    unitsSold,
  });

  it("puts each row in its bucket, upper bounds inclusive, every bucket present in order", () => {
    const buckets = daysOfSupplyBuckets(
      [
        stock(0, 5), // sells, none left: 0 days
        stock(7, 30), // 7
        stock(15, 60), // 7.5 → 8–14
        stock(14, 30), // 14
        stock(30, 30), // 30
        stock(31, 30), // 31
        stock(90, 30), // 90
        stock(91, 30), // 91
        stock(12, 0), // no sales
        stock(0, 0), // nothing to measure: left out
      ],
      { days: 30 },
    );
    expect(buckets).toEqual([
      { key: "0-7", rows: 2, units: 7 },
      { key: "8-14", rows: 2, units: 29 },
      { key: "15-30", rows: 1, units: 30 },
      { key: "31-60", rows: 1, units: 31 },
      { key: "61-90", rows: 1, units: 90 },
      { key: "90+", rows: 1, units: 91 },
      { key: "NO_SALES", rows: 1, units: 12 },
    ]);
  });

  it("measures node available, not on hand", () => {
    const [first] = daysOfSupplyBuckets(
      [{ onHand: 10, reserved: 6, safetyStock: 4, unitsSold: 3 }],
      { days: 30 },
    );
    expect(first).toEqual({ key: "0-7", rows: 1, units: 0 });
  });
});
