import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { reserveStockFast } from "./fast-path.server";
import type { TestGate } from "./fast-path.test-gate";
import { createWorld, refusalOf, stockState, type World } from "./test-world";

/** A fresh world with `units` of one SKU at one node (and none at another), sold by one shared channel. */
export async function gatedWorld(prisma: PrismaClient, gate: TestGate, units: number) {
  const w = await createWorld(prisma, {
    nodes: ["a", "b"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: { tee: { stock: { a: units, b: 0 } } },
  });
  gate.track(w.skuIds);
  return w;
}

/** One unit (or `quantity`) of the world's SKU for its web channel, through the gate. */
export function fastAttempt(prisma: PrismaClient, gate: TestGate, w: World, quantity = 1) {
  return reserveStockFast(prisma, {
    redis: gate.redis,
    gateTtlSeconds: 60,
    channelId: w.channel("web"),
    skuId: w.sku("tee"),
    nodeId: "best",
    quantity,
    kind: "CHECKOUT_HOLD",
  });
}

/** Counts every use of the client: a refusal by the gate must not reach the database at all. */
function countingClient(prisma: PrismaClient): { client: PrismaClient; uses: () => number } {
  let uses = 0;
  const client = new Proxy(prisma, {
    get: (target, property, receiver) => {
      uses++;
      return Reflect.get(target, property, receiver) as unknown;
    },
    has: (target, property) => {
      uses++;
      return Reflect.has(target, property);
    },
  });
  return { client, uses: () => uses };
}

/** The gate's admission and refusals against a real database and Redis. */
export function defineFastPathTests(db: () => PrismaClient, gate: () => TestGate): void {
  it("admits exactly the units the database has, and the database holds exactly what was admitted", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 30);
    const settled = await Promise.allSettled(
      Array.from({ length: 60 }, () => fastAttempt(prisma, gate(), w)),
    );
    const reserved = settled.filter((s) => s.status === "fulfilled");
    const refusals = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    expect(reserved).toHaveLength(30);
    expect(refusals).toHaveLength(30);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        code: "OUT_OF_STOCK",
        details: { gate: "redis", available: 0 },
      });
    }
    expect(
      await prisma.reservation.count({ where: { skuId: w.sku("tee"), status: "ACTIVE" } }),
    ).toBe(30);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a refused attempt touches no database row, and does not even reach the database", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 2);
    await fastAttempt(prisma, gate(), w, 2);
    const before = await stockState(prisma, w.skuIds);
    const counting = countingClient(prisma);
    const refusal = await refusalOf(fastAttempt(counting.client, gate(), w));
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(refusal.details).toMatchObject({ gate: "redis", requested: 1, available: 0 });
    expect(counting.uses()).toBe(0);
    expect(await stockState(prisma, w.skuIds)).toEqual(before);
  });

  it("refuses a request larger than the count with the count left, and keeps it", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 5);
    await fastAttempt(prisma, gate(), w, 2);
    const refusal = await refusalOf(fastAttempt(prisma, gate(), w, 4));
    expect(refusal.details).toMatchObject({ gate: "redis", requested: 4, available: 3 });
    expect(refusal.message).toBe("Only 3 available.");
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(3);
  });

  it("a database refusal gives the units back, lowered to what the database can still promise", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 10);
    await fastAttempt(prisma, gate(), w);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(9);
    // A stock count the gate does not know about: the database has 2 left, the gate says 9.
    await prisma.stockLevel.update({
      where: { nodeId_skuId: { nodeId: w.node("a"), skuId: w.sku("tee") } },
      data: { onHand: 3 },
    });
    const refusal = await refusalOf(fastAttempt(prisma, gate(), w, 5));
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(refusal.details?.gate).toBeUndefined();
    expect(refusal.details?.channelAts).toBe(2);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(2);
  });

  it("a database refusal of another kind gives the units back exactly", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 10);
    await fastAttempt(prisma, gate(), w, 4);
    await prisma.channel.update({ where: { id: w.channel("web") }, data: { active: false } });
    const refusal = await refusalOf(fastAttempt(prisma, gate(), w, 3));
    expect(refusal.code).toBe("CONFLICT");
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(6);
    expect(await prisma.reservation.count({ where: { skuId: w.sku("tee") } })).toBe(1);
  });

  it("a count that drifted above the database never oversells: the database refuses the excess", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 4);
    await fastAttempt(prisma, gate(), w);
    await gate().setCount(w.sku("tee"), w.channel("web"), 100);
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, () => fastAttempt(prisma, gate(), w)),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(3);
    expect(await prisma.reservation.count({ where: { skuId: w.sku("tee") } })).toBe(4);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });
}
