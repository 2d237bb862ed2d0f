import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis as UpstashRedis } from "@upstash/redis";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RateLimiter, RateLimitResult } from "./limiter";
import { createUpstashRateLimiter } from "./upstash";

const config = { prefix: "test:fallback", tokens: 3, windowSeconds: 60 };
const fallbackAnswer: RateLimitResult = { success: false, limit: 3, remaining: 0, resetAt: 42 };

function recordingFallback(): RateLimiter & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    async limit(key) {
      keys.push(key);
      return fallbackAnswer;
    },
  };
}

let silentServer: Server | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  const server = silentServer;
  silentServer = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe("Upstash limiter when Redis misbehaves", () => {
  it("asks the fallback when Redis cannot be reached, and warns", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // Port 9 (discard) is closed on a normal machine: the connection is refused at once.
    const redis = new UpstashRedis({
      url: "http://127.0.0.1:9",
      token: "t",
      retry: false,
      enableTelemetry: false,
    });
    const fallback = recordingFallback();
    const limiter = createUpstashRateLimiter({ config, redis, fallback });
    expect(await limiter.limit("user-1")).toEqual(fallbackAnswer);
    expect(await limiter.limit("user-2")).toEqual(fallbackAnswer);
    expect(fallback.keys).toEqual(["user-1", "user-2"]);
    // Warned once, not on every attempt.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('"test:fallback": Redis unavailable');
  });

  it("asks the fallback when Redis does not answer in time, instead of allowing", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const server = createServer(() => {
      // Never answers.
    });
    silentServer = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const redis = new UpstashRedis({
      url: `http://127.0.0.1:${port}`,
      token: "t",
      retry: false,
      enableTelemetry: false,
    });
    const fallback = recordingFallback();
    const limiter = createUpstashRateLimiter({ config, redis, fallback, timeoutMs: 100 });
    const startedAt = performance.now();
    expect(await limiter.limit("user-1")).toEqual(fallbackAnswer);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(fallback.keys).toEqual(["user-1"]);
  });
});
