import { addMinutes, subDays } from "date-fns";
import { expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { releaseExpiredHolds } from "@/lib/reservations/release-expired-holds.server";
import { cancelUncollectedPickups } from "@/lib/sweeps/cancel-uncollected-pickups.server";
import { cancelUnpaidOrder } from "./cancel-unpaid-order.server";
import { confirmOrderPayment } from "./confirm-order-payment.server";
import { placeOrder, type PlaceOrderOptions } from "./place-order.server";
import { quoteMethods } from "./quote-methods.server";
import { rejectFulfilment } from "./reject-fulfilment.server";
import { createOrderWorld, NEAR_POINT, SUZHOU_POINT, type OrderWorld } from "./testing/order-world";

let keys = 0;
const key = () => `checkout-${Date.now()}-${++keys}`;

function pickupAt(w: OrderWorld, store: string, lines: [string, number][]): PlaceOrderOptions {
  return {
    channelCode: w.webCode,
    buyer: { kind: "MEMBER", userId: w.memberUserId },
    lines: lines.map(([sku, quantity]) => ({ skuId: w.sku(sku), quantity })),
    method: "PICKUP",
    destination: { kind: "store", nodeId: w.node(store) },
    contact: { name: "Li Wei", phone: "+86 138 0000 0000" },
    paymentProvider: "DEMO",
    idempotencyKey: key(),
  };
}

function deliverTo(
  w: OrderWorld,
  method: "SAME_CITY" | "EXPRESS",
  point: { latitude: number; longitude: number },
  lines: [string, number][],
): PlaceOrderOptions {
  return {
    ...pickupAt(w, "near", lines),
    method,
    destination: { kind: "address", addressLine: "1 Nanjing Road", city: "Shanghai", ...point },
  };
}

async function level(prisma: PrismaClient, w: OrderWorld, node: string, sku: string) {
  const row = await prisma.stockLevel.findUniqueOrThrow({
    where: { nodeId_skuId: { nodeId: w.node(node), skuId: w.sku(sku) } },
  });
  return { onHand: row.onHand, reserved: row.reserved };
}

async function expectRefused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
  return error as { details?: Record<string, unknown> };
}

