import {
  assertValidRateLimitConfig,
  type RateLimitConfig,
  type RateLimiter,
  type RateLimitResult,
} from "./limiter";

/** Current time in epoch milliseconds; injectable so tests control the clock. */
export type Clock = () => number;

/** An in-process limiter; `trackedKeys` exposes the memory bound for tests and diagnostics. */
export interface MemoryRateLimiter extends RateLimiter {
  trackedKeys(): number;
}

export type MemoryRateLimiterOptions = {
  now?: Clock;
  /** Hard cap on tracked keys; beyond it the least recently used key is forgotten. */
  maxKeys?: number;
};

/** Attempts counted in the window numbered `window` and in the window before it. */
export type WindowCounts = { window: number; current: number; previous: number };

const DEFAULT_MAX_KEYS = 10_000;

/** Counts of `stored` seen from window `window`: shifted by one window, or emptied when older. */
function countsAt(stored: WindowCounts | undefined, window: number): WindowCounts {
  if (stored?.window === window) return stored;
  if (stored?.window === window - 1) return { window, current: 0, previous: stored.current };
  return { window, current: 0, previous: 0 };
}

/**
 * Applies one attempt to `stored` at time `now`, exactly as `@upstash/ratelimit`'s
 * single-region sliding-window script does, and returns the new counts with the result.
 */
export function slidingWindowAttempt(
  stored: WindowCounts | undefined,
  now: number,
  tokens: number,
  windowMs: number,
): { counts: WindowCounts; result: RateLimitResult } {
  const window = Math.floor(now / windowMs);
  const counts = countsAt(stored, window);
  const weightedPrevious = Math.floor((1 - (now % windowMs) / windowMs) * counts.previous);
  const resetAt = (window + 1) * windowMs;
  if (weightedPrevious + counts.current >= tokens) {
    // A refused attempt is not counted, as in the Redis script.
    return { counts, result: { success: false, limit: tokens, remaining: 0, resetAt } };
  }
  const current = counts.current + 1;
  return {
    counts: { ...counts, current },
    result: {
      success: true,
      limit: tokens,
      remaining: tokens - (current + weightedPrevious),
      resetAt,
    },
  };
}

/** Creates a sliding-window limiter that keeps its counts in this process only. */
export function createMemoryRateLimiter(
  config: RateLimitConfig,
  options: MemoryRateLimiterOptions = {},
): MemoryRateLimiter {
  assertValidRateLimitConfig(config);
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const windowMs = config.windowSeconds * 1000;
  // Map order is insertion order; re-inserting on each attempt makes the first key the least recently used.
  const countsByKey = new Map<string, WindowCounts>();
  let lastSweepAt = Number.NEGATIVE_INFINITY;

  /** Forgets keys whose counts can no longer affect any attempt; runs at most once per window. */
  function sweepExpired(at: number): void {
    if (at - lastSweepAt < windowMs) return;
    lastSweepAt = at;
    const window = Math.floor(at / windowMs);
    for (const [key, counts] of countsByKey) {
      if (counts.window < window - 1) countsByKey.delete(key);
    }
  }

  function remember(key: string, counts: WindowCounts): void {
    countsByKey.delete(key);
    countsByKey.set(key, counts);
    if (countsByKey.size > maxKeys) {
      const oldest = countsByKey.keys().next();
      if (!oldest.done) countsByKey.delete(oldest.value);
    }
  }

  return {
    // Synchronous body: concurrent callers in this process cannot interleave between read and write.
    async limit(key: string): Promise<RateLimitResult> {
      const at = now();
      sweepExpired(at);
      const { counts, result } = slidingWindowAttempt(
        countsByKey.get(key),
        at,
        config.tokens,
        windowMs,
      );
      remember(key, counts);
      return result;
    },
    trackedKeys: () => countsByKey.size,
  };
}
