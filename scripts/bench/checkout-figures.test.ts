import { describe, expect, it } from "vitest";
import { pressFigures, type Press } from "./checkout-figures";

const placed = (endMs: number, latencyMs = 100): Press => ({ outcome: "placed", endMs, latencyMs });
const refused = (endMs: number, latencyMs = 50): Press => ({
  outcome: "refused",
  code: "OUT_OF_STOCK",
  endMs,
  latencyMs,
});

describe("pressFigures", () => {
  it("counts orders per second up to the last one and refusals per second after it", () => {
    const presses = [
      placed(100),
      placed(500),
      refused(400),
      placed(1000),
      refused(1500),
      refused(2000),
    ];
    const f = pressFigures(presses, 2000);
    expect(f).toMatchObject({
      presses: 6,
      successes: 3,
      refusals: 3,
      errors: 0,
      refusalCodes: { OUT_OF_STOCK: 3 },
      successesPerSec: 3, // 3 orders in the first 1000 ms
      soldOutAtMs: 1000,
      refusalsAfterSellOut: 2, // the refusal at 400 ms came before the last order
      refusalsPerSecAfterSellOut: 2, // 2 in the last 1000 ms
    });
  });

  it("has no sell-out rate when nothing was refused after the last order (ample stock)", () => {
    const f = pressFigures([placed(200), placed(400)], 500);
    expect(f.successesPerSec).toBe(5);
    expect(f.refusalsAfterSellOut).toBe(0);
    expect(f.refusalsPerSecAfterSellOut).toBeNull();
    expect(f.refused).toEqual({ p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it("counts every refusal after the start when no order was placed", () => {
    const f = pressFigures([refused(100), refused(200)], 400);
    expect(f.successesPerSec).toBe(0);
    expect(f.soldOutAtMs).toBeNull();
    expect(f.refusalsAfterSellOut).toBe(2);
    expect(f.refusalsPerSecAfterSellOut).toBe(5);
  });

  it("tallies errors apart and gives latency percentiles per outcome", () => {
    const presses: Press[] = [
      placed(10, 10),
      placed(20, 30),
      refused(30, 5),
      { outcome: "error", code: "timeout", endMs: 40, latencyMs: 40 },
    ];
    const f = pressFigures(presses, 40);
    expect(f.errors).toBe(1);
    expect(f.refusalCodes).toEqual({ OUT_OF_STOCK: 1, timeout: 1 });
    expect(f.placed.p50Ms).toBe(10);
    expect(f.placed.p99Ms).toBe(30);
    expect(f.all.maxMs).toBe(40);
    expect(f.refusedAfterSellOut.p50Ms).toBe(5);
  });
});
