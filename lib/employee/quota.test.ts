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
  ])("list %i, explicit %s, %i bps off → %i", (list, explicit, bps, expected) => {
    expect(employeePrice(list, explicit, bps)).toBe(expected);
  });
});
