import { randomUUID } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "ioredis";
import { afterAll, expect, it, vi } from "vitest";
import { createNativeRedis } from "@/lib/redis/client.server";
import { createNativeRequester } from "./native-requester";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";

const redisAvailability = await probeRedis();
const PREFIX = `test:native-requester:${randomUUID()}`;
const key = (name: string) => `${PREFIX}:${name}`;

/** A TCP relay in front of Redis that can hold back Redis's replies and cut every connection. */
async function startRelay(target: URL) {
  let holding = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", end);
      socket.on("error", end);
    }
    client.pipe(upstream);
    upstream.on("data", (chunk: Buffer) => {
      if (!holding) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holdReplies: (on: boolean) => {
      holding = on;
    },
    cut: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describeWithRedis("@upstash/redis over Redis's own protocol", redisAvailability, () => {
  const { redis: client, close } = createNativeRedis(redisAvailability.url);
  const direct = new Redis(redisAvailability.url, { lazyConnect: true });

  afterAll(async () => {
    const keys = await direct.keys(`${PREFIX}:*`);
    if (keys.length > 0) await direct.del(...keys);
    await direct.quit();
    await close();
  });

  it("round-trips SET, GET, INCR and hashes as the REST client does", async () => {
    expect(await client.set(key("greeting"), "héllo ✓")).toBe("OK");
    expect(await client.get(key("greeting"))).toBe("héllo ✓");
    expect(await direct.get(key("greeting"))).toBe("héllo ✓");
    expect(await client.incrby(key("counter"), 42)).toBe(42);
    expect(await client.get(key("missing"))).toBeNull();
    await client.hset(key("hash"), { size: "M", stock: 7 });
    expect(await client.hgetall(key("hash"))).toEqual({ size: "M", stock: 7 });
  });

  it("answers a command Redis refuses with its error, and keeps serving", async () => {
    await direct.set(key("text"), "abc");
    await expect(client.incr(key("text"))).rejects.toThrow(/not an integer/);
    expect(await client.get(key("text"))).toBe("abc");
  });

  it("runs pipelines and MULTI/EXEC; a discarded transaction changes nothing", async () => {
    const results = await client.pipeline().set(key("p"), "1").incr(key("p")).get(key("p")).exec();
    expect(results).toEqual(["OK", 2, 2]);
    const kept = await client
      .pipeline()
      .incr(key("p"))
      .hget(key("p"), "f")
      .exec({ keepErrors: true });
    expect(kept[0]).toMatchObject({ result: 3, error: undefined });
    expect(kept[1]?.error).toBe(
      "WRONGTYPE Operation against a key holding the wrong kind of value",
    );
    expect(await client.multi().set(key("tx"), "10").decrby(key("tx"), 3).exec()).toEqual([
      "OK",
      7,
    ]);
    const requester = createNativeRequester(direct, { connectWaitMs: 1_000 });
    await expect(
      requester.request({
        path: ["multi-exec"],
        body: [
          ["incr", key("tx")],
          ["set", key("tx")],
        ],
      }),
    ).rejects.toThrow(/EXECABORT/);
    expect(await direct.get(key("tx"))).toBe("7");
  });

  it("gives RESP2's shapes, as Upstash does: flat WITHSCORES arrays, a Lua false as nil", async () => {
    await client.zadd(key("z"), { score: 2, member: "b" }, { score: 1, member: "a" });
    expect(await client.zrange(key("z"), 0, -1, { withScores: true })).toEqual(["a", 1, "b", 2]);
    expect(await client.eval("return false", [], [])).toBeNull();
  });

  it("waits for the first connection instead of refusing the first commands", async () => {
    const fresh = createNativeRedis(redisAvailability.url);
    try {
      expect(await fresh.redis.set(key("first"), "1")).toBe("OK");
    } finally {
      await fresh.close();
    }
  });

  it("never sends a command twice: one whose reply was lost fails, and Redis ran it once", async () => {
    const relay = await startRelay(new URL(redisAvailability.url));
    const native = createNativeRedis(relay.url, { name: "onepool-test-relay" });
    try {
      expect(await native.redis.set(key("once"), "0")).toBe("OK");
      relay.holdReplies(true);
      const lost = native.redis.incr(key("once"));
      await vi.waitFor(async () => expect(await direct.get(key("once"))).toBe("1"));
      relay.cut();
      relay.holdReplies(false);
      await expect(lost).rejects.toThrow();
      // Reconnected: commands run again, and the lost one was not sent a second time.
      await vi.waitFor(async () => expect(await native.redis.get(key("once"))).toBe(1), {
        timeout: 5_000,
      });
      expect(await direct.get(key("once"))).toBe("1");
    } finally {
      await native.close();
      await relay.close();
    }
  });

  it("runs scripts with the allow-key-locking flag Redis 7.0 refuses, and @upstash/ratelimit", async () => {
    const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
    expect(await client.eval(script, [key("lua")], [5])).toBe(5);
    const sha = await client.scriptLoad(script);
    expect(await client.evalsha(sha, [key("lua")], [2])).toBe(7);
    await expect(client.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
    const ratelimit = new Ratelimit({
      redis: client,
      prefix: key("limit"),
      limiter: Ratelimit.slidingWindow(2, "60 s"),
      analytics: false,
      enableTelemetry: false,
    });
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push((await ratelimit.limit("user")).success);
    expect(outcomes).toEqual([true, true, false]);
  });
});

it("fails a command within seconds when Redis cannot be reached, instead of waiting for it", async () => {
  const { redis, close } = createNativeRedis("redis://127.0.0.1:9");
  const started = Date.now();
  await expect(redis.get("anything")).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(3_000);
  await close();
});
