import { randomBytes } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { createRestRedis } from "@/lib/redis/client.server";
import { startUpstashProxy, type UpstashProxy } from "@/scripts/upstash-proxy/server";

/** The fast path's Redis for the run: an Upstash client through a local protocol proxy. */
export type BenchGate = {
  redis: Redis;
  proxyUrl: string;
  /** The bearer token the proxy expects (for a server given the proxy's address). */
  token: string;
  close: () => Promise<void>;
};

/** Starts the proxy in front of `redisUrl`; null (with the reason) when Redis does not answer. */
export async function startGate(redisUrl: string): Promise<BenchGate | { unavailable: string }> {
  const token = randomBytes(24).toString("base64url");
  let proxy: UpstashProxy;
  try {
    proxy = await startUpstashProxy({ redisUrl, token, port: 0 });
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
  const redis = createRestRedis({ url: proxy.url, token });
  return { redis, proxyUrl: proxy.url, token, close: () => proxy.close() };
}
