import { expect, it } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import { publishFeedAndRefreshGate } from "@/lib/feed/feed-publisher.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { createRestRedis } from "@/lib/redis/client.server";
import { useStockGate } from "@/lib/reservations/fast-path.test-gate";
import { describeWithRedis, probeRedis } from "@/scripts/upstash-proxy/redis-availability";
import { startUpstashProxy } from "@/scripts/upstash-proxy/server";
import type { Redis } from "@upstash/redis";
import { cancelUnpaidOrder } from "./cancel-unpaid-order.server";
import { refuseSoldOutAtGate } from "./order-stock-gate.server";
import { placeOrder } from "./place-order.server";
import { createOrderWorld, type OrderWorld } from "./testing/order-world";

const redis = await probeRedis();

type Sku = "tee" | "rare";
/** The order world with the client it was made on, which placeOrder needs. */
type GateWorld = OrderWorld & { prisma: PrismaClient };

function pickup(w: GateWorld, gate: Redis | null, sku: Sku, key: string) {
  return placeOrder(w.prisma, {
    channelCode: w.webCode,
    buyer: { kind: "MEMBER", userId: w.memberUserId },
    lines: [{ skuId: w.sku(sku), quantity: 1 }],
    method: "PICKUP",
    destination: { kind: "store", nodeId: w.node("near") },
    contact: { name: "Shopper" },
    paymentProvider: "DEMO",
    idempotencyKey: `${key}-${w.node("near")}`,
    stockGate: gate,
  });
}

/** Every attempt at once: the orders placed, and each refusal as code (and "gate" when Redis refused). */
async function burst(w: GateWorld, gate: Redis | null, sku: Sku, tag: string, n: number) {
  const settled = await Promise.allSettled(
    Array.from({ length: n }, (_, i) => pickup(w, gate, sku, `${tag}-${i}`)),
  );
  const placed = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value.orderId] : []));
  const refusals = settled.flatMap((s) => {
    if (s.status === "fulfilled") return [];
    if (!isAppError(s.reason)) throw s.reason;
    return [s.reason.details?.gate === "redis" ? "gate" : s.reason.code];
  });
  return { placed, refusals };
}

/** What a refusal must leave untouched: no reservation, no movement, no order. */
async function writes(prisma: PrismaClient) {
  const [reservations, movements, orders] = await Promise.all([
    prisma.reservation.count(),
    prisma.stockMovement.count(),
    prisma.order.count(),
  ]);
  return { reservations, movements, orders };
}

