import { describe, expect, it } from "vitest";
import { employeePrice, quotaPeriodKey, quotaRemaining } from "./quota";

describe("quotaPeriodKey", () => {
  it.each([
    ["2026-11-22T03:00:00Z", "MONTH", "2026-11"],
    // 16:30 UTC on 31 Dec is already 1 Jan in Shanghai: the new period has begun.
    ["2026-12-31T16:30:00Z", "MONTH", "2027-01"],
    ["2026-12-31T15:59:00Z", "YEAR", "2026"],
    ["2026-12-31T16:00:00Z", "YEAR", "2027"],
    ["2026-03-31T15:00:00Z", "QUARTER", "2026-Q1"],
    ["2026-03-31T16:00:00Z", "QUARTER", "2026-Q2"],
    // Shanghai midnight at the quarter's start: 30 Sep 16:00 UTC is 1 Oct 00:00 there.
    ["2026-09-30T15:59:59Z", "QUARTER", "2026-Q3"],
    ["2026-09-30T16:00:00Z", "QUARTER", "2026-Q4"],
    ["2026-12-31T15:59:59Z", "QUARTER", "2026-Q4"],
    ["2026-12-31T16:00:00Z", "QUARTER", "2027-Q1"],
    ["2026-02-28T16:00:00Z", "MONTH", "2026-03"],
  ] as const)("%s in a %s period is %s", (iso, period, key) => {
    expect(quotaPeriodKey(new Date(iso), period)).toBe(key);
  });
});

describe("quotaRemaining", () => {
  const limits = { maxUnits: 10, maxSpend: 300_000, maxPerSku: 2 };
  it.each([
    [null, { units: 10, spend: 300_000 }],
    [
      { unitsUsed: 3, spendUsed: 120_000 },
      { units: 7, spend: 180_000 },
    ],
    [
      { unitsUsed: 12, spendUsed: 400_000 },
      { units: 0, spend: 0 },
    ],
  ])("used %j leaves %j", (used, expected) => {
    expect(quotaRemaining(limits, used)).toEqual(expected);
  });
});

describe("employeePrice", () => {
  it.each([
    [59900, null, 5000, 29950],
    [59900, 19900, 5000, 19900],
    [9999, null, 3000, 6999],
    [100, null, 0, 100],
    // Half a fen rounds up, less than half down: 12345 × 0.7 = 8641.5, 12343 × 0.7 = 8640.1.
    [12345, null, 3000, 8642],
    [12343, null, 3000, 8640],
    [1, null, 5000, 1],
    [3, null, 5000, 2],
    // Never below 0 nor above list, whatever the explicit price or discount says.
    [59900, null, 10_000, 0],
    [59900, null, 12_000, 0],
    [59900, null, -500, 59900],
    [59900, 69900, 5000, 59900],
    [59900, -1, 5000, 0],
  ])("list %i, explicit %s, %i bps off → %i", (list, explicit, bps, expected) => {
    expect(employeePrice(list, explicit, bps)).toBe(expected);
  });
});
