import { expect, it } from "vitest";
import { receiveInbound } from "@/lib/admin/receive-inbound.server";
import { withTransaction } from "@/lib/db/transaction.server";
import { isAppError } from "@/lib/errors/app-error";
import { consumeLineReservations, loadFulfilment } from "@/lib/fulfilment/fulfilment-steps.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordInbound } from "@/lib/inventory/record-inbound.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { createWorld, type World } from "@/lib/reservations/test-world";
import { loadShopperOrder } from "@/lib/payments/load-shopper-order.server";
import { sweepOrders } from "@/lib/sweeps/sweep-orders.server";
import { cancelUnpaidOrder } from "./cancel-unpaid-order.server";
import { confirmOrderPayment } from "./confirm-order-payment.server";
import { expireOrderHold } from "./expire-order-hold.server";
import { placeOrder, type PlaceOrderOptions } from "./place-order.server";
import { quoteMethods } from "./quote-methods.server";
import { rejectFulfilment } from "./reject-fulfilment.server";

const now = new Date("2026-11-22T10:00:00Z");
let keys = 0;
const key = () => `bp-${Date.now()}-${++keys}`;
const POINT = { latitude: 31.2355, longitude: 121.4815 };

type BpWorld = World & { userId: string };

/**
 * Nodes `a` and `b` (stores, pickup + express). A kit = 1 shoe + 2 socks: `a` holds shoes but
 * only 1 sock, `b` holds both (a whole kit only there). `lost` = shoe + `gone` (no stock
 * anywhere). `pre` is on presale with a cap of 5 and no stock; 100 units are announced at `a`.
 */
async function createBundlePresaleWorld(prisma: PrismaClient): Promise<BpWorld> {
  const w = await createWorld(prisma, {
    nodes: ["a", "b"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: {
      shoe: { stock: { a: 10, b: 3 } },
      sock: { stock: { a: 1, b: 8 } },
      gone: {},
      pre: { presaleCap: 5 },
    },
    bundles: { kit: { shoe: 1, sock: 2 }, lost: { shoe: 1, gone: 1 } },
  });
  await prisma.sku.update({ where: { id: w.sku("kit") }, data: { listPrice: 89_900 } });
  await prisma.sku.update({
    where: { id: w.sku("pre") },
    data: { presaleShipDate: new Date("2026-12-13T00:00:00Z") },
  });
  await recordInbound(prisma, {
    nodeId: w.node("a"),
    skuId: w.sku("pre"),
    quantity: 100,
    documentId: "PO-1",
    now,
  });
  return { ...w, userId: await createMember(prisma, w) };
}

async function createMember(prisma: PrismaClient, w: World): Promise<string> {
  const user = await prisma.user.create({
    data: {
      email: `bp-${w.node("a")}@test.dev`,
      name: "Member",
      passwordHash: "-",
      role: "CONSUMER",
      member: { create: { memberNo: `M-${w.node("a")}` } },
    },
  });
  return user.id;
}

/** Stores a, b, c; a kit (1 shoe + 2 socks) is whole only where both are stocked deep enough. */
async function createKitWorld(
  prisma: PrismaClient,
  stock: { shoe: Record<string, number>; sock: Record<string, number> },
): Promise<BpWorld> {
  const w = await createWorld(prisma, {
    nodes: ["a", "b", "c"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: { shoe: { stock: stock.shoe }, sock: { stock: stock.sock } },
    bundles: { kit: { shoe: 1, sock: 2 } },
  });
  return { ...w, userId: await createMember(prisma, w) };
}

function order(
  w: BpWorld,
  lines: [string, number][],
  method: "PICKUP" | "SAME_CITY" | "EXPRESS" = "EXPRESS",
): PlaceOrderOptions {
  return {
    channelCode: w.channel("web"),
    buyer: { kind: "MEMBER", userId: w.userId },
    lines: lines.map(([sku, quantity]) => ({ skuId: w.sku(sku), quantity })),
    method,
    destination:
      method === "PICKUP"
        ? { kind: "store", nodeId: w.node("a") }
        : { kind: "address", addressLine: "1 Nanjing Road", city: "Shanghai", ...POINT },
    contact: { name: "Li Wei" },
    paymentProvider: "DEMO",
    idempotencyKey: key(),
  };
}

function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

async function presaleSold(prisma: PrismaClient, w: BpWorld): Promise<number> {
  return (await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("pre") } })).presaleSold;
}

async function statusOf(prisma: PrismaClient, orderId: string) {
  return (await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, details: (error.details ?? {}) as Record<string, unknown> };
}

