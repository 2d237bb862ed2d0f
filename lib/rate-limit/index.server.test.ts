import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { startUpstashProxy, type UpstashProxy } from "@/scripts/upstash-proxy/server";

/** Imports fresh copies of the modules so they read the environment stubbed by the test. */
async function freshRateLimitModule() {
  vi.resetModules();
  const { getRedis } = await import("@/lib/redis/client.server");
  return { ...(await import("./index.server")), getRedis };
}

afterEach(async () => {
  vi.unstubAllEnvs();
  // The native connection a test opened through getRedis(), if any.
  await (await import("@/lib/redis/client.server")).closeRedis();
});

describe("getRateLimiter without Redis configured", () => {
  it("uses the in-process limiter with the sign-in setting from the environment", async () => {
    vi.stubEnv("REDIS_URL", undefined);
    vi.stubEnv("UPSTASH_REDIS_REST_URL", undefined);
    vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", undefined);
    vi.stubEnv("SIGNIN_ATTEMPTS_PER_MINUTE", "3");
    const rateLimit = await freshRateLimitModule();
    expect(rateLimit.getRedis()).toBeNull();
    const attempts = [];
    for (let i = 0; i < 4; i += 1)
      attempts.push(await rateLimit.signInLimiter().limit("a@example.com|203.0.113.7"));
    expect(attempts.map((r) => [r.success, r.remaining, r.limit])).toEqual([
      [true, 2, 3],
      [true, 1, 3],
      [true, 0, 3],
      [false, 0, 3],
    ]);
  });

  it("returns one limiter per prefix and refuses a prefix reused with another configuration", async () => {
    vi.stubEnv("REDIS_URL", undefined);
    vi.stubEnv("UPSTASH_REDIS_REST_URL", undefined);
    const rateLimit = await freshRateLimitModule();
    expect(rateLimit.checkoutLimiter()).toBe(rateLimit.checkoutLimiter());
    const config = { prefix: "test:prefix", tokens: 2, windowSeconds: 10 };
    expect(rateLimit.getRateLimiter(config)).toBe(rateLimit.getRateLimiter({ ...config }));
    expect(() => rateLimit.getRateLimiter({ ...config, tokens: 3 })).toThrow(
      /different configuration/,
    );
  });
});

const redisAvailability = await probeRedis();

describeWithRedis("getRateLimiter with Redis configured", redisAvailability, () => {
  const token = randomUUID();
  const prefix = `test:ratelimit-env:${randomUUID()}`;
  let proxy: UpstashProxy | undefined;
  const direct = new Redis(redisAvailability.url, { lazyConnect: true });

  beforeAll(async () => {
    proxy = await startUpstashProxy({ redisUrl: redisAvailability.url, token, port: 0 });
  });

  afterAll(async () => {
    const keys = await direct.keys(`${prefix}:*`);
    if (keys.length > 0) await direct.del(...keys);
    await direct.quit();
    await proxy?.close();
  });

  it("keeps the counts in Redis", async () => {
    vi.stubEnv("REDIS_URL", undefined);
    vi.stubEnv("UPSTASH_REDIS_REST_URL", proxy?.url);
    vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", token);
    const rateLimit = await freshRateLimitModule();
    expect(rateLimit.getRedis()).not.toBeNull();
    const limiter = rateLimit.getRateLimiter({ prefix, tokens: 2, windowSeconds: 60 });
    expect(await limiter.limit("user-1")).toMatchObject({ success: true, remaining: 1, limit: 2 });
    // One counter per window, named `<prefix>:<key>:<window number>`.
    const keys = await direct.keys(`${prefix}:user-1:*`);
    expect(keys).toHaveLength(1);
    expect(await direct.get(keys[0] ?? "")).toBe("1");
  });

  it("keeps the counts in Redis over its own protocol when REDIS_URL is set, ahead of REST", async () => {
    vi.stubEnv("REDIS_URL", redisAvailability.url);
    vi.stubEnv("UPSTASH_REDIS_REST_URL", "http://127.0.0.1:9");
    vi.stubEnv("UPSTASH_REDIS_REST_TOKEN", token);
    const rateLimit = await freshRateLimitModule();
    const limiter = rateLimit.getRateLimiter({ prefix, tokens: 2, windowSeconds: 60 });
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await limiter.limit("user-2"));
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    const keys = await direct.keys(`${prefix}:user-2:*`);
    expect(keys).toHaveLength(1);
    expect(await direct.get(keys[0] ?? "")).toBe("2");
  });
});
