import { createStockGateRedis } from "@/lib/redis/client.server";
import { invalidateGate } from "@/lib/redis/stock-gate.server";
import { startGate } from "./gate";

/** The Redis the server is given (or none), and how to clear the sale's stock-gate count. */
export type ServerRedis = {
  label: "none" | "proxy (--redis)" | "UPSTASH_REDIS_REST_URL";
  /** Environment for the server: both Upstash variables, or both removed. */
  env: { UPSTASH_REDIS_REST_URL: string | undefined; UPSTASH_REDIS_REST_TOKEN: string | undefined };
  /** Drops the SKUs' stock-gate counts, so the server reads them from the database again. */
  clearGate: (skuIds: readonly string[]) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * With `--redis`, starts the Upstash-protocol proxy in front of `redisUrl`; otherwise passes
 * `UPSTASH_REDIS_REST_URL`/`_TOKEN` through when both are set, or runs without Redis. Rate-limit
 * counts need no clearing: every run's accounts (the limits' keys) are new.
 */
export async function redisForServer(options: {
  redis: boolean;
  redisUrl: string;
}): Promise<ServerRedis> {
  if (options.redis) {
    const gate = await startGate(options.redisUrl);
    if ("unavailable" in gate)
      throw new Error(`--redis: Redis at ${options.redisUrl} did not answer (${gate.unavailable})`);
    return {
      label: "proxy (--redis)",
      env: { UPSTASH_REDIS_REST_URL: gate.proxyUrl, UPSTASH_REDIS_REST_TOKEN: gate.token },
      clearGate: (skuIds) => invalidateGate(gate.redis, skuIds),
      close: () => gate.close(),
    };
  }
  const url = process.env.UPSTASH_REDIS_REST_URL;
  const token = process.env.UPSTASH_REDIS_REST_TOKEN;
  if (url && token) {
    const redis = createStockGateRedis({ url, token });
    return {
      label: "UPSTASH_REDIS_REST_URL",
      env: { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token },
      clearGate: (skuIds) => invalidateGate(redis, skuIds),
      close: async () => {},
    };
  }
  return {
    label: "none",
    env: { UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined },
    clearGate: async () => {},
    close: async () => {},
  };
}
