import { randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "ioredis";
import { afterAll, expect, it } from "vitest";
import { createNativeRedis } from "@/lib/redis/client.server";
import { createNativeRequester } from "./native-requester";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";

const redisAvailability = await probeRedis();
const PREFIX = `test:native-requester:${randomUUID()}`;
const key = (name: string) => `${PREFIX}:${name}`;

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
    const requester = createNativeRequester(direct);
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
