import { describe, expect, it } from "vitest";
import {
  belowTierAlerts,
  isSlowMover,
  slowMoverAlerts,
  stockOutAlerts,
  type AlertRow,
} from "./alerts";

const row = (nodeId: string, skuId: string, extra: Partial<AlertRow> = {}): AlertRow => ({
  nodeId,
  skuId,
  onHand: 0,
  reserved: 0,
  safetyStock: 0,
  unitsSold: 0,
  ...extra,
});

describe("stockOutAlerts", () => {
  it("flags a SKU that sold at a node with nothing available there, fastest sellers first", () => {
    const alerts = stockOutAlerts(
      [
        row("n1", "a", { unitsSold: 3 }),
        row("n1", "b", { unitsSold: 30, onHand: 5, reserved: 5 }), // all reserved
        row("n2", "a", { unitsSold: 9, onHand: 4, safetyStock: 4 }), // only safety stock left
        row("n2", "b", { unitsSold: 9, onHand: 1 }), // still one available
        row("n3", "a", { onHand: 0 }), // never sold here
      ],
      { windowDays: 30 },
    );
    expect(alerts).toEqual([
      {
        kind: "STOCK_OUT",
        nodeId: "n1",
        skuId: "b",
        unitsSold: 30,
        windowDays: 30,
        averageDailySales: 1,
        onHand: 5,
        reserved: 5,
        safetyStock: 0,
      },
      expect.objectContaining({ nodeId: "n2", skuId: "a", unitsSold: 9, safetyStock: 4 }),
      expect.objectContaining({ nodeId: "n1", skuId: "a", averageDailySales: 0.1 }),
    ]);
  });

  it("orders ties by node then SKU, whatever the input order", () => {
    const rows = [row("n2", "a", { unitsSold: 1 }), row("n1", "b", { unitsSold: 1 })];
    rows.push(row("n1", "a", { unitsSold: 1 }));
    const ids = stockOutAlerts(rows, { windowDays: 7 }).map((a) => `${a.nodeId}/${a.skuId}`);
    expect(ids).toEqual(["n1/a", "n1/b", "n2/a"]);
    expect(stockOutAlerts([...rows].reverse(), { windowDays: 7 })).toEqual(
      stockOutAlerts(rows, { windowDays: 7 }),
    );
  });
});

describe("isSlowMover", () => {
  const options = { windowDays: 30, thresholdDays: 90 };
  it.each([
    ["91 days of supply", { onHand: 91, unitsSold: 30 }, true],
    ["exactly the threshold", { onHand: 90, unitsSold: 30 }, false],
    ["fast", { onHand: 10, unitsSold: 30 }, false],
    ["no sales with stock, stocked the whole window", { onHand: 3 }, true],
    ["no sales with stock, stocked longer", { onHand: 3, daysInStock: 200 }, true],
    ["no sales, stocked for less than the window", { onHand: 3, daysInStock: 10 }, false],
    ["no sales, no stock", {}, false],
    ["no sales, all stock reserved", { onHand: 5, reserved: 5 }, false],
    ["no sales, only safety stock", { onHand: 5, safetyStock: 5 }, false],
    // Days of supply count available units: 100 on hand, 40 reserved → 60 units = 60 days.
    ["reserved units are not supply", { onHand: 100, reserved: 40, unitsSold: 30 }, false],
  ])("%s → %s", (_, extra, expected) => {
    expect(isSlowMover(row("n", "s", extra), options)).toBe(expected);
  });

  it("finds nothing slow in a zero-day window", () => {
    expect(isSlowMover(row("n", "s", { onHand: 50 }), { windowDays: 0, thresholdDays: 90 })).toBe(
      false,
    );
  });
});

describe("slowMoverAlerts", () => {
  const rows = [
    row("n1", "a", { onHand: 200, unitsSold: 30 }), // 200 days
    row("n1", "b", { onHand: 12 }), // no sales
    row("n2", "a", { onHand: 100, unitsSold: 30 }), // 100 days
    row("n2", "b", { onHand: 40 }), // no sales, more units
    row("n3", "a", { onHand: 60, unitsSold: 30 }), // 60 days
  ];

  it("uses 90 days by default; no sales first, then most days, then most units", () => {
    const alerts = slowMoverAlerts(rows, { windowDays: 30 });
    expect(alerts.map((a) => `${a.nodeId}/${a.skuId}`)).toEqual(["n2/b", "n1/b", "n1/a", "n2/a"]);
    expect(alerts[2]).toEqual({
      kind: "SLOW_MOVER",
      nodeId: "n1",
      skuId: "a",
      available: 200,
      onHand: 200,
      unitsSold: 30,
      windowDays: 30,
      daysOfSupply: { kind: "DAYS", days: 200 },
      thresholdDays: 90,
    });
    expect(alerts[0]?.daysOfSupply).toEqual({ kind: "NO_SALES" });
  });

  it("takes a configured threshold", () => {
    const alerts = slowMoverAlerts(rows, { windowDays: 30, thresholdDays: 150 });
    expect(alerts.map((a) => `${a.nodeId}/${a.skuId}`)).toEqual(["n2/b", "n1/b", "n1/a"]);
    expect(alerts.every((a) => a.thresholdDays === 150)).toBe(true);
  });

  it("orders equal rows by node then SKU", () => {
    const ties = [row("n2", "a", { onHand: 5 }), row("n1", "b", { onHand: 5 })];
    ties.push(row("n1", "a", { onHand: 5 }));
    expect(slowMoverAlerts(ties, { windowDays: 30 }).map((a) => `${a.nodeId}/${a.skuId}`)).toEqual([
      "n1/a",
      "n1/b",
      "n2/a",
    ]);
  });
});

describe("belowTierAlerts", () => {
  it("flags pools below the tier-switch threshold, largest shortfall first", () => {
    const alerts = belowTierAlerts([
      { skuId: "a", poolAvailable: 250, threshold: 300 },
      { skuId: "b", poolAvailable: 300, threshold: 300 }, // at the threshold the pool is shared
      { skuId: "c", poolAvailable: 0, threshold: 100 },
      { skuId: "d", poolAvailable: 0, threshold: null }, // no rule
      { skuId: "e", poolAvailable: 50, threshold: 100 },
    ]);
    expect(alerts).toEqual([
      {
        kind: "BELOW_TIER",
        nodeId: null,
        skuId: "c",
        poolAvailable: 0,
        threshold: 100,
        shortfall: 100,
      },
      {
        kind: "BELOW_TIER",
        nodeId: null,
        skuId: "a",
        poolAvailable: 250,
        threshold: 300,
        shortfall: 50,
      },
      {
        kind: "BELOW_TIER",
        nodeId: null,
        skuId: "e",
        poolAvailable: 50,
        threshold: 100,
        shortfall: 50,
      },
    ]);
  });

  it("refuses a negative pool", () => {
    expect(() => belowTierAlerts([{ skuId: "a", poolAvailable: -1, threshold: 5 }])).toThrow(
      RangeError,
    );
  });
});
