import { expect, it } from "vitest";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordInbound } from "@/lib/inventory/record-inbound.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { confirmReservation } from "./confirm-reservation.server";
import { consumeReservation } from "./consume-reservation.server";
import { receivePresaleInbound } from "./receive-presale-inbound.server";
import { releaseReservation } from "./release-reservation.server";
import { reserveBundle } from "./reserve-bundle.server";
import { reservePresale } from "./reserve-presale.server";
import { createWorld, levelOf, refusalOf, stockState } from "./test-world";

const now = new Date("2026-11-22T10:00:00Z");

/** Bundles and presale against a real database. */
export function defineBundleAndPresaleTests(db: () => PrismaClient): void {
  it("a bundle's availability is the minimum of floor(component / quantity), per channel too", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: {
        web: { priority: 1, policy: { mode: "SHARED" } },
        live: { priority: 2, policy: { mode: "FIXED", fixedQty: 4 } },
      },
      skus: { shoe: { stock: { a: 9, b: 3 } }, sock: { stock: { a: 7 } } },
      bundles: { kit: { shoe: 1, sock: 2 } },
    });
    const [kit] = await computeChannelAts(prisma, { skuIds: [w.sku("kit")] });
    expect(kit).toMatchObject({ isBundle: true, poolAvailable: 3 });
    const atsOf = (key: string) => kit?.channels.find((c) => c.channelId === w.channel(key))?.ats;
    // live: FIXED 4 of each component → floor(4 / 2) socks = 2 kits; web: what live leaves.
    expect(atsOf("live")).toBe(2);
    expect(atsOf("web")).toBe(1);
  });

  it("reserving a bundle reserves every component in one group; release gives all back", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a", "b"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { shoe: { stock: { a: 10, b: 2 } }, sock: { stock: { a: 3, b: 8 } } },
      bundles: { kit: { shoe: 1, sock: 2 } },
    });
    const base = {
      channelId: w.channel("web"),
      skuId: w.sku("kit"),
      kind: "CHECKOUT_HOLD" as const,
      now,
    };
    const { groupId, reservations, affectedSkuIds } = await reserveBundle(prisma, {
      ...base,
      nodeId: "best",
      quantity: 1,
    });
    // Both nodes hold a whole kit; b is deeper in kits: min(2/1, 8/2) = 2 against a's min(10/1, 3/2).
    expect(new Set(reservations.map((r) => r.nodeId))).toEqual(new Set([w.node("b")]));
    expect(reservations.map((r) => [r.skuId, r.quantity, r.groupId]).sort()).toEqual(
      [
        [w.sku("shoe"), 1, groupId],
        [w.sku("sock"), 2, groupId],
      ].sort(),
    );
    expect(new Set(affectedSkuIds)).toEqual(new Set([w.sku("kit"), w.sku("shoe"), w.sku("sock")]));
    const stored = await prisma.reservation.findMany({
      where: { groupId },
      select: { bundleSkuId: true },
    });
    expect(stored.map((r) => r.bundleSkuId)).toEqual([w.sku("kit"), w.sku("kit")]);
    await confirmReservation(prisma, { groupId, now });
    await releaseReservation(prisma, { groupId, now });
    expect((await levelOf(prisma, w.node("b"), w.sku("sock"))).reserved).toBe(0);
    expect((await refusalOf(releaseReservation(prisma, { groupId, now }))).code).toBe("CONFLICT");
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a bundle is all or nothing: one short component refuses it and changes nothing", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["a"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { shoe: { stock: { a: 10 } }, sock: { stock: { a: 3 } } },
      bundles: { kit: { shoe: 1, sock: 2 } },
    });
    const base = {
      channelId: w.channel("web"),
      skuId: w.sku("kit"),
      nodeId: "best",
      kind: "CHECKOUT_HOLD" as const,
      now,
    };
    const before = await stockState(prisma, w.skuIds);
    const refusal = await refusalOf(reserveBundle(prisma, { ...base, quantity: 2 }));
    expect(refusal).toMatchObject({
      code: "OUT_OF_STOCK",
      details: { available: 1, requested: 2 },
    });
    expect(await stockState(prisma, w.skuIds)).toEqual(before);
    const { groupId } = await reserveBundle(prisma, {
      ...base,
      quantity: 1,
      kind: "ORDER_ALLOCATION",
    });
    await consumeReservation(prisma, { groupId, now });
    expect(await levelOf(prisma, w.node("a"), w.sku("sock"))).toMatchObject({
      onHand: 1,
      reserved: 0,
    });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("presale sells up to its cap, and the inbound allocates it first come, first served", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["wh"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { aurora: { presaleCap: 10 } },
    });
    const base = { channelId: w.channel("web"), skuId: w.sku("aurora") };
    const first = await reservePresale(prisma, { ...base, quantity: 4, orderId: undefined });
    const second = await reservePresale(prisma, { ...base, quantity: 5 });
    expect(first.reservation).toMatchObject({ status: "WAITING", kind: "PRESALE", nodeId: null });
    const refusal = await refusalOf(reservePresale(prisma, { ...base, quantity: 2 }));
    expect(refusal).toMatchObject({ code: "OUT_OF_STOCK", details: { available: 1 } });
    const third = await reservePresale(prisma, { ...base, quantity: 1 });
    // The second buyer changes their mind: the cap reopens by their units.
    await releaseReservation(prisma, { reservationId: second.reservation.id, now });
    expect(
      (await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("aurora") } })).presaleSold,
    ).toBe(5);

    await recordInbound(prisma, {
      nodeId: w.node("wh"),
      skuId: w.sku("aurora"),
      quantity: 20,
      documentId: "PO-1",
      now,
    });
    const partial = await receivePresaleInbound(prisma, {
      nodeId: w.node("wh"),
      skuId: w.sku("aurora"),
      quantity: 4,
      documentId: "PO-1",
      now,
    });
    // 4 units fill the first buyer exactly; the third waits (strictly in order).
    expect(partial.allocated).toEqual([{ reservationId: first.reservation.id, quantity: 4 }]);
    const rest = await receivePresaleInbound(prisma, {
      nodeId: w.node("wh"),
      skuId: w.sku("aurora"),
      quantity: 16,
      documentId: "PO-1",
      now,
    });
    expect(rest.allocated).toEqual([{ reservationId: third.reservation.id, quantity: 1 }]);
    expect(await levelOf(prisma, w.node("wh"), w.sku("aurora"))).toMatchObject({
      onHand: 20,
      reserved: 5,
      inbound: 0,
    });
    const allocated = await prisma.reservation.findUniqueOrThrow({
      where: { id: first.reservation.id },
    });
    expect(allocated).toMatchObject({
      status: "ACTIVE",
      kind: "ORDER_ALLOCATION",
      nodeId: w.node("wh"),
    });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a SKU not on presale refuses presale demand", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["wh"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { wh: 1 } } },
    });
    const refusal = await refusalOf(
      reservePresale(prisma, { channelId: w.channel("web"), skuId: w.sku("tee"), quantity: 1 }),
    );
    expect(refusal.code).toBe("CONFLICT");
  });
}
