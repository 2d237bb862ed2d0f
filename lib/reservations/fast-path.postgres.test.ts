import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { defineFastPathLifecycleTests } from "./fast-path-lifecycle.contract";
import { defineFastPathTests } from "./fast-path.contract";
import { reserveStockFast } from "./fast-path.server";
import { useStockGate, type TestGate } from "./fast-path.test-gate";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld, levelOf, type World } from "./test-world";

const redis = await probeRedis();

/** Lowest node balance of the SKUs, sampled while `work` runs. */
async function lowestWhile<T>(prisma: PrismaClient, skuIds: string[], work: () => Promise<T>) {
  let lowest = Number.POSITIVE_INFINITY;
  let running = true;
  const watcher = (async () => {
    while (running) {
      const [row] = await prisma.$queryRaw<{ low: number | null }[]>`
        SELECT MIN("onHand" - "reserved" - "safetyStock")::int AS low FROM "StockLevel"
        WHERE "skuId" IN (${Prisma.join(skuIds)})`;
      lowest = Math.min(lowest, row?.low ?? lowest);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return { result: await work(), lowest: () => lowest };
  } finally {
    running = false;
    await watcher;
  }
}

/** Every attempt at once; the reservations made and the refusals, by code and by who refused. */
async function burst(prisma: PrismaClient, gate: TestGate, w: World, channels: string[]) {
  const settled = await Promise.allSettled(
    channels.map((channel) =>
      reserveStockFast(prisma, {
        redis: gate.redis,
        gateTtlSeconds: 60,
        channelId: w.channel(channel),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      }),
    ),
  );
  const reserved = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value.reservation] : []));
  const refusals = settled.flatMap((s) => {
    if (s.status === "fulfilled") return [];
    if (!(s.reason instanceof AppError)) throw s.reason;
    return [`${s.reason.code}${s.reason.details?.gate === "redis" ? " (gate)" : ""}`];
  });
  return { reserved, refusals };
}

describeIfPostgres("Redis fast path on PostgreSQL", () => {
  describeWithRedis("with the Upstash-protocol proxy", redis, () => {
    const db = useMigratedDatabase("postgres", { poolSize: 24 });
    const gate = useStockGate(redis.url);
    describe("admission", () => defineFastPathTests(db, gate));
    describe("replays, releases, expiry, no Redis", () => defineFastPathLifecycleTests(db, gate));

    it("500 concurrent attempts on 50 units: exactly 50 succeed, the other 450 never reach a lock", async () => {
      const prisma = db();
      const w = await createWorld(prisma, {
        nodes: ["a", "b", "c"],
        channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
        skus: { tee: { stock: { a: 20, b: 20, c: 10 } } },
      });
      gate().track(w.skuIds);
      const started = performance.now();
      const { result, lowest } = await lowestWhile(prisma, w.skuIds, () =>
        burst(
          prisma,
          gate(),
          w,
          Array.from({ length: 500 }, () => "web"),
        ),
      );
      console.info(
        `[timing] 500 fast-path attempts, 50 units: ${Math.round(performance.now() - started)} ms`,
      );
      expect(result.reserved).toHaveLength(50);
      expect(result.refusals).toEqual(Array.from({ length: 450 }, () => "OUT_OF_STOCK (gate)"));
      expect(lowest()).toBeGreaterThanOrEqual(0);
      for (const [node, units] of [
        ["a", 20],
        ["b", 20],
        ["c", 10],
      ] as const) {
        expect((await levelOf(prisma, w.node(node), w.sku("tee"))).reserved).toBe(units);
      }
      expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
    });

    it("a channel allocated 20 of 100 sells exactly 20 and a shared channel the other 80, decided in groups", async () => {
      const prisma = db();
      const w = await createWorld(prisma, {
        nodes: ["a", "b"],
        channels: {
          live: { priority: 1, policy: { mode: "FIXED", fixedQty: 20 } },
          web: { priority: 2, policy: { mode: "SHARED" } },
        },
        skus: { tee: { stock: { a: 60, b: 40 } } },
      });
      gate().track(w.skuIds);
      const channels = Array.from({ length: 600 }, (_, i) => (i % 2 === 0 ? "live" : "web"));
      const { result, lowest } = await lowestWhile(prisma, w.skuIds, () =>
        burst(prisma, gate(), w, channels),
      );
      const sold = (key: string) => result.reserved.filter((r) => r.channelId === w.channel(key));
      expect(sold("live")).toHaveLength(20);
      expect(sold("web")).toHaveLength(80);
      expect(new Set(result.refusals.map((r) => r.split(" ")[0]))).toEqual(
        new Set(["OUT_OF_STOCK"]),
      );
      expect(lowest()).toBeGreaterThanOrEqual(0);
      expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
    });
  });
});
