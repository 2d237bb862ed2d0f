import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { confirmReservation } from "./confirm-reservation.server";
import { consumeReservation } from "./consume-reservation.server";
import { releaseExpiredHolds } from "./release-expired-holds.server";
import { releaseReservation } from "./release-reservation.server";
import { reserveStock } from "./reserve-stock.server";
import { createWorld, levelOf, refusalOf, stockState } from "./test-world";

const t0 = new Date("2026-11-22T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

async function oneSkuWorld(prisma: PrismaClient, onHand = 10) {
  return createWorld(prisma, {
    nodes: ["a"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: { tee: { stock: { a: onHand } } },
  });
}

/** Release, confirm, consume and the expiry sweeper against a real database. */
export function defineLifecycleTests(db: () => PrismaClient): void {
  it("releases a hold once: units back, one RELEASE movement; a second release is refused", async () => {
    const prisma = db();
    const w = await oneSkuWorld(prisma);
    const { reservation } = await reserveStock(prisma, {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: "best",
      quantity: 4,
      kind: "CHECKOUT_HOLD",
      now: t0,
    });
    const result = await releaseReservation(prisma, {
      reservationId: reservation.id,
      reason: "cart abandoned",
      now: minutes(1),
    });
    expect(result.released).toMatchObject([{ id: reservation.id, status: "RELEASED" }]);
    expect(result.affectedSkuIds).toEqual([w.sku("tee")]);
    expect((await levelOf(prisma, w.node("a"), w.sku("tee"))).reserved).toBe(0);
    const before = await stockState(prisma, w.skuIds);
    const refusal = await refusalOf(releaseReservation(prisma, { reservationId: reservation.id }));
    expect(refusal).toMatchObject({ code: "CONFLICT", details: { status: "RELEASED" } });
    expect(await stockState(prisma, w.skuIds)).toEqual(before);
    const movements = await prisma.stockMovement.findMany({
      where: { reservationId: reservation.id },
      orderBy: { id: "asc" },
    });
    expect(movements.map((m) => [m.kind, m.reservedDelta, m.reason])).toEqual([
      ["RESERVATION", 4, `CHECKOUT_HOLD for channel ${w.channel("web")}`],
      ["RELEASE", -4, "cart abandoned"],
    ]);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("confirm turns a paid hold into an allocation; consume ships it", async () => {
    const prisma = db();
    const w = await oneSkuWorld(prisma);
    const { reservation } = await reserveStock(prisma, {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: "best",
      quantity: 3,
      kind: "PICKUP_HOLD",
      now: t0,
      pickupHoldMinutes: 15,
    });
    expect(reservation.expiresAt?.toISOString()).toBe(minutes(15).toISOString());
    // A hold must be paid before the goods leave.
    expect(
      (
        await refusalOf(
          consumeReservation(prisma, { reservationId: reservation.id, now: minutes(1) }),
        )
      ).code,
    ).toBe("CONFLICT");
    const { confirmed } = await confirmReservation(prisma, {
      reservationId: reservation.id,
      now: minutes(14),
    });
    expect(confirmed).toMatchObject([
      { kind: "ORDER_ALLOCATION", status: "ACTIVE", expiresAt: null },
    ]);
    expect(
      (
        await refusalOf(
          confirmReservation(prisma, { reservationId: reservation.id, now: minutes(14) }),
        )
      ).code,
    ).toBe("CONFLICT");
    // An allocation does not expire: the sweeper leaves it alone.
    const sweep = await releaseExpiredHolds(prisma, { now: minutes(60) });
    expect(sweep.expired.some((r) => r.id === reservation.id)).toBe(false);

    const { consumed, affectedSkuIds } = await consumeReservation(prisma, {
      reservationId: reservation.id,
      reason: "picked up",
      now: minutes(70),
    });
    expect(consumed).toMatchObject([{ status: "CONSUMED" }]);
    expect(affectedSkuIds).toEqual([w.sku("tee")]);
    expect(await levelOf(prisma, w.node("a"), w.sku("tee"))).toMatchObject({
      onHand: 7,
      reserved: 0,
    });
    const sale = await prisma.stockMovement.findFirst({
      where: { reservationId: reservation.id, kind: "SALE" },
    });
    expect(sale).toMatchObject({ onHandDelta: -3, reservedDelta: -3, reason: "picked up" });
    expect(
      (await refusalOf(consumeReservation(prisma, { reservationId: reservation.id }))).code,
    ).toBe("CONFLICT");
    expect(
      (await refusalOf(releaseReservation(prisma, { reservationId: reservation.id }))).code,
    ).toBe("CONFLICT");
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("confirming an expired hold answers HOLD_EXPIRED and changes nothing, swept or not", async () => {
    const prisma = db();
    const w = await oneSkuWorld(prisma);
    const base = {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: "best",
      quantity: 1,
      kind: "CHECKOUT_HOLD" as const,
      ttlSeconds: 60,
      now: t0,
    };
    const { reservation: late } = await reserveStock(prisma, base);
    const before = await stockState(prisma, w.skuIds);
    expect(
      (await refusalOf(confirmReservation(prisma, { reservationId: late.id, now: minutes(1) })))
        .code,
    ).toBe("HOLD_EXPIRED");
    expect(await stockState(prisma, w.skuIds)).toEqual(before);

    await releaseExpiredHolds(prisma, { now: minutes(2) });
    expect(
      (await refusalOf(confirmReservation(prisma, { reservationId: late.id, now: minutes(2) })))
        .code,
    ).toBe("HOLD_EXPIRED");
    expect(
      (await refusalOf(consumeReservation(prisma, { reservationId: late.id, now: minutes(2) })))
        .code,
    ).toBe("HOLD_EXPIRED");
  });

  it("the sweeper releases due holds once, with one RELEASE movement each", async () => {
    const prisma = db();
    const w = await oneSkuWorld(prisma, 20);
    const base = {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: "best",
      kind: "CHECKOUT_HOLD" as const,
      now: t0,
    };
    const { reservation: short } = await reserveStock(prisma, {
      ...base,
      quantity: 2,
      ttlSeconds: 60,
    });
    const { reservation: pickup } = await reserveStock(prisma, {
      ...base,
      quantity: 3,
      kind: "PICKUP_HOLD",
      pickupHoldMinutes: 15,
    });
    const { reservation: long } = await reserveStock(prisma, {
      ...base,
      quantity: 4,
      ttlSeconds: 3600,
    });

    const first = await releaseExpiredHolds(prisma, { now: minutes(15) });
    const mine = (ids: { id: string }[]) =>
      ids
        .map((r) => r.id)
        .filter((id) => [short.id, pickup.id, long.id].includes(id))
        .sort();
    expect(mine(first.expired)).toEqual([short.id, pickup.id].sort());
    expect(first.expired.every((r) => r.status === "EXPIRED")).toBe(true);
    expect((await levelOf(prisma, w.node("a"), w.sku("tee"))).reserved).toBe(4);
    const second = await releaseExpiredHolds(prisma, { now: minutes(16) });
    expect(mine(second.expired)).toEqual([]);
    expect((await refusalOf(releaseReservation(prisma, { reservationId: short.id }))).code).toBe(
      "CONFLICT",
    );
    const releases = await prisma.stockMovement.findMany({
      where: { skuId: w.sku("tee"), kind: "RELEASE" },
    });
    expect(releases.map((m) => [m.reservationId, m.reservedDelta]).sort()).toEqual(
      [
        [short.id, -2],
        [pickup.id, -3],
      ].sort(),
    );
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("the sweeper works in batches of `limit`", async () => {
    const prisma = db();
    const w = await oneSkuWorld(prisma, 20);
    for (let i = 0; i < 5; i++) {
      await reserveStock(prisma, {
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
        ttlSeconds: 1,
        now: t0,
      });
    }
    // Other test worlds may have due holds too; sweep everything due, two at a time.
    let batches = 0;
    for (;;) {
      const { expired } = await releaseExpiredHolds(prisma, { now: minutes(1), limit: 2 });
      expect(expired.length).toBeLessThanOrEqual(2);
      batches += 1;
      if (expired.length < 2) break;
    }
    expect(batches).toBeGreaterThanOrEqual(3);
    expect((await levelOf(prisma, w.node("a"), w.sku("tee"))).reserved).toBe(0);
  });

  it("reconcileLedger reports a stock level changed outside the engine", async () => {
    const prisma = db();
    const w = await oneSkuWorld(prisma, 10);
    await prisma.stockLevel.update({
      where: { nodeId_skuId: { nodeId: w.node("a"), skuId: w.sku("tee") } },
      data: { onHand: 12, reserved: 1 },
    });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([
      { nodeId: w.node("a"), skuId: w.sku("tee"), field: "onHand", level: 12, expected: 10 },
      { nodeId: w.node("a"), skuId: w.sku("tee"), field: "reserved", level: 1, expected: 0 },
      { nodeId: w.node("a"), skuId: w.sku("tee"), field: "reservedVsHolds", level: 1, expected: 0 },
    ]);
  });
}
