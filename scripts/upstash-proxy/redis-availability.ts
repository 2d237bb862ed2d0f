import { Redis } from "ioredis";
import { describe, it } from "vitest";

/** Whether the Redis that integration tests use answers, and why not when it does not. */
export type RedisAvailability =
  { url: string; available: true } | { url: string; available: false; reason: string };

/**
 * The Redis used by integration tests: `TEST_REDIS_URL`, else the local default. Not `REDIS_URL`,
 * which is the app's own setting: tests that mean to use Redis pass it explicitly.
 */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}

/** Pings Redis once, without retrying, and reports whether it answered. */
export async function probeRedis(url = testRedisUrl()): Promise<RedisAvailability> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The failure is reported through the result; without a listener ioredis would print it as
  // unhandled. The event carries the cause (ECONNREFUSED…), the rejection only "Connection is closed".
  let connectionError: string | undefined;
  redis.on("error", (error: Error) => {
    connectionError = error.message;
  });
  try {
    await redis.connect();
    await redis.ping();
    return { url, available: true };
  } catch (error) {
    return {
      url,
      available: false,
      reason: connectionError ?? (error instanceof Error ? error.message : String(error)),
    };
  } finally {
    redis.disconnect();
  }
}

/**
 * `describe` for tests that need Redis. When Redis is absent they fail in CI (where it must be
 * running) and are skipped with a warning elsewhere, so a missing Redis never passes silently.
 */
export function describeWithRedis(
  name: string,
  availability: RedisAvailability,
  body: () => void,
): void {
  if (availability.available) {
    describe(name, body);
    return;
  }
  const message =
    `Redis at ${availability.url} is not reachable (${availability.reason}). ` +
    "Start redis-server, or point TEST_REDIS_URL at a reachable Redis.";
  if (process.env.CI) {
    describe(name, () => {
      it("needs a reachable Redis", () => {
        throw new Error(`${message} Redis is required when CI is set.`);
      });
    });
    return;
  }
  console.warn(`[skipped] ${name}: ${message}`);
  describe.skip(name, body);
}