describeIfPostgres("the Redis stock gate in front of checkout, on PostgreSQL", () => {
  describeWithRedis("with the Upstash-protocol proxy", redis, () => {
    const db = useMigratedDatabase("postgres", { poolSize: 20 });
    const gate = useStockGate(redis.url);

    async function world() {
      const prisma = db();
      const w = { ...(await createOrderWorld(prisma)), prisma };
      gate().track(w.skuIds);
      const channel = await prisma.channel.findUniqueOrThrow({ where: { code: w.webCode } });
      return { w, prisma, channelId: channel.id };
    }

    it("sells exactly the 2 units to 30 shoppers at once; once sold out, Redis refuses with no write", async () => {
      const { w, prisma, channelId } = await world();
      const { placed, refusals } = await burst(w, gate().redis, "rare", "sell", 30);
      expect(placed).toHaveLength(2);
      expect(refusals).toHaveLength(28);
      expect(refusals.filter((r) => r === "gate").length).toBeGreaterThan(0);
      expect(await gate().count(w.sku("rare"), channelId)).toBe(0);

      const before = await writes(prisma);
      const after = await burst(w, gate().redis, "rare", "after", 20);
      expect(after.placed).toEqual([]);
      expect(after.refusals).toEqual(Array(20).fill("gate"));
      expect(await writes(prisma)).toEqual(before);
      expect(await reconcileLedger(prisma)).toEqual([]);
    });

    it("a count drifted too high never oversells: the database refuses and the count is read again", async () => {
      const { w, prisma, channelId } = await world();
      await pickup(w, gate().redis, "rare", "first");
      await gate().setCount(w.sku("rare"), channelId, 50);
      const { placed } = await burst(w, gate().redis, "rare", "high", 10);
      expect(placed).toHaveLength(1);
      // Routing found no store for the units the count promised: the count is read again.
      expect(await gate().count(w.sku("rare"), channelId)).toBeNull();
      await expect(pickup(w, gate().redis, "rare", "high-after")).rejects.toMatchObject({
        details: { gate: "redis" },
      });
      const level = await prisma.stockLevel.findFirstOrThrow({
        where: { skuId: w.sku("rare"), nodeId: w.node("near") },
      });
      expect(level.reserved).toBe(2);
      expect(await reconcileLedger(prisma)).toEqual([]);
    });

    it("a count drifted too low is healed when the publisher sees units come back", async () => {
      const { w, prisma, channelId } = await world();
      await publishFeed(prisma);
      const first = await pickup(w, gate().redis, "tee", "low-first");
      await gate().setCount(w.sku("tee"), channelId, 0);
      await expect(pickup(w, gate().redis, "tee", "low-refused")).rejects.toMatchObject({
        code: "OUT_OF_STOCK",
        details: { gate: "redis" },
      });

      // A cancel gives a unit back; the publisher's run drops the count, which is read again.
      await cancelUnpaidOrder(prisma, { orderId: first.orderId, reason: "CANCELLED_BY_SHOPPER" });
      const published = await publishFeedAndRefreshGate(prisma, { redis: gate().redis });
      expect(published.rose).toContain(w.sku("tee"));
      expect(await gate().count(w.sku("tee"), channelId)).toBeNull();
      await expect(pickup(w, gate().redis, "tee", "low-healed")).resolves.toMatchObject({
        created: true,
      });
      expect(await reconcileLedger(prisma)).toEqual([]);
    });

    it("a look at the gate refuses a sold-out size before checkout reads anything else", async () => {
      const { w, channelId } = await world();
      const look = (redisClient: Redis | null, quantity: number) =>
        refuseSoldOutAtGate(redisClient, {
          channelId,
          units: new Map([[w.sku("tee"), quantity]]),
        });
      await expect(look(gate().redis, 1)).resolves.toBeUndefined(); // no count yet: go on
      await gate().setCount(w.sku("tee"), channelId, 1);
      await expect(look(gate().redis, 1)).resolves.toBeUndefined();
      await expect(look(gate().redis, 2)).rejects.toMatchObject({
        code: "OUT_OF_STOCK",
        details: { gate: "redis", available: 1, requested: 2 },
      });
      await gate().setCount(w.sku("tee"), channelId, 0);
      await expect(look(gate().redis, 1)).rejects.toMatchObject({ details: { gate: "redis" } });
      // It takes nothing, and a Redis that does not answer lets the checkout go on.
      expect(await gate().count(w.sku("tee"), channelId)).toBe(0);
      const down = createRestRedis({ url: "http://127.0.0.1:9", token: "none" });
      await expect(look(down, 1)).resolves.toBeUndefined();
    });

    it("with Redis stopped in the middle of a sale the database decides the rest: never oversold", async () => {
      const { w, prisma } = await world();
      const token = "mid-run";
      const proxy = await startUpstashProxy({ redisUrl: redis.url, token, port: 0 });
      const failing = createRestRedis({ url: proxy.url, token });
      const sale = burst(w, failing, "rare", "mid", 30);
      await new Promise((resolve) => setTimeout(resolve, 30));
      await proxy.close();
      const { placed, refusals } = await sale;
      expect(placed).toHaveLength(2);
      expect(refusals).toHaveLength(28);
      expect(refusals.every((r) => r === "gate" || r === "OUT_OF_STOCK")).toBe(true);
      const level = await prisma.stockLevel.findFirstOrThrow({
        where: { skuId: w.sku("rare"), nodeId: w.node("near") },
      });
      expect(level.reserved).toBeLessThanOrEqual(level.onHand);
      expect(await reconcileLedger(prisma)).toEqual([]);
    });

    it("with Redis unreachable the database alone decides: slower, never oversold", async () => {
      const { w, prisma } = await world();
      const down = createRestRedis({ url: "http://127.0.0.1:9", token: "none" });
      const { placed, refusals } = await burst(w, down, "rare", "down", 12);
      expect(placed).toHaveLength(2);
      expect(refusals).toHaveLength(10);
      expect(refusals).not.toContain("gate");
      expect(await reconcileLedger(prisma)).toEqual([]);
    });
  });
});
