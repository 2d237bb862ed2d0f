import { randomUUID } from "node:crypto";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { startUpstashProxy, type UpstashProxy } from "@/scripts/upstash-proxy/server";
import type { RateLimitConfig, RateLimiter } from "./limiter";
import { createMemoryRateLimiter } from "./memory";
import { createUpstashRateLimiter } from "./upstash";
import { createNativeRedis } from "@/lib/redis/client.server";

/** The behaviour both limiters promise; run against each implementation below. */
type LimiterFactory = (config: RateLimitConfig) => RateLimiter;

const WINDOW_MS = 60_000;
const RUN_PREFIX = `test:ratelimit:${randomUUID()}`;
let limitsCreated = 0;

function uniqueConfig(tokens: number): RateLimitConfig {
  limitsCreated += 1;
  return { prefix: `${RUN_PREFIX}:${limitsCreated}`, tokens, windowSeconds: WINDOW_MS / 1000 };
}

function describeContract(factory: () => LimiterFactory): void {
  // Both limiters read Date.now(), as @upstash/ratelimit does; only Date is faked, so timers,
  // sockets and HTTP keep working.
  let windowStart = 0;
  beforeEach(() => {
    windowStart = (Math.floor(Date.now() / WINDOW_MS) + 1) * WINDOW_MS;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(windowStart);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("allows `tokens` attempts, refuses the next, with exact remaining counts", async () => {
    const limiter = factory()(uniqueConfig(5));
    const results = [];
    for (let i = 0; i < 7; i += 1) results.push(await limiter.limit("user-1"));
    expect(results.map(({ success, remaining }) => [success, remaining])).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(results.every((r) => r.limit === 5 && r.resetAt === windowStart + WINDOW_MS)).toBe(true);
  });

  it("rolls over windows with the previous window weighted by its overlap", async () => {
    const limiter = factory()(uniqueConfig(5));
    for (let i = 0; i < 6; i += 1) await limiter.limit("user-1");
    const steps = [
      // at (ms after the first window start), expected [success, remaining] for successive attempts
      { at: WINDOW_MS, expected: [[false, 0]] },
      {
        at: WINDOW_MS + 30_000,
        expected: [
          [true, 2],
          [true, 1],
          [true, 0],
          [false, 0],
        ],
      },
      {
        at: WINDOW_MS + 54_000,
        expected: [
          [true, 1],
          [true, 0],
          [false, 0],
        ],
      },
      { at: 3 * WINDOW_MS, expected: [[true, 4]] },
    ];
    for (const step of steps) {
      vi.setSystemTime(windowStart + step.at);
      const seen = [];
      for (let i = 0; i < step.expected.length; i += 1) {
        const { success, remaining, resetAt } = await limiter.limit("user-1");
        expect(resetAt).toBe((Math.floor((windowStart + step.at) / WINDOW_MS) + 1) * WINDOW_MS);
        seen.push([success, remaining]);
      }
      expect({ at: step.at, seen }).toEqual({ at: step.at, seen: step.expected });
    }
  });

  it("keeps keys independent", async () => {
    const limiter = factory()(uniqueConfig(2));
    expect((await limiter.limit("alice")).remaining).toBe(1);
    expect((await limiter.limit("alice")).remaining).toBe(0);
    expect((await limiter.limit("alice")).success).toBe(false);
    expect(await limiter.limit("bob")).toMatchObject({ success: true, remaining: 1 });
  });

  it("keeps limits with different prefixes independent", async () => {
    const make = factory();
    const first = make(uniqueConfig(1));
    const second = make(uniqueConfig(1));
    expect((await first.limit("k")).success).toBe(true);
    expect((await first.limit("k")).success).toBe(false);
    expect((await second.limit("k")).success).toBe(true);
  });

  it("allows exactly `tokens` of 50 concurrent attempts on one key", async () => {
    const limiter = factory()(uniqueConfig(10));
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.limit("hot")));
    const allowed = results.filter((r) => r.success);
    expect(allowed).toHaveLength(10);
    expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });
}

describe("rate limiter contract: in-process", () => {
  describeContract(() => (config) => createMemoryRateLimiter(config));
});

const redisAvailability = await probeRedis();

// Any answer from the fallback would mean the Redis path failed and the test proves nothing.
const refusingFallback: RateLimiter = {
  limit: (key) => Promise.reject(new Error(`fallback used for "${key}": the Redis path failed`)),
};

async function deleteRunKeys(): Promise<void> {
  const direct = new Redis(redisAvailability.url);
  const keys = await direct.keys(`${RUN_PREFIX}:*`);
  if (keys.length > 0) await direct.del(...keys);
  await direct.quit();
}

describeWithRedis(
  "rate limiter contract: Upstash through the local proxy",
  redisAvailability,
  () => {
    const token = randomUUID();
    let proxy: UpstashProxy | undefined;
    let redis: UpstashRedis | undefined;
    beforeAll(async () => {
      proxy = await startUpstashProxy({ redisUrl: redisAvailability.url, token, port: 0 });
      redis = new UpstashRedis({ url: proxy.url, token, enableTelemetry: false });
    });

    afterAll(async () => {
      await deleteRunKeys();
      await proxy?.close();
    });

    describeContract(() => (config) => {
      if (!redis) throw new Error("proxy not started");
      return createUpstashRateLimiter({ config, redis, fallback: refusingFallback });
    });
  },
);

describeWithRedis("rate limiter contract: Redis over its own protocol", redisAvailability, () => {
  const native = createNativeRedis(redisAvailability.url);

  afterAll(async () => {
    await deleteRunKeys();
    await native.close();
  });

  describeContract(
    () => (config) =>
      createUpstashRateLimiter({ config, redis: native.redis, fallback: refusingFallback }),
  );
});
