/**
 * The rate-limit contract shared by the Redis-backed and the in-process limiter.
 *
 * Both use the same sliding-window algorithm as `Ratelimit.slidingWindow` of
 * `@upstash/ratelimit`: the count of the current fixed window plus the count of the previous
 * window weighted by how much of it still overlaps the sliding window (rounded down).
 */

/** Outcome of one attempt. `resetAt` is when the current window ends (epoch milliseconds). */
export type RateLimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  resetAt: number;
};

/** Counts one attempt for `key` and says whether it is allowed. */
export interface RateLimiter {
  limit(key: string): Promise<RateLimitResult>;
}

/** `tokens` attempts per `windowSeconds`, per key; `prefix` names the limit (and its Redis keys). */
export type RateLimitConfig = {
  prefix: string;
  tokens: number;
  windowSeconds: number;
};

/** Throws when a configuration cannot describe a usable limit. */
export function assertValidRateLimitConfig(config: RateLimitConfig): void {
  if (config.prefix.trim() === "") {
    throw new Error("Rate limit prefix must not be empty");
  }
  if (!Number.isInteger(config.tokens) || config.tokens < 1) {
    throw new Error(
      `Rate limit "${config.prefix}": tokens must be a positive integer, got ${config.tokens}`,
    );
  }
  // Whole milliseconds keep window indexes identical in both implementations.
  if (!Number.isInteger(config.windowSeconds * 1000) || config.windowSeconds <= 0) {
    throw new Error(
      `Rate limit "${config.prefix}": windowSeconds must be positive whole milliseconds, got ${config.windowSeconds}`,
    );
  }
}

/** True when two configurations describe the same limit. */
export function sameRateLimitConfig(a: RateLimitConfig, b: RateLimitConfig): boolean {
  return a.prefix === b.prefix && a.tokens === b.tokens && a.windowSeconds === b.windowSeconds;
}

/** Whole seconds until a refused attempt may be tried again (at least 1). */
export function retryAfterSeconds(result: RateLimitResult, now: number = Date.now()): number {
  return Math.max(1, Math.ceil((result.resetAt - now) / 1000));
}
