import { expect, it } from "vitest";
import { receiveInbound } from "@/lib/admin/receive-inbound.server";
import { withTransaction } from "@/lib/db/transaction.server";
import { isAppError } from "@/lib/errors/app-error";
import { consumeLineReservations, loadFulfilment } from "@/lib/fulfilment/fulfilment-steps.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordInbound } from "@/lib/inventory/record-inbound.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { createWorld, type World } from "@/lib/reservations/test-world";
import { cancelUnpaidOrder } from "./cancel-unpaid-order.server";
import { confirmOrderPayment } from "./confirm-order-payment.server";
import { placeOrder, type PlaceOrderOptions } from "./place-order.server";
import { quoteMethods } from "./quote-methods.server";

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
  const user = await prisma.user.create({
    data: {
      email: `bp-${w.node("a")}@test.dev`,
      name: "Member",
      passwordHash: "-",
      role: "CONSUMER",
      member: { create: { memberNo: `M-${w.node("a")}` } },
    },
  });
  return { ...w, userId: user.id };
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
    expect(placed.holdExpiresAt).toBeNull();
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
    expect(
      (await prisma.reservation.findFirstOrThrow({ where: { orderId: placed.orderId } })).status,
    ).toBe("WAITING");

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
}
