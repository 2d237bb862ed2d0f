import "server-only";
import { Redis } from "@upstash/redis";
import { Redis as NativeRedis } from "ioredis";
import { env } from "@/lib/env";
import { createNativeRequester } from "./protocol/native-requester";

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

/** How long a command may wait for Redis before the caller falls back (limiter, gate). */
const NATIVE_COMMAND_TIMEOUT_MS = 1_000;

/**
 * The same client over Redis's own protocol (`redis://`, `rediss://`): one connection, commands
 * of a tick written together, no HTTP per call. Commands wait while it connects, fail after one
 * reconnect attempt while Redis is down and after a second when it hangs, so callers fall back
 * quickly; nothing is retried, for the stock gate's reason above.
 */
export function createNativeRedis(url: string): { redis: Redis; close: () => Promise<void> } {
  const connection = new NativeRedis(url, {
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    commandTimeout: NATIVE_COMMAND_TIMEOUT_MS,
    connectTimeout: NATIVE_COMMAND_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  // Failures reach the callers, which warn once a minute; the connection's own event would
  // otherwise print every reconnect attempt.
  connection.on("error", () => {});
  return {
    redis: new Redis(createNativeRequester(connection)),
    close: async () => {
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

let configured: Redis | null | undefined;

/**
 * The app's Redis (rate limits and the stock gate, shared by every server instance):
 * `REDIS_URL` over Redis's protocol, else `UPSTASH_REDIS_REST_URL`/`_TOKEN` over Upstash's REST
 * API, else null (in-process limits, the database alone decides reservations).
 */
export function getRedis(): Redis | null {
  if (configured === undefined) {
    const url = env.UPSTASH_REDIS_REST_URL;
    const token = env.UPSTASH_REDIS_REST_TOKEN;
    if (env.REDIS_URL) configured = createNativeRedis(env.REDIS_URL).redis;
    else configured = url && token ? createStockGateRedis({ url, token }) : null;
  }
  return configured;
}

/** The stock gate's client: the app's Redis. */
export function getStockGateRedis(): Redis | null {
  return getRedis();
}