async function stockOf(prisma: PrismaClient, w: BpWorld, node: string, sku: string) {
  const row = await prisma.stockLevel.findUnique({
    where: { nodeId_skuId: { nodeId: w.node(node), skuId: w.sku(sku) } },
  });
  return { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0, inbound: row?.inbound ?? 0 };
}

async function nothingReserved(prisma: PrismaClient, w: BpWorld) {
  expect(await prisma.order.count({ where: { userId: w.userId } })).toBe(0);
  expect(await prisma.reservation.count({ where: { skuId: { in: w.skuIds } } })).toBe(0);
  const pre = await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("pre") } });
  expect(pre.presaleSold).toBe(0);
}

/** Bundles and presale through the order path (checkout, payment, fulfilment, inbound). */
export function defineBundlePresaleOrderTests(db: () => PrismaClient): void {
  it("a bundle is ordered at its bundle price, its components reserved together at the one node that holds them all", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const placed = await placeOrder(prisma, { now, ...order(w, [["kit", 1]]) });
    expect(placed.created).toBe(true);
    const saved = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { lines: true, fulfilmentOrders: { include: { lines: true } }, reservations: true },
    });
    expect(saved.lines).toMatchObject([{ skuId: w.sku("kit"), quantity: 1, unitPrice: 89_900 }]);
    expect(saved.subtotal).toBe(89_900);
    // Only b holds a whole kit (a has one sock); the node picks the components.
    expect(saved.fulfilmentOrders.map((fo) => fo.nodeId)).toEqual([w.node("b")]);
    const lineId = saved.lines[0]?.id;
    expect(
      saved.fulfilmentOrders[0]?.lines
        .map((l) => [l.skuId, l.quantity, l.orderLineId])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ).toEqual(
      [
        [w.sku("shoe"), 1, lineId],
        [w.sku("sock"), 2, lineId],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const groups = new Set(saved.reservations.map((r) => r.groupId));
    expect(groups.size).toBe(1);
    expect([...groups][0]).not.toBeNull();
    expect(saved.reservations.every((r) => r.bundleSkuId === w.sku("kit"))).toBe(true);
    expect(await stockOf(prisma, w, "b", "shoe")).toMatchObject({ onHand: 3, reserved: 1 });
    expect(await stockOf(prisma, w, "b", "sock")).toMatchObject({ onHand: 8, reserved: 2 });
    expect(await stockOf(prisma, w, "a", "shoe")).toMatchObject({ reserved: 0 });

    // Paid: both component holds become allocations; shipping takes the components out of stock.
    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: now,
    });
    expect(paid.outcome).toBe("PAID");
    const allocations = await prisma.reservation.findMany({ where: { orderId: placed.orderId } });
    expect(allocations.map((r) => [r.kind, r.status])).toEqual([
      ["ORDER_ALLOCATION", "ACTIVE"],
      ["ORDER_ALLOCATION", "ACTIVE"],
    ]);
    const foId = saved.fulfilmentOrders[0]?.id ?? "";
    await withTransaction(prisma, async (tx) =>
      consumeLineReservations(tx, await loadFulfilment(tx, foId), "shipped", now),
    );
    expect(await stockOf(prisma, w, "b", "shoe")).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await stockOf(prisma, w, "b", "sock")).toMatchObject({ onHand: 6, reserved: 0 });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a bundle whose component is out of stock is refused naming the component, and nothing is reserved", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const refused = await refusal(placeOrder(prisma, { now, ...order(w, [["lost", 1]]) }));
    expect(refused.code).toBe("OUT_OF_STOCK");
    expect(refused.details).toMatchObject({
      reason: "BUNDLE_COMPONENT",
      skuId: w.sku("lost"),
      componentSkuId: w.sku("gone"),
      requested: 1,
      available: 0,
      product: "Runner",
      productZh: "跑鞋",
      colour: "Black",
      colourZh: "黑",
      size: "gone",
    });
    await nothingReserved(prisma, w);
    expect(await stockOf(prisma, w, "a", "shoe")).toMatchObject({ reserved: 0 });

    // Quotes say the same for every method instead of failing the checkout page.
    const quotes = await quoteMethods(prisma, {
      channelCode: w.channel("web"),
      lines: [{ skuId: w.sku("lost"), quantity: 1 }],
      point: POINT,
      now,
    });
    expect(quotes.map((q) => [q.available, q.reason?.code])).toEqual([
      [false, "BUNDLE_COMPONENT"],
      [false, "BUNDLE_COMPONENT"],
      [false, "BUNDLE_COMPONENT"],
    ]);
  });

  it("presale checks out by express against the cap and waits with no node; receiving the inbound allocates it and makes a fulfilment order", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const placed = await placeOrder(prisma, { now, ...order(w, [["pre", 2]]) });
    // Unpaid presale demand runs on the same payment deadline as a checkout hold.
    expect(placed.holdExpiresAt).toEqual(minutesAfter(now, 15));
    const saved = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { lines: true, fulfilmentOrders: true, reservations: true },
    });
    expect(saved.lines).toMatchObject([{ skuId: w.sku("pre"), quantity: 2, isPresale: true }]);
    expect(saved.fulfilmentOrders).toHaveLength(0);
    expect(saved.reservations).toMatchObject([
      {
        kind: "PRESALE",
        status: "WAITING",
        nodeId: null,
        quantity: 2,
        orderLineId: saved.lines[0]?.id,
      },
    ]);
    expect((await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("pre") } })).presaleSold).toBe(
      2,
    );

    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: now,
    });
    expect(paid.outcome).toBe("PAID");
    // Paid, the demand waits for inbound for as long as it takes.
    expect(
      await prisma.reservation.findFirstOrThrow({ where: { orderId: placed.orderId } }),
    ).toMatchObject({ status: "WAITING", expiresAt: null });

    const received = await receiveInbound(prisma, {
      skuCode: w.sku("pre"),
      nodeId: w.node("a"),
      quantity: 30,
      now,
    });
    expect(received).toMatchObject({
      received: 30,
      allocatedUnits: 2,
      allocatedOrderIds: [placed.orderId],
    });
    expect(await stockOf(prisma, w, "a", "pre")).toEqual({ onHand: 30, reserved: 2, inbound: 70 });
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { fulfilmentOrders: { include: { lines: true } }, reservations: true },
    });
    expect(after.reservations).toMatchObject([
      { kind: "ORDER_ALLOCATION", status: "ACTIVE", nodeId: w.node("a"), quantity: 2 },
    ]);
    expect(after.fulfilmentOrders).toHaveLength(1);
    expect(after.fulfilmentOrders[0]).toMatchObject({ nodeId: w.node("a"), status: "ROUTED" });
    expect(after.fulfilmentOrders[0]?.lines).toMatchObject([
      { skuId: w.sku("pre"), quantity: 2, orderLineId: saved.lines[0]?.id },
    ]);
    const receipt = await prisma.stockMovement.findFirst({
      where: { skuId: w.sku("pre"), kind: "RECEIPT", documentId: received.documentId },
    });
    expect(receipt).toMatchObject({ onHandDelta: 30, inboundDelta: -30 });
    // The allocation is picked like any other line.
    const foId = after.fulfilmentOrders[0]?.id ?? "";
    await withTransaction(prisma, async (tx) =>
      consumeLineReservations(tx, await loadFulfilment(tx, foId), "shipped", now),
    );
    expect(await stockOf(prisma, w, "a", "pre")).toMatchObject({ onHand: 28, reserved: 0 });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("presale above the cap is refused with what is left, and nothing is reserved", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const refused = await refusal(placeOrder(prisma, { now, ...order(w, [["pre", 6]]) }));
    expect(refused).toMatchObject({
      code: "OUT_OF_STOCK",
      details: { reason: "PRESALE_CAP", skuId: w.sku("pre"), requested: 6, available: 5 },
    });
    await nothingReserved(prisma, w);

    // With 4 sold, 2 more is refused with 1 left; a bundle line in the same order rolls back too.
    await placeOrder(prisma, { now, ...order(w, [["pre", 4]]) });
    const mixed = await refusal(
      placeOrder(prisma, {
        now,
        ...order(w, [
          ["kit", 1],
          ["pre", 2],
        ]),
      }),
    );
    expect(mixed.details).toMatchObject({ reason: "PRESALE_CAP", available: 1 });
    expect(await stockOf(prisma, w, "b", "shoe")).toMatchObject({ reserved: 0 });
    expect((await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("pre") } })).presaleSold).toBe(
      4,
    );
  });

  it("presale with pickup or same-city delivery is refused naming the item; quotes offer express only", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    for (const method of ["PICKUP", "SAME_CITY"] as const) {
      const refused = await refusal(placeOrder(prisma, { now, ...order(w, [["pre", 1]], method) }));
      expect(refused.code).toBe("UNDELIVERABLE");
      expect(refused.details).toMatchObject({
        reason: "PRESALE_EXPRESS_ONLY",
        skuId: w.sku("pre"),
        method,
        product: "Runner",
        size: "pre",
      });
    }
    await nothingReserved(prisma, w);
    const quotes = await quoteMethods(prisma, {
      channelCode: w.channel("web"),
      lines: [{ skuId: w.sku("pre"), quantity: 1 }],
      point: POINT,
      now,
    });
    expect(quotes.map((q) => [q.method, q.available, q.reason?.code ?? null])).toEqual([
      ["PICKUP", false, "PRESALE_EXPRESS_ONLY"],
      ["SAME_CITY", false, "PRESALE_EXPRESS_ONLY"],
      ["EXPRESS", true, null],
    ]);
  });

  it("cancelling an unpaid order gives the presale cap and the bundle's components back", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const placed = await placeOrder(prisma, {
      now,
      ...order(w, [
        ["kit", 1],
        ["pre", 3],
      ]),
    });
    expect(await stockOf(prisma, w, "b", "sock")).toMatchObject({ reserved: 2 });
    const { cancelled } = await cancelUnpaidOrder(prisma, {
      orderId: placed.orderId,
      reason: "CANCELLED_BY_SHOPPER",
      now,
    });
    expect(cancelled).toBe(true);
    expect(await stockOf(prisma, w, "b", "sock")).toMatchObject({ reserved: 0 });
    expect(await stockOf(prisma, w, "b", "shoe")).toMatchObject({ reserved: 0 });
    expect((await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("pre") } })).presaleSold).toBe(
      0,
    );
    const open = await prisma.reservation.count({
      where: { orderId: placed.orderId, status: { in: ["ACTIVE", "WAITING"] } },
    });
    expect(open).toBe(0);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("an unpaid presale-only order lapses with its hold: the sweeper cancels it and gives the cap back; a late payment counts it again", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const placed = await placeOrder(prisma, { now, ...order(w, [["pre", 2]]) });
    const deadline = minutesAfter(now, 15);

    await expect(
      expireOrderHold(prisma, { orderNo: placed.orderNo, userId: w.userId, now }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await sweepOrders(prisma, { now: minutesAfter(now, 14) });
    expect(await statusOf(prisma, placed.orderId)).toBe("PENDING_PAYMENT");
    expect(await presaleSold(prisma, w)).toBe(2);

    const lapsed = await loadShopperOrder(prisma, {
      orderNo: placed.orderNo,
      userId: w.userId,
      now: deadline,
    });
    expect(lapsed?.holdLapsed).toBe(true);
    // Other tests' orders share the database: count nothing, look at this order.
    await sweepOrders(prisma, { now: deadline });
    const cancelled = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { reservations: true },
    });
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.reservations).toMatchObject([{ kind: "PRESALE", status: "EXPIRED" }]);
    expect(await presaleSold(prisma, w)).toBe(0);

    // Paid after the lapse: the demand is counted against the cap again and waits with no deadline.
    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: minutesAfter(now, 20),
    });
    expect(paid.outcome).toBe("PAID");
    expect(await presaleSold(prisma, w)).toBe(2);
    const open = await prisma.reservation.findMany({
      where: { orderId: placed.orderId, status: "WAITING" },
    });
    expect(open).toMatchObject([{ kind: "PRESALE", quantity: 2, expiresAt: null }]);
    await sweepOrders(prisma, { now: minutesAfter(now, 60 * 24) });
    expect(await statusOf(prisma, placed.orderId)).toBe("PAID");
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a late payment is refunded when the presale cap filled while the order was lapsed", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const placed = await placeOrder(prisma, { now, ...order(w, [["pre", 2]]) });
    await sweepOrders(prisma, { now: minutesAfter(now, 15) });
    await placeOrder(prisma, { now: minutesAfter(now, 16), ...order(w, [["pre", 5]]) });
    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: minutesAfter(now, 17),
    });
    expect(paid.outcome).toBe("REFUND_NEEDED");
    expect(await presaleSold(prisma, w)).toBe(5);
    expect(
      await prisma.reservation.count({
        where: { orderId: placed.orderId, status: { in: ["ACTIVE", "WAITING"] } },
      }),
    ).toBe(0);
  });

  it("receiving inbound serves paid and unpaid demand in order; the unpaid allocation lapses and its units go back on sale, a lapsed one is never served", async () => {
    const prisma = db();
    const w = await createBundlePresaleWorld(prisma);
    const paidOrder = await placeOrder(prisma, { now, ...order(w, [["pre", 2]]) });
    await confirmOrderPayment(prisma, {
      orderId: paidOrder.orderId,
      provider: "DEMO",
      amount: paidOrder.total,
      paidAt: now,
    });
    const unpaid = await placeOrder(prisma, { now, ...order(w, [["pre", 1]]) });
    const late = await placeOrder(prisma, {
      now: minutesAfter(now, -20),
      ...order(w, [["pre", 1]]),
    });

    const received = await receiveInbound(prisma, {
      skuCode: w.sku("pre"),
      nodeId: w.node("a"),
      quantity: 10,
      now: minutesAfter(now, 1),
    });
    // The order placed 20 minutes earlier was never paid: its deadline passed, it is not served.
    expect(received.allocatedOrderIds.sort()).toEqual([paidOrder.orderId, unpaid.orderId].sort());
    expect(received.allocatedOrderIds).not.toContain(late.orderId);
    expect(await stockOf(prisma, w, "a", "pre")).toMatchObject({ onHand: 10, reserved: 3 });

    await sweepOrders(prisma, { now: minutesAfter(now, 15) });
    expect(await statusOf(prisma, late.orderId)).toBe("CANCELLED");
    expect(await stockOf(prisma, w, "a", "pre")).toMatchObject({ onHand: 10, reserved: 2 });
    const unpaidAfter = await prisma.order.findUniqueOrThrow({
      where: { id: unpaid.orderId },
      include: { fulfilmentOrders: true, reservations: true },
    });
    expect(unpaidAfter.status).toBe("CANCELLED");
    expect(unpaidAfter.fulfilmentOrders).toMatchObject([{ status: "CANCELLED" }]);
    expect(unpaidAfter.reservations).toMatchObject([
      { kind: "ORDER_ALLOCATION", status: "EXPIRED" },
    ]);
    const paidAfter = await prisma.order.findUniqueOrThrow({
      where: { id: paidOrder.orderId },
      include: { reservations: true },
    });
    expect(paidAfter.status).toBe("PAID");
    expect(paidAfter.reservations).toMatchObject([
      { kind: "ORDER_ALLOCATION", status: "ACTIVE", expiresAt: null },
    ]);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a bundle a store rejects is routed again as a set, to one node that holds every component, reserved as a group", async () => {
    const prisma = db();
    const w = await createKitWorld(prisma, {
      shoe: { a: 10, b: 3, c: 3 },
      sock: { a: 1, b: 8, c: 8 },
    });
    const placed = await placeOrder(prisma, { now, ...order(w, [["kit", 1]]) });
    const first = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { orderId: placed.orderId },
    });
    const result = await rejectFulfilment(prisma, {
      fulfilmentOrderId: first.id,
      reason: "box damaged",
      now,
    });
    expect(result.rerouted).toBe(true);
    const next = await prisma.fulfilmentOrder.findMany({
      where: { id: { in: result.newFulfilmentOrderIds } },
      include: { lines: true },
    });
    expect(next).toHaveLength(1);
    const other = [w.node("b"), w.node("c")].find((n) => n !== first.nodeId);
    expect(next[0]?.nodeId).toBe(other);
    expect(next[0]?.lines.map((l) => [l.skuId, l.quantity]).sort()).toEqual(
      [
        [w.sku("shoe"), 1],
        [w.sku("sock"), 2],
      ].sort(),
    );
    const held = await prisma.reservation.findMany({
      where: { orderId: placed.orderId, status: "ACTIVE" },
    });
    expect(held).toHaveLength(2);
    expect(new Set(held.map((r) => r.nodeId))).toEqual(new Set([other]));
    expect(held[0]?.groupId).toBeTruthy();
    expect(held[1]?.groupId).toBe(held[0]?.groupId);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a rejected bundle is not split across nodes: with no other node holding a whole set it waits for the admin", async () => {
    const prisma = db();
    // b alone holds a whole kit; a has shoes, c has socks.
    const w = await createKitWorld(prisma, {
      shoe: { a: 10, b: 3 },
      sock: { a: 1, b: 8, c: 5 },
    });
    const placed = await placeOrder(prisma, { now, ...order(w, [["kit", 1]]) });
    const first = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { orderId: placed.orderId },
    });
    expect(first.nodeId).toBe(w.node("b"));
    const result = await rejectFulfilment(prisma, {
      fulfilmentOrderId: first.id,
      reason: "box damaged",
      now,
    });
    expect(result).toMatchObject({ rerouted: false, newFulfilmentOrderIds: [] });
    expect(
      await prisma.reservation.count({ where: { orderId: placed.orderId, status: "ACTIVE" } }),
    ).toBe(0);
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });
}
