import { randomUUID } from "node:crypto";
import type { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { createNativeRedis, createRestRedis } from "@/lib/redis/client.server";
import { stockGateKey } from "@/lib/redis/stock-gate";
import { startUpstashProxy, type UpstashProxy } from "@/scripts/upstash-proxy/server";

// Test support: the stock gate on the machine's Redis, through the Upstash-protocol proxy, as
// the app would reach Upstash ("rest"), or over Redis's own protocol, as the app does with
// REDIS_URL ("native"); plus a direct connection to look at and change the counts.

export type TestGate = {
  /** What reserveStockFast is given. */
  redis: UpstashRedis;
  direct: Redis;
  /** A channel's count for a SKU, or null when there is none. */
  count: (skuId: string, channelId: string) => Promise<number | null>;
  /** Sets a count by hand, as a stale or drifted one would be. */
  setCount: (skuId: string, channelId: string, units: number) => Promise<void>;
  /** A client of the same kind on a port where nothing listens: Redis down. */
  down: () => UpstashRedis;
  /** Remembers SKUs whose counts are deleted after the file's tests. */
  track: (skuIds: readonly string[]) => void;
};

/** Connects (through the proxy for "rest") before the file's tests and removes the counts they left after them. */
export function useStockGate(
  redisUrl: string,
  transport: "rest" | "native" = "rest",
): () => TestGate {
  let proxy: UpstashProxy | undefined;
  let native: ReturnType<typeof createNativeRedis> | undefined;
  let downNative: ReturnType<typeof createNativeRedis> | undefined;
  let gate: TestGate | undefined;
  const tracked = new Set<string>();
  beforeAll(async () => {
    let redis: UpstashRedis;
    if (transport === "native") {
      native = createNativeRedis(redisUrl);
      redis = native.redis;
    } else {
      const token = randomUUID();
      proxy = await startUpstashProxy({ redisUrl, token, port: 0 });
      redis = createRestRedis({ url: proxy.url, token });
    }
    const direct = new Redis(redisUrl, { lazyConnect: true });
    await direct.connect();
    gate = {
      redis,
      direct,
      count: async (skuId, channelId) => {
        const value = await direct.hget(stockGateKey(skuId), channelId);
        return value === null ? null : Number(value);
      },
      setCount: async (skuId, channelId, units) => {
        await direct.hset(stockGateKey(skuId), channelId, String(units));
      },
      // Port 9 (discard) is closed on a normal machine: the connection is refused at once.
      down: () => {
        if (transport === "rest") return createRestRedis({ url: "http://127.0.0.1:9", token: "t" });
        downNative ??= createNativeRedis("redis://127.0.0.1:9");
        return downNative.redis;
      },
      track: (skuIds) => skuIds.forEach((id) => tracked.add(id)),
    };
  });
  afterAll(async () => {
    if (gate) {
      const keys = [...tracked].map(stockGateKey);
      if (keys.length > 0) await gate.direct.del(...keys);
      await gate.direct.quit();
    }
    await proxy?.close();
    await native?.close();
    await downNative?.close();
  });
  return () => {
    if (!gate) throw new Error("stock gate not started yet");
    return gate;
  };
}