/** Order placement, payment, rejection and cancellation against a real database. */
export function defineOrderTests(db: () => PrismaClient): void {
  it("a pickup at a store that has everything: one fulfilment order there, a 15-minute hold, a code, the decision stored", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const now = new Date();
    const placed = await placeOrder(prisma, { now, ...pickupAt(w, "near", [["tee", 2]]) });

    expect(placed.created).toBe(true);
    expect(placed.total).toBe(2 * 59_900);
    expect(placed.holdExpiresAt?.getTime()).toBe(addMinutes(now, 15).getTime());
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: {
        fulfilmentOrders: { include: { lines: true } },
        reservations: true,
        routingDecisions: true,
      },
    });
    expect(order.status).toBe("PENDING_PAYMENT");
    expect(order.fulfilmentOrders).toHaveLength(1);
    const [fo] = order.fulfilmentOrders;
    expect(fo?.nodeId).toBe(w.node("near"));
    expect(fo?.pickupCode).toMatch(/^\d{6}$/);
    expect(
      order.reservations.map((r) => [r.kind, r.nodeId, r.quantity, r.orderLineId !== null]),
    ).toEqual([["PICKUP_HOLD", w.node("near"), 2, true]]);
    expect(order.routingDecisions).toHaveLength(1);
    expect(order.routingDecisions[0]?.explanation.length).toBeGreaterThan(10);
    expect(order.routingDecisions[0]?.candidates).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeId: w.node("near"), chosen: true })]),
    );
    expect(await level(prisma, w, "near", "tee")).toEqual({ onHand: 10, reserved: 2 });
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("a pickup at a store without the goods ships them in: a parcel to the store and the store's handover", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const placed = await placeOrder(prisma, pickupAt(w, "near", [["cap", 1]]));
    const fos = await prisma.fulfilmentOrder.findMany({
      where: { orderId: placed.orderId },
      include: { lines: true },
    });
    const handover = fos.find((f) => f.nodeId === w.node("near"));
    const parcel = fos.find((f) => f.shipToNodeId === w.node("near"));
    expect(handover?.lines).toHaveLength(0);
    expect(handover?.pickupCode).toMatch(/^\d{6}$/);
    expect(parcel?.nodeId).not.toBe(w.node("near"));
    expect(parcel?.lines.map((l) => l.quantity)).toEqual([1]);
  });

  it("the same checkout submitted twice, even at once, makes one order and one hold", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const options = pickupAt(w, "near", [["tee", 1]]);
    const results = await Promise.all([placeOrder(prisma, options), placeOrder(prisma, options)]);
    const again = await placeOrder(prisma, options);
    expect(new Set([...results, again].map((r) => r.orderId)).size).toBe(1);
    expect(again.created).toBe(false);
    expect(await prisma.reservation.count({ where: { orderId: again.orderId } })).toBe(1);
    expect(await level(prisma, w, "near", "tee")).toEqual({ onHand: 10, reserved: 1 });
    await expectRefused(
      placeOrder(prisma, { ...options, lines: [{ skuId: w.sku("tee"), quantity: 3 }] }),
      "CONFLICT",
    );
  });

  it("an order no node can fill is refused with what is available where, and nothing is written", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const error = await expectRefused(
      placeOrder(prisma, deliverTo(w, "EXPRESS", NEAR_POINT, [["rare", 5]])),
      "OUT_OF_STOCK",
    );
    expect(error.details?.reason).toBe("NO_NODE_CAN_FILL");
    expect(error.details?.availability).toEqual([
      expect.objectContaining({ skuId: w.sku("rare"), requested: 5 }),
    ]);
    expect(await prisma.order.count({ where: { channelId: w.channel("web") } })).toBe(0);
    expect(await level(prisma, w, "near", "rare")).toEqual({ onHand: 2, reserved: 0 });
  });

  it("same-city delivery outside every radius is refused and offers express", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const error = await expectRefused(
      placeOrder(prisma, deliverTo(w, "SAME_CITY", SUZHOU_POINT, [["tee", 1]])),
      "UNDELIVERABLE",
    );
    expect(error.details?.alternatives).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "METHOD", method: "EXPRESS" })]),
    );
    expect(await prisma.reservation.count({ where: { channelId: w.channel("web") } })).toBe(0);
  });

  it("bad input is refused before anything is read or written", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    await expectRefused(placeOrder(prisma, pickupAt(w, "near", [["tee", 0]])), "INVALID_INPUT");
    await expectRefused(placeOrder(prisma, pickupAt(w, "near", [["tee", 1.5]])), "INVALID_INPUT");
    await expectRefused(placeOrder(prisma, pickupAt(w, "near", [])), "INVALID_INPUT");
    await expectRefused(
      placeOrder(prisma, {
        ...pickupAt(w, "near", [["tee", 1]]),
        destination: { kind: "store", nodeId: "nope" },
      }),
      "NOT_FOUND",
    );
    await expectRefused(
      placeOrder(prisma, {
        ...pickupAt(w, "near", [["tee", 1]]),
        lines: [{ skuId: "nope", quantity: 1 }],
      }),
      "NOT_FOUND",
    );
    await expectRefused(placeOrder(prisma, pickupAt(w, "wh", [["tee", 1]])), "UNDELIVERABLE");
    expect(await prisma.order.count({ where: { channelId: w.channel("web") } })).toBe(0);
  });

  it("payment turns holds into allocations once; a replay changes nothing; a wrong amount is refused", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const placed = await placeOrder(prisma, pickupAt(w, "near", [["tee", 1]]));
    await expectRefused(
      confirmOrderPayment(prisma, { orderId: placed.orderId, provider: "DEMO", amount: 1 }),
      "INVALID_INPUT",
    );
    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
    });
    const replay = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
    });
    expect([paid.outcome, replay.outcome]).toEqual(["PAID", "ALREADY_PAID"]);
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { reservations: true },
    });
    expect(order.status).toBe("PAID");
    expect(order.reservations.map((r) => [r.kind, r.status, r.expiresAt])).toEqual([
      ["ORDER_ALLOCATION", "ACTIVE", null],
    ]);
    expect(await level(prisma, w, "near", "tee")).toEqual({ onHand: 10, reserved: 1 });
  });

  it("a hold that expired unpaid is released and its order cancelled; paying late re-reserves while the stock is there", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const now = new Date();
    const placed = await placeOrder(prisma, { now, ...pickupAt(w, "near", [["rare", 2]]) });
    const later = addMinutes(now, 16);
    await releaseExpiredHolds(prisma, { now: later });
    await cancelUnpaidOrder(prisma, {
      orderId: placed.orderId,
      reason: "HOLD_EXPIRED",
      now: later,
    });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe(
      "CANCELLED",
    );
    expect(await level(prisma, w, "near", "rare")).toEqual({ onHand: 2, reserved: 0 });

    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: later,
    });
    expect(paid.outcome).toBe("PAID");
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { fulfilmentOrders: true },
    });
    expect([order.status, order.fulfilmentOrders.map((f) => f.status)]).toEqual([
      "PAID",
      ["ROUTED"],
    ]);
    expect(await level(prisma, w, "near", "rare")).toEqual({ onHand: 2, reserved: 2 });
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("paying late when the stock has gone asks for a refund and keeps the order cancelled", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const now = new Date();
    const first = await placeOrder(prisma, { now, ...pickupAt(w, "near", [["rare", 2]]) });
    const later = addMinutes(now, 16);
    await releaseExpiredHolds(prisma, { now: later });
    await placeOrder(prisma, { now: later, ...pickupAt(w, "near", [["rare", 2]]) });

    const paid = await confirmOrderPayment(prisma, {
      orderId: first.orderId,
      provider: "DEMO",
      amount: first.total,
      paidAt: later,
    });
    expect(paid.outcome).toBe("REFUND_NEEDED");
    const order = await prisma.order.findUniqueOrThrow({ where: { id: first.orderId } });
    expect([order.status, order.paymentStatus]).toEqual(["CANCELLED", "PAID"]);
    expect(await level(prisma, w, "near", "rare")).toEqual({ onHand: 2, reserved: 2 });
  });

  it("a store's rejection re-routes its part to the next best node, recorded as the next attempt", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const placed = await placeOrder(prisma, {
      ...deliverTo(w, "SAME_CITY", NEAR_POINT, [["tee", 1]]),
    });
    await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
    });
    const first = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { orderId: placed.orderId },
    });
    expect(first.nodeId).toBe(w.node("near"));

    const result = await rejectFulfilment(prisma, {
      fulfilmentOrderId: first.id,
      reason: "shelf count was wrong",
      actorUserId: w.staffUserId,
    });
    expect(result.rerouted).toBe(true);
    const fos = await prisma.fulfilmentOrder.findMany({
      where: { orderId: placed.orderId },
      orderBy: { createdAt: "asc" },
    });
    expect(fos.map((f) => [f.nodeId, f.status])).toEqual([
      [w.node("near"), "REJECTED"],
      [w.node("far"), "ROUTED"],
    ]);
    expect(
      await prisma.routingDecision.count({ where: { orderId: placed.orderId, attempt: 2 } }),
    ).toBe(1);
    expect(await level(prisma, w, "near", "tee")).toEqual({ onHand: 10, reserved: 0 });
    expect(await level(prisma, w, "far", "tee")).toEqual({ onHand: 10, reserved: 1 });
    const allocation = await prisma.reservation.findFirstOrThrow({
      where: { orderId: placed.orderId, status: "ACTIVE" },
    });
    expect(allocation.kind).toBe("ORDER_ALLOCATION");

    await expectRefused(
      rejectFulfilment(prisma, { fulfilmentOrderId: first.id, reason: "again" }),
      "CONFLICT",
    );
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("an uncollected pickup is cancelled after the configured days: released, parcels restocked at the store, refunded", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const now = new Date();
    const placed = await placeOrder(prisma, { now, ...pickupAt(w, "near", [["tee", 1]]) });
    await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: now,
    });
    const fo = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { orderId: placed.orderId },
    });
    // The store prepared it eight days ago (the transitions themselves are tested in lib/fulfilment).
    await prisma.fulfilmentOrder.update({
      where: { id: fo.id },
      data: { status: "READY_FOR_PICKUP" },
    });
    await prisma.fulfilmentEvent.create({
      data: {
        fulfilmentOrderId: fo.id,
        fromStatus: "PACKED",
        toStatus: "READY_FOR_PICKUP",
        createdAt: subDays(now, 8),
      },
    });

    expect((await cancelUncollectedPickups(prisma, { now, days: 9 })).cancelled).toEqual([]);
    const result = await cancelUncollectedPickups(prisma, { now, days: 7 });
    expect(result.cancelled).toEqual([placed.orderId]);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(order.status).toBe("CANCELLED");
    expect(await level(prisma, w, "near", "tee")).toEqual({ onHand: 10, reserved: 0 });
    expect((await cancelUncollectedPickups(prisma, { now, days: 7 })).cancelled).toEqual([]);
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("quotes each method with fee and promise, or the reason it cannot serve", async () => {
    const prisma = db();
    const w = await createOrderWorld(prisma);
    const lines = [{ skuId: w.sku("tee"), quantity: 1 }];
    const near = await quoteMethods(prisma, { channelCode: w.webCode, lines, point: NEAR_POINT });
    expect(near.map((q) => [q.method, q.available])).toEqual([
      ["PICKUP", true],
      ["SAME_CITY", true],
      ["EXPRESS", true],
    ]);
    expect(near[0]?.pickupStores?.[0]).toEqual(
      expect.objectContaining({ nodeId: w.node("near"), hasEverything: true }),
    );
    const far = await quoteMethods(prisma, { channelCode: w.webCode, lines, point: SUZHOU_POINT });
    expect(far[1]).toEqual(
      expect.objectContaining({
        available: false,
        reason: expect.objectContaining({ code: "OUTSIDE_DELIVERY_RADIUS" }),
      }),
    );
    expect(await prisma.reservation.count({ where: { channelId: w.channel("web") } })).toBe(0);
  });
}
