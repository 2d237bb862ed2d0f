import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import {
  assertValidRateLimitConfig,
  type RateLimitConfig,
  type RateLimiter,
  type RateLimitResult,
} from "./limiter";

export type UpstashRateLimiterOptions = {
  config: RateLimitConfig;
  redis: Redis;
  /** Answers while Redis is unreachable or slow, so an outage neither blocks nor opens sign-in. */
  fallback: RateLimiter;
  /** How long to wait for Redis before asking the fallback. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 1_000;
const WARNING_INTERVAL_MS = 60_000;

/** Creates a sliding-window limiter whose counts live in Redis, shared by every server instance. */
export function createUpstashRateLimiter(options: UpstashRateLimiterOptions): RateLimiter {
  const { config, redis, fallback } = options;
  assertValidRateLimitConfig(config);
  const ratelimit = new Ratelimit({
    redis,
    prefix: config.prefix,
    limiter: Ratelimit.slidingWindow(config.tokens, `${config.windowSeconds * 1000} ms`),
    // The ephemeral cache keeps refusing until the window ends even after the weighted count has
    // dropped, which would make this limiter stricter than the in-process one.
    ephemeralCache: false,
    // On timeout the library answers `success: true, limit: 0`; the `reason` check below turns
    // that into a fallback call instead.
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    analytics: false,
    enableTelemetry: false,
  });
  let lastWarningAt = Number.NEGATIVE_INFINITY;

  function warnThrottled(cause: unknown): void {
    const now = Date.now();
    if (now - lastWarningAt < WARNING_INTERVAL_MS) return;
    lastWarningAt = now;
    const detail = cause instanceof Error ? cause.message : String(cause);
    console.warn(
      `[rate-limit] "${config.prefix}": Redis unavailable, using the in-process limiter (${detail})`,
    );
  }

  return {
    async limit(key: string): Promise<RateLimitResult> {
      try {
        const response = await ratelimit.limit(key);
        if (response.reason === "timeout") {
          warnThrottled(new Error("timed out"));
          return fallback.limit(key);
        }
        return {
          success: response.success,
          limit: response.limit,
          remaining: response.remaining,
          resetAt: response.reset,
        };
      } catch (error) {
        warnThrottled(error);
        return fallback.limit(key);
      }
    },
  };
}
