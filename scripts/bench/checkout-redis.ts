import { createNativeRedis, createRestRedis } from "@/lib/redis/client.server";
import { invalidateGate } from "@/lib/redis/stock-gate.server";
import { startGate } from "./gate";

/** The Redis the server is given (or none), and how to clear the sale's stock-gate count. */
export type ServerRedis = {
  label: "none" | "native (--redis)" | "proxy (--redis --redis-rest)" | "UPSTASH_REDIS_REST_URL";
  /** Environment for the server: REDIS_URL or both Upstash variables; the others removed. */
  env: {
    REDIS_URL: string | undefined;
    UPSTASH_REDIS_REST_URL: string | undefined;
    UPSTASH_REDIS_REST_TOKEN: string | undefined;
  };
  /** Drops the SKUs' stock-gate counts, so the server reads them from the database again. */
  clearGate: (skuIds: readonly string[]) => Promise<void>;
  close: () => Promise<void>;
};

const NO_REDIS = {
  REDIS_URL: undefined,
  UPSTASH_REDIS_REST_URL: undefined,
  UPSTASH_REDIS_REST_TOKEN: undefined,
};

/**
 * With `--redis`, gives the server `redisUrl` over Redis's own protocol (REDIS_URL), or with
 * `--redis-rest` starts the Upstash-protocol proxy in front of it; otherwise passes
 * `UPSTASH_REDIS_REST_URL`/`_TOKEN` through when both are set, or runs without Redis. Rate-limit
 * counts need no clearing: every run's accounts (the limits' keys) are new.
 */
export async function redisForServer(options: {
  redis: boolean;
  redisRest: boolean;
  redisUrl: string;
}): Promise<ServerRedis> {
  if (options.redis && !options.redisRest) {
    const native = createNativeRedis(options.redisUrl);
    try {
      await native.redis.ping();
    } catch (error) {
      await native.close();
      throw new Error(`--redis: Redis at ${options.redisUrl} did not answer (${String(error)})`);
    }
    return {
      label: "native (--redis)",
      env: { ...NO_REDIS, REDIS_URL: options.redisUrl },
      clearGate: (skuIds) => invalidateGate(native.redis, skuIds),
      close: () => native.close(),
    };
  }
  if (options.redis) {
    const gate = await startGate(options.redisUrl);
    if ("unavailable" in gate)
      throw new Error(`--redis: Redis at ${options.redisUrl} did not answer (${gate.unavailable})`);
    return {
      label: "proxy (--redis --redis-rest)",
      env: {
        ...NO_REDIS,
        UPSTASH_REDIS_REST_URL: gate.proxyUrl,
        UPSTASH_REDIS_REST_TOKEN: gate.token,
      },
      clearGate: (skuIds) => invalidateGate(gate.redis, skuIds),
      close: () => gate.close(),
    };
  }
  const url = process.env.UPSTASH_REDIS_REST_URL;
  const token = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (url && token) {
    const redis = createRestRedis({ url, token });
    return {
      label: "UPSTASH_REDIS_REST_URL",
      env: { ...NO_REDIS, UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token },
      clearGate: (skuIds) => invalidateGate(redis, skuIds),
      close: async () => {},
    };
  }
  return {
    label: "none",
    env: NO_REDIS,
    clearGate: async () => {},
    close: async () => {},
  };
}
