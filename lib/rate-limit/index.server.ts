import "server-only";
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis/client.server";
import { sameRateLimitConfig, type RateLimitConfig, type RateLimiter } from "./limiter";
import { createMemoryRateLimiter } from "./memory";
import { createUpstashRateLimiter } from "./upstash";

export type { RateLimitConfig, RateLimiter, RateLimitResult } from "./limiter";

/** Checkout attempts allowed per minute per key. */
export const CHECKOUT_ATTEMPTS_PER_MINUTE = 20;

type RegisteredLimiter = { config: RateLimitConfig; limiter: RateLimiter };

// One limiter per prefix: in-process counts must be shared by every caller of the same limit.
const limitersByPrefix = new Map<string, RegisteredLimiter>();
function createRateLimiter(config: RateLimitConfig): RateLimiter {
  const inProcess = createMemoryRateLimiter(config);
  const redis = getRedis();
  return redis ? createUpstashRateLimiter({ config, redis, fallback: inProcess }) : inProcess;
}

/** The limiter for `config.prefix`: Redis-backed when Redis is configured, else in-process. */
export function getRateLimiter(config: RateLimitConfig): RateLimiter {
  const registered = limitersByPrefix.get(config.prefix);
  if (registered) {
    if (!sameRateLimitConfig(registered.config, config)) {
      throw new Error(
        `Rate limit prefix "${config.prefix}" is already used with a different configuration`,
      );
    }
    return registered.limiter;
  }
  const limiter = createRateLimiter(config);
  limitersByPrefix.set(config.prefix, { config: { ...config }, limiter });
  return limiter;
}

/** Sign-in attempts: `SIGNIN_ATTEMPTS_PER_MINUTE` per key (callers combine account and address). */
export function signInLimiter(): RateLimiter {
  return getRateLimiter({
    prefix: "onepool:ratelimit:signin",
    tokens: env.SIGNIN_ATTEMPTS_PER_MINUTE,
    windowSeconds: 60,
  });
}

/** Checkout attempts: `CHECKOUT_ATTEMPTS_PER_MINUTE` per key. */
export function checkoutLimiter(): RateLimiter {
  return getRateLimiter({
    prefix: "onepool:ratelimit:checkout",
    tokens: CHECKOUT_ATTEMPTS_PER_MINUTE,
    windowSeconds: 60,
  });
}
