import { expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fastAttempt, gatedWorld } from "./fast-path.contract";
import { releaseExpiredHoldsFast, releaseReservationFast } from "./fast-path-release.server";
import { reserveStockFast } from "./fast-path.server";
import type { TestGate } from "./fast-path.test-gate";
import { releaseReservation } from "./release-reservation.server";
import { refusalOf } from "./test-world";

/** Replays, releases, expiry of counts, and life without Redis. */
export function defineFastPathLifecycleTests(db: () => PrismaClient, gate: () => TestGate): void {
  it("a retried request gets its reservation back even when the gate has nothing left", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 3);
    const keyed = () =>
      reserveStockFast(prisma, {
        redis: gate().redis,
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
        idempotencyKey: `key-${w.sku("tee")}`,
      });
    const first = await keyed();
    await fastAttempt(prisma, gate(), w, 2);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
    const again = await keyed();
    expect(again.replayed).toBe(true);
    expect(again.reservation.id).toBe(first.reservation.id);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
  });

  it("a release through the fast path drops the SKU's counts, so the units sell again at once", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 2);
    const { reservation } = await fastAttempt(prisma, gate(), w, 2);
    expect((await refusalOf(fastAttempt(prisma, gate(), w))).details?.gate).toBe("redis");
    await releaseReservationFast(prisma, { redis: gate().redis, reservationId: reservation.id });
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBeNull();
    expect((await fastAttempt(prisma, gate(), w, 2)).reservation.quantity).toBe(2);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
  });

  it("the sweeper through the fast path drops the expired holds' counts as well", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 1);
    const { reservation } = await fastAttempt(prisma, gate(), w);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
    const later = new Date((reservation.expiresAt?.getTime() ?? 0) + 1_000);
    const { expired } = await releaseExpiredHoldsFast(prisma, { redis: gate().redis, now: later });
    expect(expired.map((r) => r.id)).toContain(reservation.id);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBeNull();
    expect((await fastAttempt(prisma, gate(), w)).reservation.quantity).toBe(1);
  });

  it("a count too low (a release the gate was not told of) is read again once its TTL ends", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 1);
    const short = () =>
      reserveStockFast(prisma, {
        redis: gate().redis,
        gateTtlSeconds: 1,
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      });
    const { reservation } = await short();
    await releaseReservation(prisma, { reservationId: reservation.id });
    expect((await refusalOf(short())).details?.gate).toBe("redis");
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await short()).reservation.quantity).toBe(1);
  });

  it("scripts Redis has forgotten (SCRIPT FLUSH, a restart) are sent again", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 2);
    await fastAttempt(prisma, gate(), w);
    await gate().direct.script("FLUSH");
    await fastAttempt(prisma, gate(), w);
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBe(0);
  });

  it("without Redis it is reserveStock: the database decides every attempt", async () => {
    const prisma = db();
    const w = await gatedWorld(prisma, gate(), 1);
    const plain = () =>
      reserveStockFast(prisma, {
        redis: null,
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      });
    expect((await plain()).reservation.quantity).toBe(1);
    const refusal = await refusalOf(plain());
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(refusal.details?.gate).toBeUndefined();
    expect(await gate().count(w.sku("tee"), w.channel("web"))).toBeNull();
  });

  it("while Redis does not answer, attempts go to the database, with one warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const prisma = db();
      const w = await gatedWorld(prisma, gate(), 1);
      const down = gate().down();
      const attempt = () =>
        reserveStockFast(prisma, {
          redis: down,
          channelId: w.channel("web"),
          skuId: w.sku("tee"),
          nodeId: "best",
          quantity: 1,
          kind: "CHECKOUT_HOLD",
        });
      expect((await attempt()).reservation.quantity).toBe(1);
      const refusal = await refusalOf(attempt());
      expect(refusal.code).toBe("OUT_OF_STOCK");
      expect(refusal.details?.gate).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain("[stock-gate] Redis unavailable");
    } finally {
      warn.mockRestore();
    }
  });
}
