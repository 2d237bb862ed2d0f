import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

describe("createRandom", () => {
  it("replays the same sequence for the same seed and a different one for another seed", () => {
    const draw = (seed: string) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw("stock")).toEqual(draw("stock"));
    expect(draw("stock")).not.toEqual(draw("history"));
  });

  it("keeps int() within its inclusive bounds and reaches both ends", () => {
    const random = createRandom("bounds");
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("picks by weight and never picks a zero-weight item", () => {
    const random = createRandom("weights");
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[random.weighted(["a", "b", "c"] as const, (k) => ({ a: 3, b: 1, c: 0 })[k])]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });
});
