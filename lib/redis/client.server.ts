import "server-only";
import { Redis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { AT_MOST_ONCE } from "./protocol/connection-options";
import { env } from "@/lib/env";
import { createNativeRequester } from "./protocol/native-requester";

/**
 * An Upstash client over its REST API (rate limits and the stock gate). It pipelines: calls made
 * in the same tick travel as one HTTP request, which under a flash sale turns dozens of requests
 * into one. It does not retry: a failed admit already falls back to the database, and a retried
 * one could take units twice.
 */
export function createRestRedis(connection: { url: string; token: string }): Redis {
  return new Redis({
    ...connection,
    enableTelemetry: false,
    enableAutoPipelining: true,
    retry: false,
  });
}

/** How long a command may wait for Redis, or for the first connection, before the caller falls back. */
const NATIVE_TIMEOUT_MS = 1_000;

export type NativeRedis = {
  redis: Redis;
  /** Closes the connection (scripts, tests). */
  close: () => Promise<void>;
};

/**
 * The same client over Redis's own protocol (`redis://`, `rediss://`): one connection, no HTTP per
 * call. A command is written at most once and only to an open connection (AT_MOST_ONCE): while
 * Redis is down or reconnecting it is refused at once and the caller falls back (in-process
 * limits, the database alone); a command Redis does not answer fails after a second.
 */
export function createNativeRedis(url: string, options: { name?: string } = {}): NativeRedis {
  const connection = new IORedis(url, {
    ...AT_MOST_ONCE,
    connectionName: options.name ?? "onepool",
    commandTimeout: NATIVE_TIMEOUT_MS,
    connectTimeout: NATIVE_TIMEOUT_MS,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  // Failures reach the callers, which warn once a minute; the connection's own event would
  // otherwise print every reconnect attempt.
  connection.on("error", () => {});
  return {
    redis: new Redis(createNativeRequester(connection, { connectWaitMs: NATIVE_TIMEOUT_MS })),
    close: async () => {
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

let configured: { redis: Redis | null; close: () => Promise<void> } | undefined;

/**
 * The app's Redis (rate limits and the stock gate, shared by every server instance):
 * `REDIS_URL` over Redis's protocol, else `UPSTASH_REDIS_REST_URL`/`_TOKEN` over Upstash's REST
 * API, else null (in-process limits, the database alone decides reservations).
 */
export function getRedis(): Redis | null {
  if (configured === undefined) {
    const url = env.UPSTASH_REDIS_REST_URL;
    const token = env.UPSTASH_REDIS_REST_TOKEN;
    if (env.REDIS_URL) configured = createNativeRedis(env.REDIS_URL);
    else
      configured = {
        redis: url && token ? createRestRedis({ url, token }) : null,
        close: async () => {},
      };
  }
  return configured.redis;
}

/** Closes the app's Redis connection, if one is open; the next getRedis() opens it again. */
export async function closeRedis(): Promise<void> {
  const open = configured;
  configured = undefined;
  await open?.close();
}
