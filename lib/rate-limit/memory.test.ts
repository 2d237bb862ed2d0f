import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter, slidingWindowAttempt } from "./memory";

const WINDOW_MS = 60_000;
// A window boundary, so offsets below read as "milliseconds into window 0".
const T0 = 1_700_000_040_000;

function fakeClock(start = T0) {
  let now = start;
  return { now: () => now, set: (at: number) => void (now = at) };
}

describe("memory rate limiter", () => {
  it.each([1, 3, 5, 10])("allows %i attempts in a window and refuses the next", async (tokens) => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens, windowSeconds: 60 },
      { now: clock.now },
    );
    const results = [];
    for (let i = 0; i <= tokens; i += 1) results.push(await limiter.limit("k"));
    expect(results.map((r) => r.success)).toEqual([...Array<boolean>(tokens).fill(true), false]);
    expect(results.map((r) => r.remaining)).toEqual([
      ...Array.from({ length: tokens }, (_, i) => tokens - 1 - i),
      0,
    ]);
    expect(results.every((r) => r.limit === tokens && r.resetAt === T0 + WINDOW_MS)).toBe(true);
  });

  // tokens = 5, all five spent at the start of window 0; then single attempts later on.
  it.each([
    { at: T0 + 59_999, success: false, remaining: 0, resetAt: T0 + WINDOW_MS, why: "same window" },
    {
      at: T0 + WINDOW_MS,
      success: false,
      remaining: 0,
      resetAt: T0 + 2 * WINDOW_MS,
      why: "previous window weighs fully",
    },
    {
      at: T0 + WINDOW_MS + 30_000,
      success: true,
      remaining: 2,
      resetAt: T0 + 2 * WINDOW_MS,
      why: "half weight: floor(2.5) = 2 used",
    },
    {
      at: T0 + WINDOW_MS + 54_000,
      success: true,
      remaining: 4,
      resetAt: T0 + 2 * WINDOW_MS,
      why: "tenth weight: floor(0.5) = 0 used",
    },
    {
      at: T0 + 2 * WINDOW_MS,
      success: true,
      remaining: 4,
      resetAt: T0 + 3 * WINDOW_MS,
      why: "two windows later the count is gone",
    },
  ])("after a full window, one more attempt: $why", async ({ at, success, remaining, resetAt }) => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens: 5, windowSeconds: 60 },
      { now: clock.now },
    );
    for (let i = 0; i < 5; i += 1) await limiter.limit("k");
    clock.set(at);
    expect(await limiter.limit("k")).toEqual({ success, limit: 5, remaining, resetAt });
  });

  it("does not count refused attempts", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens: 2, windowSeconds: 60 },
      { now: clock.now },
    );
    for (let i = 0; i < 10; i += 1) await limiter.limit("k");
    clock.set(T0 + WINDOW_MS + 30_000);
    // Only the 2 allowed attempts weigh: floor(0.5 * 2) = 1 used, 1 left.
    expect(await limiter.limit("k")).toMatchObject({ success: true, remaining: 0 });
    expect(await limiter.limit("k")).toMatchObject({ success: false, remaining: 0 });
  });

  it("keeps separate keys independent", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens: 2, windowSeconds: 60 },
      { now: clock.now },
    );
    await limiter.limit("alice");
    await limiter.limit("alice");
    expect((await limiter.limit("alice")).success).toBe(false);
    expect(await limiter.limit("bob")).toMatchObject({ success: true, remaining: 1 });
    expect(await limiter.limit("bob")).toMatchObject({ success: true, remaining: 0 });
    expect((await limiter.limit("bob")).success).toBe(false);
  });

  it("allows exactly `tokens` of many concurrent attempts", async () => {
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens: 10, windowSeconds: 60 },
      { now: () => T0 },
    );
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.limit("k")));
    expect(results.filter((r) => r.success)).toHaveLength(10);
    expect(
      results
        .filter((r) => r.success)
        .map((r) => r.remaining)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("forgets keys whose counts have expired", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens: 3, windowSeconds: 60 },
      { now: clock.now },
    );
    for (let i = 0; i < 1_000; i += 1) await limiter.limit(`key-${i}`);
    expect(limiter.trackedKeys()).toBe(1_000);
    clock.set(T0 + WINDOW_MS + 1);
    await limiter.limit("fresh");
    // Counts of the previous window still weigh, so nothing may be forgotten yet.
    expect(limiter.trackedKeys()).toBe(1_001);
    clock.set(T0 + 2 * WINDOW_MS + 2);
    await limiter.limit("fresh");
    expect(limiter.trackedKeys()).toBe(1);
  });

  it("caps tracked keys, forgetting the least recently used", async () => {
    const clock = fakeClock();
    const limiter = createMemoryRateLimiter(
      { prefix: "t", tokens: 1, windowSeconds: 60 },
      { now: clock.now, maxKeys: 3 },
    );
    await limiter.limit("a");
    await limiter.limit("b");
    await limiter.limit("c");
    await limiter.limit("a"); // refused, but touches "a"
    await limiter.limit("d"); // evicts "b"
    expect(limiter.trackedKeys()).toBe(3);
    expect((await limiter.limit("a")).success).toBe(false);
    expect((await limiter.limit("b")).success).toBe(true);
  });

  it.each([
    { prefix: "", tokens: 1, windowSeconds: 60 },
    { prefix: "p", tokens: 0, windowSeconds: 60 },
    { prefix: "p", tokens: 1.5, windowSeconds: 60 },
    { prefix: "p", tokens: 1, windowSeconds: 0 },
    { prefix: "p", tokens: 1, windowSeconds: 0.0001 },
  ])("rejects the configuration %o", (config) => {
    expect(() => createMemoryRateLimiter(config)).toThrow();
  });
});

describe("slidingWindowAttempt", () => {
  it("weighs the previous window by its remaining overlap, rounded down", () => {
    const stored = { window: Math.floor(T0 / WINDOW_MS) - 1, current: 9, previous: 0 };
    // 25 % into the window: floor(0.75 * 9) = 6 used by the previous window, +1 now.
    const { counts, result } = slidingWindowAttempt(stored, T0 + 15_000, 10, WINDOW_MS);
    expect(counts).toEqual({ window: Math.floor(T0 / WINDOW_MS), current: 1, previous: 9 });
    expect(result).toEqual({ success: true, limit: 10, remaining: 3, resetAt: T0 + WINDOW_MS });
  });
});
