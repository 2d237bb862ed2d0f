import { randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithRedis, probeRedis } from "./redis-availability";
import { startUpstashProxy, type UpstashProxy } from "./server";

const redisAvailability = await probeRedis();
const TOKEN = randomUUID();
const PREFIX = `test:upstash-proxy:${randomUUID()}`;
const key = (name: string) => `${PREFIX}:${name}`;

describeWithRedis("Upstash-protocol proxy", redisAvailability, () => {
  let proxy: UpstashProxy;
  let client: UpstashRedis;
  const direct = new Redis(redisAvailability.url, { lazyConnect: true });

  /** Sends a raw request, to check the wire format rather than what the client library makes of it. */
  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${proxy.url}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  beforeAll(async () => {
    proxy = await startUpstashProxy({ redisUrl: redisAvailability.url, token: TOKEN, port: 0 });
    client = new UpstashRedis({ url: proxy.url, token: TOKEN, enableTelemetry: false });
  });

  afterAll(async () => {
    const keys = await direct.keys(`${PREFIX}:*`);
    if (keys.length > 0) await direct.del(...keys);
    await direct.quit();
    await proxy.close();
  });

  it("round-trips SET, GET and INCR through @upstash/redis", async () => {
    expect(await client.set(key("greeting"), "héllo ✓")).toBe("OK");
    expect(await client.get(key("greeting"))).toBe("héllo ✓");
    expect(await direct.get(key("greeting"))).toBe("héllo ✓");
    expect(await client.incr(key("counter"))).toBe(1);
    expect(await client.incrby(key("counter"), 41)).toBe(42);
    expect(await client.get(key("missing"))).toBeNull();
  });

  it("answers in base64 only when the client asks for it", async () => {
    await direct.set(key("plain"), "héllo");
    expect(await post("/", ["get", key("plain")])).toEqual({
      status: 200,
      body: { result: "héllo" },
    });
    expect(await post("/", ["get", key("plain")], { "Upstash-Encoding": "base64" })).toEqual({
      status: 200,
      body: { result: Buffer.from("héllo").toString("base64") },
    });
    const plainClient = new UpstashRedis({
      url: proxy.url,
      token: TOKEN,
      responseEncoding: false,
      enableTelemetry: false,
    });
    expect(await plainClient.get(key("plain"))).toBe("héllo");
  });

  it("returns hashes as Redis's flat arrays, which the client turns into objects", async () => {
    await client.hset(key("hash"), { size: "M", stock: 7 });
    expect(await post("/", ["hgetall", key("hash")])).toEqual({
      status: 200,
      body: { result: ["size", "M", "stock", "7"] },
    });
    expect(await client.hgetall(key("hash"))).toEqual({ size: "M", stock: 7 });
  });

  it("runs a pipeline, each command settling on its own", async () => {
    const results = await client.pipeline().set(key("p"), "1").incr(key("p")).get(key("p")).exec();
    expect(results).toEqual(["OK", 2, 2]);
    expect(
      await post("/pipeline", [
        ["incr", key("p")],
        ["hget", key("p"), "f"],
        ["get", key("p")],
      ]),
    ).toEqual({
      status: 200,
      body: [
        { result: 3 },
        { error: "WRONGTYPE Operation against a key holding the wrong kind of value" },
        { result: "3" },
      ],
    });
  });

  it("runs MULTI/EXEC atomically and refuses a transaction Redis discards", async () => {
    const results = await client
      .multi()
      .set(key("tx"), "10")
      .decrby(key("tx"), 3)
      .get(key("tx"))
      .exec();
    expect(results).toEqual(["OK", 7, 7]);
    const discarded = await post("/multi-exec", [
      ["incr", key("tx")],
      ["set", key("tx")],
    ]);
    expect(discarded.status).toBe(400);
    expect(discarded.body).toEqual({ error: expect.stringContaining("EXECABORT") as unknown });
    expect(await direct.get(key("tx"))).toBe("7");
  });

  it("runs EVAL and EVALSHA, removing the allow-key-locking shebang flag Redis 7.0 refuses", async () => {
    const script = "#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])";
    expect(await client.eval(script, [key("lua")], [5])).toBe(5);
    const sha = await client.scriptLoad(script);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await client.evalsha(sha, [key("lua")], [2])).toBe(7);
    expect(await client.scriptExists(sha)).toEqual([1]);
    await expect(client.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
  });

  it("serves @upstash/ratelimit unchanged", async () => {
    const ratelimit = new Ratelimit({
      redis: client,
      prefix: key("ratelimit"),
      limiter: Ratelimit.slidingWindow(2, "60 s"),
      ephemeralCache: false,
      enableTelemetry: false,
    });
    const outcomes = [];
    for (let i = 0; i < 3; i += 1) outcomes.push((await ratelimit.limit("user")).success);
    expect(outcomes).toEqual([true, true, false]);
  });

  it("refuses a wrong or missing token with 401", async () => {
    expect(await post("/", ["ping"], { Authorization: "Bearer wrong" })).toEqual({
      status: 401,
      body: { error: "Unauthorized" },
    });
    const response = await fetch(proxy.url, { method: "POST", body: JSON.stringify(["ping"]) });
    expect(response.status).toBe(401);
    const intruder = new UpstashRedis({ url: proxy.url, token: "wrong", enableTelemetry: false });
    await expect(intruder.get(key("greeting"))).rejects.toThrow(/Unauthorized/);
  });

  it("answers malformed and unsupported requests with an error", async () => {
    expect(await post("/", { not: "a command" })).toEqual({
      status: 400,
      body: { error: "ERR a command must be a non-empty JSON array" },
    });
    expect((await post("/", ["nosuchcommand"])).status).toBe(400);
    expect(await post("/", ["blpop", key("list"), "0"])).toEqual({
      status: 400,
      body: { error: "ERR command 'blpop' is not supported by this proxy" },
    });
    expect((await post("/unknown", ["ping"])).status).toBe(404);
    const badJson = await fetch(proxy.url, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: "{",
    });
    expect(badJson.status).toBe(400);
    const get = await fetch(proxy.url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(get.status).toBe(405);
  });
});

it("refuses to start when Redis cannot be reached", async () => {
  await expect(
    startUpstashProxy({ redisUrl: "redis://127.0.0.1:9", token: TOKEN, port: 0 }),
  ).rejects.toThrow(/Upstash proxy cannot reach Redis/);
});

it("refuses to start without a token", async () => {
  await expect(
    startUpstashProxy({ redisUrl: "redis://127.0.0.1:9", token: "", port: 0 }),
  ).rejects.toThrow(/non-empty token/);
});
