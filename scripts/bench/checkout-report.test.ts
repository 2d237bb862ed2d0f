import { describe, expect, it } from "vitest";
import { pressFigures } from "./checkout-figures";
import { parseCheckoutOptions, type CheckoutOptions } from "./checkout-options";
import { alignRows, checkoutJson, formatCheckoutTable, type CheckoutRun } from "./checkout-report";

const options = parseCheckoutOptions(["--shoppers", "3", "--units", "2"]) as CheckoutOptions;
const run: CheckoutRun = {
  options,
  unitsFree: 2,
  channelMaySell: 1,
  expectedSuccesses: 1,
  figures: pressFigures(
    [
      { outcome: "placed", endMs: 100, latencyMs: 100 },
      { outcome: "refused", code: "OUT_OF_STOCK", endMs: 150, latencyMs: 40 },
      { outcome: "refused", code: "OUT_OF_STOCK", endMs: 200, latencyMs: 60 },
    ],
    200,
  ),
  oversold: 0,
  ledgerOk: true,
  problems: [],
  redis: "none",
  load1: 1.5,
  cpus: 2,
  cpu: { serverMs: 12.5, postgresMs: 4, machineMs: 21 },
  node: "v24.22.3",
  floor: null,
  profile: null,
};

describe("checkout report", () => {
  it("aligns the first column left and the others right", () => {
    expect(
      alignRows([
        ["a", "1"],
        ["bbb", "22"],
      ]),
    ).toBe("a     1\nbbb  22");
  });

  it("prints the figures and the checks", () => {
    const table = formatCheckoutTable(run);
    expect(table).toContain("servers: 1; Node v24.22.3");
    expect(table).toContain("the web channel may sell 1, orders expected 1");
    expect(table).toMatch(/placed\s+1\s+10\s+100/);
    expect(table).toMatch(/refused after sell-out\s+2\s+20\s+40/);
    expect(table).toContain("oversold 0; ledger ok; load average 1.5 on 2 cores");
    expect(table).toContain("sound: yes");
    expect(table).toContain("CPU per press: server 12.5 ms, PostgreSQL 4 ms, whole machine 21 ms");
  });

  it("puts the figures the issue asks for in the JSON line", () => {
    expect(checkoutJson(run)).toMatchObject({
      bench: "checkout",
      mode: "sell-out",
      N: 3,
      C: 50,
      instances: 1,
      successes: 1,
      successesPerSec: 10,
      refusalsPerSecAfterSellOut: 20,
      cpuPerPress: { serverMs: 12.5, postgresMs: 4, machineMs: 21 },
      p50Ms: 60,
      p95Ms: 100,
      p99Ms: 100,
      oversold: 0,
      ledgerOk: true,
      loadAverage: 1.5,
      node: "v24.22.3",
      sound: true,
    });
  });

  it("sets the presses against the floor when one was measured", () => {
    const floor = {
      calls: 3000,
      callsPerSec: 80,
      latency: { p50Ms: 5, p95Ms: 9, p99Ms: 12, maxMs: 20 },
    };
    expect(formatCheckoutTable({ ...run, floor })).toContain(
      "floor: a bare Next.js server action answers 80/s, 50 at once (p50 5 ms, p95 9 ms, 3000 calls); refusals after sell-out at 0.25× of it, placed orders at 0.13×",
    );
    expect(checkoutJson({ ...run, floor }).floor).toEqual({
      actionsPerSec: 80,
      calls: 3000,
      p50Ms: 5,
      p95Ms: 9,
      refusalsShare: 0.25,
      successesShare: 0.13,
    });
    expect(formatCheckoutTable(run)).not.toContain("floor:");
    expect(checkoutJson(run).floor).toBeNull();
  });
});
