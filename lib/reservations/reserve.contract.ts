import { expect, it } from "vitest";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withTransaction, type Tx } from "@/lib/db/transaction.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { reserveStock } from "./reserve-stock.server";
import { createWorld, levelOf, refusalOf, stockState } from "./test-world";

const now = new Date("2026-11-22T10:00:00Z");

/** reserveStock and computeChannelAts against a real database. */
export function defineReserveTests(db: () => PrismaClient): void {
  it("reserves at the deepest node, writes a RESERVATION movement and reconciles", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 5, b: { onHand: 12, safetyStock: 2 } } } },
    });
    const { reservation, replayed, affectedSkuIds } = await reserveStock(prisma, {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: "best",
      quantity: 3,
      kind: "CHECKOUT_HOLD",
      now,
    });
    expect(replayed).toBe(false);
    expect(affectedSkuIds).toEqual([w.sku("tee")]);
    expect(reservation).toMatchObject({
      nodeId: w.node("b"),
      quantity: 3,
      status: "ACTIVE",
      kind: "CHECKOUT_HOLD",
    });
    expect(reservation.expiresAt?.toISOString()).toBe("2026-11-22T10:15:00.000Z");
    expect((await levelOf(prisma, w.node("b"), w.sku("tee"))).reserved).toBe(3);
    const movements = await prisma.stockMovement.findMany({
      where: { reservationId: reservation.id },
    });
    expect(movements).toMatchObject([
      {
        kind: "RESERVATION",
        reservedDelta: 3,
        onHandDelta: 0,
        documentType: "RESERVATION",
        documentId: reservation.id,
      },
    ]);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a named node is used as named, and refused with what it has", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 5, b: 20 } } },
    });
    const base = {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      kind: "ORDER_ALLOCATION" as const,
      now,
    };
    const { reservation } = await reserveStock(prisma, {
      ...base,
      nodeId: w.node("a"),
      quantity: 4,
    });
    expect(reservation).toMatchObject({ nodeId: w.node("a"), expiresAt: null });
    const refusal = await refusalOf(
      reserveStock(prisma, { ...base, nodeId: w.node("a"), quantity: 2 }),
    );
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(refusal.details).toMatchObject({
      available: 1,
      reason: "STOCK",
      nodeAvailable: 1,
      channelAts: 21,
    });
  });

  it("a FIXED channel sells its allocation and no more, though the pool has more", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: {
        live: { priority: 1, policy: { mode: "FIXED", fixedQty: 20 } },
        web: { priority: 2, policy: { mode: "SHARED" } },
      },
      skus: { tee: { stock: { a: 100 } } },
    });
    const base = {
      skuId: w.sku("tee"),
      nodeId: "best",
      kind: "CHECKOUT_HOLD" as const,
      now,
    };
    await reserveStock(prisma, { ...base, channelId: w.channel("live"), quantity: 15 });
    const before = await stockState(prisma, w.skuIds);
    const refusal = await refusalOf(
      reserveStock(prisma, { ...base, channelId: w.channel("live"), quantity: 6 }),
    );
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(refusal.details).toMatchObject({
      available: 5,
      channelAts: 5,
      reason: "CHANNEL",
      poolAvailable: 85,
    });
    expect(await stockState(prisma, w.skuIds)).toEqual(before);
    // The shared channel cannot take the live channel's remaining 5.
    const [ats] = await computeChannelAts(prisma, { skuIds: [w.sku("tee")] });
    expect(ats?.channels.find((c) => c.channelId === w.channel("web"))?.ats).toBe(80);
    await refusalOf(reserveStock(prisma, { ...base, channelId: w.channel("web"), quantity: 81 }));
    await reserveStock(prisma, { ...base, channelId: w.channel("web"), quantity: 80 });
    await reserveStock(prisma, { ...base, channelId: w.channel("live"), quantity: 5 });
    expect((await levelOf(prisma, w.node("a"), w.sku("tee"))).reserved).toBe(100);
  });

  it("the tier switch shares the pool above the threshold and protects it below", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: {
        web: { priority: 1, policy: { mode: "SHARED" } },
        tmall: { priority: 4, policy: { mode: "RATIO", ratioBps: 1000 } },
      },
      skus: { tee: { stock: { a: 100 } } },
      tierRule: { threshold: 50, strategy: "POLICY" },
    });
    const base = {
      skuId: w.sku("tee"),
      nodeId: "best",
      kind: "CHECKOUT_HOLD" as const,
      now,
    };
    const [shared] = await computeChannelAts(prisma, { skuIds: [w.sku("tee")] });
    expect(shared).toMatchObject({ regime: "SHARED_ALL", poolAvailable: 100 });
    const mine = (c: { channelId: string }) =>
      [w.channel("web"), w.channel("tmall")].includes(c.channelId);
    expect(shared?.channels.filter(mine).map((c) => c.ats)).toEqual([100, 100]);
    // Channels of other test worlds have no policy for this SKU, so they do not sell it.
    expect(shared?.channels.filter((c) => !mine(c)).every((c) => c.ats === 0 && !c.listed)).toBe(
      true,
    );
    // While shared, Tmall may sell far beyond its 10 %.
    await reserveStock(prisma, { ...base, channelId: w.channel("tmall"), quantity: 55 });
    const [protectedMode] = await computeChannelAts(prisma, { skuIds: [w.sku("tee")] });
    expect(protectedMode).toMatchObject({
      regime: "PROTECTED",
      strategy: "POLICY",
      poolAvailable: 45,
    });
    expect(protectedMode?.channels.find((c) => c.channelId === w.channel("tmall"))).toMatchObject({
      grant: 10,
      open: 55,
      ats: 0,
    });
    const refusal = await refusalOf(
      reserveStock(prisma, { ...base, channelId: w.channel("tmall"), quantity: 1 }),
    );
    expect(refusal.details).toMatchObject({ reason: "CHANNEL", available: 0 });
    await reserveStock(prisma, { ...base, channelId: w.channel("web"), quantity: 45 });
  });

  it("replays an idempotent request and refuses a key reused for something else", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 10 } }, cap: { stock: { a: 10 } } },
    });
    const base = {
      channelId: w.channel("web"),
      nodeId: "best",
      kind: "CHECKOUT_HOLD" as const,
      now,
      idempotencyKey: `k-${w.sku("tee")}`,
    };
    const first = await reserveStock(prisma, { ...base, skuId: w.sku("tee"), quantity: 2 });
    const again = await reserveStock(prisma, { ...base, skuId: w.sku("tee"), quantity: 2 });
    expect(again).toMatchObject({ replayed: true, affectedSkuIds: [] });
    expect(again.reservation.id).toBe(first.reservation.id);
    expect((await levelOf(prisma, w.node("a"), w.sku("tee"))).reserved).toBe(2);
    expect(
      (await refusalOf(reserveStock(prisma, { ...base, skuId: w.sku("tee"), quantity: 3 }))).code,
    ).toBe("CONFLICT");
    expect(
      (await refusalOf(reserveStock(prisma, { ...base, skuId: w.sku("cap"), quantity: 2 }))).code,
    ).toBe("CONFLICT");
    expect((await levelOf(prisma, w.node("a"), w.sku("cap"))).reserved).toBe(0);
  });

  it("inactive nodes are not in the pool and cannot be reserved at", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      inactiveNodes: ["closed"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 2, closed: 50 } } },
    });
    const [ats] = await computeChannelAts(prisma, { skuIds: [w.sku("tee")] });
    expect(ats?.poolAvailable).toBe(2);
    const refusal = await refusalOf(
      reserveStock(prisma, {
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: w.node("closed"),
        quantity: 1,
        kind: "CHECKOUT_HOLD",
        now,
      }),
    );
    expect(refusal.code).toBe("OUT_OF_STOCK");
  });

  it("runs inside the caller's transaction: a rolled-back checkout promises nothing", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 10 } }, cap: { stock: { a: 10 } } },
    });
    const line = (skuKey: string, quantity: number) => ({
      channelId: w.channel("web"),
      skuId: w.sku(skuKey),
      nodeId: "best",
      quantity,
      kind: "CHECKOUT_HOLD" as const,
      now,
    });
    const before = await stockState(prisma, w.skuIds);
    const refusal = await refusalOf(
      prisma.$transaction(async (tx) => {
        await reserveStock(tx, { ...line("tee", 2) });
        await reserveStock(tx, { ...line("cap", 11) });
      }),
    );
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(await stockState(prisma, w.skuIds)).toEqual(before);
    await prisma.$transaction(async (tx) => {
      await reserveStock(tx, { ...line("tee", 2) });
      await reserveStock(tx, { ...line("cap", 10) });
    });
    expect((await levelOf(prisma, w.node("a"), w.sku("cap"))).reserved).toBe(10);
  });

  it("concurrent calls on one client never oversell (serialised on PGlite, raced on PostgreSQL)", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { a: 6, b: 4 } } },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        reserveStock(prisma, {
          channelId: w.channel("web"),
          skuId: w.sku("tee"),
          nodeId: "best",
          quantity: 1,
          kind: "CHECKOUT_HOLD",
          now,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("inside a caller's transaction: locks first, decides on what it then reads, refuses as outside", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: { web: { priority: 1, policy: { mode: "FIXED", fixedQty: 4 } } },
      skus: { tee: { stock: { a: 10 } } },
      bundles: { kit: { tee: 1 } },
    });
    const base = {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: "best",
      kind: "CHECKOUT_HOLD" as const,
      now,
    };
    const held = await withTransaction(prisma, (tx) => reserveStock(tx, { ...base, quantity: 3 }));
    expect(held.reservation).toMatchObject({ nodeId: w.node("a"), quantity: 3, status: "ACTIVE" });
    const inTx = <T>(work: (tx: Tx) => Promise<T>) => refusalOf(withTransaction(prisma, work));
    // The channel's grant of 4 has 1 left.
    expect(await inTx((tx) => reserveStock(tx, { ...base, quantity: 2 }))).toMatchObject({
      code: "OUT_OF_STOCK",
      details: { reason: "CHANNEL", available: 1 },
    });
    expect(
      await inTx((tx) => reserveStock(tx, { ...base, skuId: "sku_missing", quantity: 1 })),
    ).toMatchObject({ code: "NOT_FOUND", details: { reason: "SKU" } });
    expect(
      await inTx((tx) => reserveStock(tx, { ...base, skuId: w.sku("kit"), quantity: 1 })),
    ).toMatchObject({ code: "INVALID_INPUT", details: { reason: "IS_BUNDLE" } });
    expect((await levelOf(prisma, w.node("a"), w.sku("tee"))).reserved).toBe(3);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });
}
