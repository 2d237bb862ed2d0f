import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { levelOf, refusalOf } from "@/lib/reservations/test-world";
import { acceptFulfilment } from "./accept-fulfilment.server";
import { handToCourier } from "./hand-to-courier.server";
import { markDelivered } from "./mark-delivered.server";
import { markReadyForPickup } from "./mark-ready-for-pickup.server";
import { packFulfilment } from "./pack-fulfilment.server";
import { pickLines } from "./pick-lines.server";
import {
  createFulfilmentWorld,
  createPaidOrder,
  fulfilmentState,
  PICKUP_CODE,
  type FulfilmentWorld,
} from "./test-orders";
import { verifyPickupCode } from "./verify-pickup-code.server";

/** The fulfilment use cases against a real database (PGlite or PostgreSQL). */
export function defineFulfilmentTests(db: () => PrismaClient): void {
  let w: FulfilmentWorld;
  beforeAll(async () => {
    w = await createFulfilmentWorld(db());
  });

  const books = async () => expect(await reconcileLedger(db(), { skuIds: w.skuIds })).toEqual([]);
  const level = async (node: string, sku: string) => {
    const l = await levelOf(db(), w.node(node), w.sku(sku));
    return { onHand: l.onHand, reserved: l.reserved };
  };
  const statusOf = async (id: string) =>
    (await db().fulfilmentOrder.findUniqueOrThrow({ where: { id } })).status;

  it("takes a pickup order from routed to picked up, with stock and ledger right at each step", async () => {
    const prisma = db();
    const order = await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [
        {
          node: "sh",
          lines: [
            { sku: "a", qty: 2 },
            { sku: "b", qty: 1 },
          ],
        },
      ],
    });
    const before = { a: await level("sh", "a"), b: await level("sh", "b") };
    expect(before.a.reserved).toBeGreaterThanOrEqual(2);
    const fo = order.fo("sh");
    const actor = w.staffOf("sh");
    const step = { fulfilmentOrderId: fo, actor };

    await acceptFulfilment(prisma, step);
    expect(await statusOf(fo)).toBe("ACCEPTED");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe(
      "IN_FULFILMENT",
    );
    await books();

    const lines = await prisma.fulfilmentLine.findMany({ where: { fulfilmentOrderId: fo } });
    const lineA = lines.find((l) => l.skuId === w.sku("a"))!;
    const lineB = lines.find((l) => l.skuId === w.sku("b"))!;
    const scanned = await pickLines(prisma, { ...step, barcode: w.barcode("a") });
    expect(scanned.status).toBe("ACCEPTED");
    expect(scanned.lines.find((l) => l.id === lineA.id)?.pickedQty).toBe(1);
    await pickLines(prisma, { ...step, ticks: [{ lineId: lineA.id, pickedQty: 2 }] });
    const done = await pickLines(prisma, { ...step, ticks: [{ lineId: lineB.id, pickedQty: 1 }] });
    expect(done.status).toBe("PICKED");
    expect(await level("sh", "a")).toEqual(before.a);
    await books();

    await packFulfilment(prisma, step);
    await markReadyForPickup(prisma, step);
    expect(await statusOf(fo)).toBe("READY_FOR_PICKUP");
    expect(await level("sh", "a")).toEqual(before.a);
    await books();

    const picked = await verifyPickupCode(prisma, { ...step, code: PICKUP_CODE });
    expect(picked).toEqual({ status: "PICKED_UP", orderCompleted: true });
    expect(await level("sh", "a")).toEqual({
      onHand: before.a.onHand - 2,
      reserved: before.a.reserved - 2,
    });
    expect(await level("sh", "b")).toEqual({
      onHand: before.b.onHand - 1,
      reserved: before.b.reserved - 1,
    });
    const reservations = await prisma.reservation.findMany({ where: { orderId: order.orderId } });
    expect(reservations.map((r) => r.status)).toEqual(["CONSUMED", "CONSUMED"]);
    const sales = await prisma.stockMovement.findMany({
      where: { kind: "SALE", reservationId: { in: reservations.map((r) => r.id) } },
    });
    expect(sales.map((s) => s.onHandDelta).sort()).toEqual([-1, -2]);
    const finished = await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(finished.status).toBe("COMPLETED");
    expect(finished.completedAt).not.toBeNull();
    const events = await prisma.fulfilmentEvent.findMany({
      where: { fulfilmentOrderId: fo },
      orderBy: { createdAt: "asc" },
    });
    // Steps may share a millisecond, so compare as a set; the compare-and-set guarantees the order.
    expect(events.map((e) => e.toStatus).sort()).toEqual(
      ["ROUTED", "ACCEPTED", "PICKED", "PACKED", "READY_FOR_PICKUP", "PICKED_UP"].sort(),
    );
    expect(events.find((e) => e.toStatus === "PICKED_UP")?.fromStatus).toBe("READY_FOR_PICKUP");
    expect(events.slice(1).every((e) => e.actorUserId === actor.id)).toBe(true);
    await books();

    // The same code again: refused, nothing changed.
    const snapshot = await fulfilmentState(prisma, order.orderId);
    const reused = await refusalOf(verifyPickupCode(prisma, { ...step, code: PICKUP_CODE }));
    expect(reused.code).toBe("CONFLICT");
    expect(await fulfilmentState(prisma, order.orderId)).toEqual(snapshot);
  });

  it("ships a same-city order: courier handover takes the units out of stock, delivery completes it", async () => {
    const prisma = db();
    const order = await createPaidOrder(prisma, w, {
      method: "SAME_CITY",
      parts: [{ node: "bj", lines: [{ sku: "a", qty: 1 }] }],
    });
    const before = await level("bj", "a");
    const step = { fulfilmentOrderId: order.fo("bj"), actor: w.staffOf("bj") };
    await acceptFulfilment(prisma, step);
    await pickLines(prisma, { ...step, barcode: w.barcode("a") });
    await packFulfilment(prisma, step);
    const refused = await refusalOf(markReadyForPickup(prisma, step));
    expect(refused.code).toBe("CONFLICT");
    const bad = await refusalOf(
      handToCourier(prisma, { ...step, courierName: "", trackingNo: "x" }),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(await level("bj", "a")).toEqual(before);
    await handToCourier(prisma, { ...step, courierName: "SF Express", trackingNo: "SF1234567" });
    const fo = await prisma.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fo("bj") } });
    expect(fo).toMatchObject({
      status: "HANDED_TO_COURIER",
      courierName: "SF Express",
      trackingNo: "SF1234567",
    });
    expect(await level("bj", "a")).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 1,
    });
    await books();
    expect(await markDelivered(prisma, step)).toEqual({
      status: "DELIVERED",
      orderCompleted: true,
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe(
      "COMPLETED",
    );
    await books();
  });

  it("waits for parcels shipped in before a pickup is ready; the pickup store confirms receipt", async () => {
    const prisma = db();
    const order = await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "wh", shipTo: "sh", lines: [{ sku: "b", qty: 2 }] }],
    });
    const store = { fulfilmentOrderId: order.fo("sh"), actor: w.staffOf("sh") };
    const parcel = { fulfilmentOrderId: order.fo("wh->sh"), actor: w.staffOf("wh") };
    await acceptFulfilment(prisma, store);
    expect((await pickLines(prisma, { ...store, ticks: [] })).status).toBe("PICKED");
    await packFulfilment(prisma, store);
    const early = await refusalOf(markReadyForPickup(prisma, store));
    expect(early.code).toBe("CONFLICT");
    expect(await statusOf(order.fo("sh"))).toBe("PACKED");

    const whBefore = await level("wh", "b");
    await acceptFulfilment(prisma, parcel);
    await pickLines(prisma, { ...parcel, barcode: w.barcode("b") });
    await pickLines(prisma, { ...parcel, barcode: w.barcode("b") });
    await packFulfilment(prisma, parcel);
    await handToCourier(prisma, { ...parcel, courierName: "ZTO", trackingNo: "ZTO-0001" });
    expect(await level("wh", "b")).toEqual({
      onHand: whBefore.onHand - 2,
      reserved: whBefore.reserved - 2,
    });
    // The sender cannot confirm that the store received it; another store neither.
    expect((await refusalOf(markDelivered(prisma, parcel))).code).toBe("FORBIDDEN");
    expect(
      (await refusalOf(markDelivered(prisma, { ...parcel, actor: w.staffOf("bj") }))).code,
    ).toBe("FORBIDDEN");
    await markDelivered(prisma, { ...parcel, actor: w.staffOf("sh") });
    await markReadyForPickup(prisma, store);
    await verifyPickupCode(prisma, { ...store, code: PICKUP_CODE });
    const finished = await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } });
    expect(finished.status).toBe("COMPLETED");
    await books();
  });

  it("refuses another store's staff, out-of-order steps, bad picks and unpaid orders, changing nothing", async () => {
    const prisma = db();
    const order = await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "sh", lines: [{ sku: "a", qty: 1 }] }],
    });
    const step = { fulfilmentOrderId: order.fo("sh"), actor: w.staffOf("sh") };
    // A thunk: the call must start only after the snapshot is taken.
    const refusedWith = async (code: string, call: () => Promise<unknown>) => {
      const snapshot = await fulfilmentState(prisma, order.orderId);
      expect((await refusalOf(call())).code).toBe(code);
      expect(await fulfilmentState(prisma, order.orderId)).toEqual(snapshot);
    };
    await refusedWith("FORBIDDEN", () =>
      acceptFulfilment(prisma, { ...step, actor: w.staffOf("bj") }),
    );
    await refusedWith("CONFLICT", () => packFulfilment(prisma, step));
    await refusedWith("CONFLICT", () => pickLines(prisma, { ...step, barcode: w.barcode("a") }));
    await refusedWith("CONFLICT", () => verifyPickupCode(prisma, { ...step, code: PICKUP_CODE }));
    await acceptFulfilment(prisma, step);
    await refusedWith("CONFLICT", () => acceptFulfilment(prisma, step));
    await refusedWith("FORBIDDEN", () =>
      pickLines(prisma, { ...step, actor: w.staffOf("bj"), barcode: w.barcode("a") }),
    );
    await refusedWith("INVALID_INPUT", () =>
      pickLines(prisma, { ...step, barcode: w.barcode("b") }),
    );
    const [line] = await prisma.fulfilmentLine.findMany({
      where: { fulfilmentOrderId: order.fo("sh") },
    });
    await refusedWith("INVALID_INPUT", () =>
      pickLines(prisma, { ...step, ticks: [{ lineId: line!.id, pickedQty: 2 }] }),
    );
    await refusedWith("NOT_FOUND", () =>
      pickLines(prisma, { ...step, ticks: [{ lineId: "nope", pickedQty: 1 }] }),
    );
    await refusedWith("CONFLICT", () =>
      handToCourier(prisma, { ...step, courierName: "SF", trackingNo: "SF0001" }),
    );
    await refusedWith("NOT_FOUND", () =>
      acceptFulfilment(prisma, { ...step, fulfilmentOrderId: "missing" }),
    );

    // An admin may act for any store.
    await pickLines(prisma, { ...step, actor: w.admin, barcode: w.barcode("a") });
    expect(await statusOf(order.fo("sh"))).toBe("PICKED");

    const unpaid = await createPaidOrder(prisma, w, {
      method: "SAME_CITY",
      status: "PENDING_PAYMENT",
      parts: [{ node: "sh", lines: [{ sku: "a", qty: 1 }] }],
    });
    const snapshot = await fulfilmentState(prisma, unpaid.orderId);
    const notPaid = await refusalOf(
      acceptFulfilment(prisma, { fulfilmentOrderId: unpaid.fo("sh"), actor: w.staffOf("sh") }),
    );
    expect(notPaid.code).toBe("CONFLICT");
    expect(await fulfilmentState(prisma, unpaid.orderId)).toEqual(snapshot);
    await books();
  });

  it("counts wrong pickup codes, refuses after five, and never hands over on a wrong code", async () => {
    const prisma = db();
    const order = await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "sh", lines: [{ sku: "b", qty: 1 }] }],
    });
    const step = { fulfilmentOrderId: order.fo("sh"), actor: w.staffOf("sh") };
    await acceptFulfilment(prisma, step);
    await pickLines(prisma, { ...step, barcode: w.barcode("b") });
    await packFulfilment(prisma, step);
    await markReadyForPickup(prisma, step);

    // Another store's staff cannot even try (and the attempt is not counted).
    const elsewhere = await refusalOf(
      verifyPickupCode(prisma, { ...step, actor: w.staffOf("bj"), code: PICKUP_CODE }),
    );
    expect(elsewhere.code).toBe("FORBIDDEN");
    const malformed = await refusalOf(verifyPickupCode(prisma, { ...step, code: "12ab" }));
    expect(malformed.code).toBe("INVALID_INPUT");

    const before = await fulfilmentState(prisma, order.orderId);
    expect(before.fos[0]!.pickupCodeAttempts).toBe(0);
    for (let i = 1; i <= 5; i++) {
      const wrong = await refusalOf(verifyPickupCode(prisma, { ...step, code: "000000" }));
      expect(wrong.code).toBe("INVALID_INPUT");
      expect(wrong.details?.attemptsLeft).toBe(5 - i);
    }
    const after = await fulfilmentState(prisma, order.orderId);
    // Only the attempt counter moved.
    expect(after).toEqual({
      ...before,
      fos: before.fos.map((f) => ({ ...f, pickupCodeAttempts: 5 })),
    });
    const limited = await refusalOf(verifyPickupCode(prisma, { ...step, code: PICKUP_CODE }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(await fulfilmentState(prisma, order.orderId)).toEqual(after);
    expect(await statusOf(order.fo("sh"))).toBe("READY_FOR_PICKUP");
    await books();
  });

  it("hands an order over once when two counters verify the same code at the same moment", async () => {
    const prisma = db();
    const order = await createPaidOrder(prisma, w, {
      method: "PICKUP",
      pickupAt: "sh",
      parts: [{ node: "sh", lines: [{ sku: "a", qty: 1 }] }],
    });
    const step = { fulfilmentOrderId: order.fo("sh"), actor: w.staffOf("sh") };
    await acceptFulfilment(prisma, step);
    await pickLines(prisma, { ...step, barcode: w.barcode("a") });
    await packFulfilment(prisma, step);
    await markReadyForPickup(prisma, step);
    const before = await level("sh", "a");
    const outcomes = await Promise.allSettled([
      verifyPickupCode(prisma, { ...step, code: PICKUP_CODE }),
      verifyPickupCode(prisma, { ...step, code: PICKUP_CODE }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await level("sh", "a")).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 1,
    });
    await books();
  });
}
