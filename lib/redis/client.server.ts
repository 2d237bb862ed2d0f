import "server-only";
import { Redis } from "@upstash/redis";
import { env } from "@/lib/env";

/**
 * An Upstash client set up for the stock gate. It pipelines: calls made in the same tick travel
 * as one HTTP request, which under a flash sale turns dozens of requests into one. It does not
 * retry: a failed admit already falls back to the database, and a retried one could take units
 * twice.
 */
export function createStockGateRedis(connection: { url: string; token: string }): Redis {
  return new Redis({
    ...connection,
    enableTelemetry: false,
    enableAutoPipelining: true,
    retry: false,
  });
}

let gateRedis: Redis | null | undefined;

/**
 * The app's stock gate client, from `UPSTASH_REDIS_REST_URL`/`_TOKEN` (the rate limiters'
 * settings; a client of its own because of the pipelining), or null when Redis is not configured.
 */
export function getStockGateRedis(): Redis | null {
  if (gateRedis === undefined) {
    const url = env.UPSTASH_REDIS_REST_URL;
    const token = env.UPSTASH_REDIS_REST_TOKEN;
    gateRedis = url && token ? createStockGateRedis({ url, token }) : null;
  }
  return gateRedis;
}
