import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines } from "@/lib/fulfilment/pick-lines.server";
import { STORE_CHANNEL_CODE } from "@/lib/fulfilment/search-endless-aisle.server";
import { verifyPickupCode } from "@/lib/fulfilment/verify-pickup-code.server";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { recordSucceededCharge } from "@/lib/payments/record-charge.server";
import { createWorld, refusalOf, stockState, type World } from "@/lib/reservations/test-world";
import { reconcileBooks } from "@/lib/settlement/reconcile.server";
import { exchangeAtStore, type ExchangeInput } from "./exchange-at-store.server";
import { loadExchangeOptions } from "./exchange-options.server";
import { refundReturn } from "./refund-return.server";
import type { ReturnActor } from "./return-counter.server";

const PHONE = "+86 138 0000 0000";
const PRICE = 59_900;

/** Exchanges at the counter, shared by the PGlite and PostgreSQL runs. */
export function defineExchangeTests(db: () => PrismaClient, options: { concurrent: boolean }) {
  let w: World;
  let staff: ReturnActor;
  let admin: ReturnActor;
  let member: { userId: string };
  let otherStyleSku: string;

  // One world per database: the store channel is found by its fixed code.
  beforeAll(async () => {
    const prisma = db();
    w = await createWorld(prisma, {
      nodes: ["sh", "bj", "wh"],
      channels: {
        web: { priority: 1, policy: { mode: "SHARED" } },
        store: { priority: 2, policy: { mode: "SHARED" } },
      },
      skus: {
        m40: { stock: { sh: 20, wh: 20 } },
        m41: { stock: { sh: 10, wh: 20 } },
        m42: { stock: { sh: 10, wh: 20 } },
        m39: { stock: { sh: 10, wh: 20 } },
        m43: { stock: { wh: 20 } },
        m44: {},
      },
    });
    await prisma.channel.update({
      where: { id: w.channel("store") },
      data: { code: STORE_CHANNEL_CODE },
    });
    await prisma.node.update({
      where: { id: w.node("wh") },
      data: { type: "REGIONAL_WAREHOUSE", offersPickup: false },
    });
    await prisma.sku.update({ where: { id: w.sku("m42") }, data: { listPrice: 69_900 } });
    await prisma.sku.update({ where: { id: w.sku("m39") }, data: { listPrice: 49_900 } });
    const suffix = randomUUID().slice(0, 8);
    const user = async (key: string, role: "STORE_STAFF" | "ADMIN" | "CONSUMER") =>
      prisma.user.create({
        data: {
          email: `${key}-${suffix}@test.dev`,
          name: key,
          passwordHash: "-",
          role,
          storeNodeId: role === "STORE_STAFF" ? w.node("sh") : null,
          ...(role === "CONSUMER" ? { member: { create: { memberNo: `M-${suffix}` } } } : {}),
        },
      });
    const s = await user("staff", "STORE_STAFF");
    staff = { id: s.id, role: "STORE_STAFF", storeNodeId: w.node("sh") };
    const a = await user("admin", "ADMIN");
    admin = { id: a.id, role: "ADMIN", storeNodeId: null };
    member = { userId: (await user("member", "CONSUMER")).id };
    const style = await prisma.sku.findUniqueOrThrow({
      where: { id: w.sku("m40") },
      select: { product: { select: { categoryId: true } } },
    });
    const other = await prisma.product.create({
      data: {
        styleCode: `OTHER-${suffix}`,
        name: "Walker",
        nameZh: "步行鞋",
        description: "-",
        descriptionZh: "-",
        categoryId: style.product.categoryId,
        gender: "U",
        lifecycle: "IN_SEASON",
        listPrice: PRICE,
        imagePath: "/x.png",
      },
    });
    otherStyleSku = (
      await prisma.sku.create({
        data: {
          productId: other.id,
          skuCode: `OTHER-${suffix}-41`,
          barcode: `OTHER-${suffix}-41`,
          color: "Black",
          colorZh: "黑",
          colorHex: "#000000",
          size: "41",
        },
      })
    ).id;
  });

  /** A member's web order for pickup at `sh`, paid (demo) and collected with its code. */
  async function collectedOrder(sku = "m40", quantity = 1) {
    const prisma = db();
    const placed = await placeOrder(prisma, {
      channelCode: w.channel("web"),
      buyer: { kind: "MEMBER", userId: member.userId },
      lines: [{ skuId: w.sku(sku), quantity }],
      method: "PICKUP",
      destination: { kind: "store", nodeId: w.node("sh") },
      contact: { name: "Li Wei", phone: PHONE },
      paymentProvider: "DEMO",
      idempotencyKey: `old-${randomUUID()}`,
    });
    await prisma.$transaction((tx) =>
      recordSucceededCharge(tx, {
        orderId: placed.orderId,
        provider: "DEMO",
        amount: placed.total,
        chargeRef: `demo_${placed.orderId}`,
      }),
    );
    await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
    });
    const fo = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { orderId: placed.orderId, nodeId: w.node("sh"), shipToNodeId: null },
      include: { lines: true },
    });
    const step = { fulfilmentOrderId: fo.id, actor: staff };
    await acceptFulfilment(prisma, step);
    await pickLines(prisma, {
      ...step,
      ticks: fo.lines.map((l) => ({ lineId: l.id, pickedQty: l.quantity })),
    });
    await packFulfilment(prisma, step);
    await markReadyForPickup(prisma, step);
    await verifyPickupCode(prisma, { ...step, code: fo.pickupCode! });
    const line = await prisma.orderLine.findFirstOrThrow({ where: { orderId: placed.orderId } });
    return { ...placed, orderLineId: line.id };
  }

  const exchangeOf = (
    order: { orderNo: string; orderLineId: string },
    newSku: string,
    extra: Partial<ExchangeInput> = {},
  ): ExchangeInput => ({
    orderNo: order.orderNo,
    contact: PHONE,
    orderLineId: order.orderLineId,
    quantity: 1,
    newSkuId: w.sku(newSku),
    reason: "WRONG_SIZE",
    idempotencyKey: randomUUID(),
    ...extra,
  });

  async function level(node: string, sku: string) {
    const row = await db().stockLevel.findUnique({
      where: { nodeId_skuId: { nodeId: w.node(node), skuId: w.sku(sku) } },
    });
    return { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0 };
  }

  async function paymentsOf(orderId: string) {
    return db().payment.findMany({
      where: { orderId },
      orderBy: [{ kind: "asc" }, { provider: "asc" }],
      select: { kind: true, provider: true, status: true, amount: true, providerRef: true },
    });
  }

  /** Σ entries = Σ paid order totals − Σ refunds, over the whole database. */
  async function expectBooksBalance() {
    const books = await reconcileBooks(db());
    expect(books.differing).toEqual([]);
    expect(books.booked).toBe(books.expected);
    expect(books.booked).toBeGreaterThan(0);
  }

  it("same price: nothing to pay, the old order's value carried as credit, the unit back on the shelf, the new size reserved here", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const before = { m40: await level("sh", "m40"), m41: await level("sh", "m41") };

    const done = await exchangeAtStore(prisma, { actor: staff, exchange: exchangeOf(old, "m41") });
    expect(done).toMatchObject({
      returnedValue: PRICE,
      newTotal: PRICE,
      toPay: 0,
      toRefund: 0,
    });
    expect(done.rmaNo).toMatch(/^RMA\d{14}$/);
    expect(done.pickupCode).toMatch(/^\d{6}$/);

    const ret = await prisma.return.findUniqueOrThrow({
      where: { id: done.returnId },
      include: { lines: true, exchangeOrder: true },
    });
    expect(ret).toMatchObject({
      status: "REFUNDED",
      atStore: true,
      returnCode: null,
      receivingNodeId: w.node("sh"),
      receivedById: staff.id,
      refundAmount: PRICE,
    });
    expect(ret.lines.map((l) => [l.quantity, l.condition])).toEqual([[1, "RESALABLE"]]);
    const fresh = ret.exchangeOrder!;
    expect(fresh).toMatchObject({
      orderNo: done.newOrderNo,
      channelId: w.channel("store"),
      buyerType: "WALK_IN",
      guideUserId: staff.id,
      method: "PICKUP",
      pickupNodeId: w.node("sh"),
      contactName: "Li Wei",
      contactPhone: PHONE,
      status: "PAID",
      paymentStatus: "PAID",
      paymentProvider: "EXCHANGE_CREDIT",
      total: PRICE,
      idempotencyKey: `exchange:${done.returnId}`,
    });

    expect(await paymentsOf(old.orderId)).toEqual([
      {
        kind: "CHARGE",
        provider: "DEMO",
        status: "SUCCEEDED",
        amount: PRICE,
        providerRef: `demo_${old.orderId}`,
      },
      {
        kind: "REFUND",
        provider: "EXCHANGE_CREDIT",
        status: "SUCCEEDED",
        amount: PRICE,
        providerRef: `exchange_credit_${done.returnId}`,
      },
    ]);
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: old.orderId } })).paymentStatus,
    ).toBe("REFUNDED");
    expect(await paymentsOf(fresh.id)).toEqual([
      {
        kind: "CHARGE",
        provider: "EXCHANGE_CREDIT",
        status: "SUCCEEDED",
        amount: PRICE,
        providerRef: `exchange_credit_in_${done.returnId}`,
      },
    ]);

    // The returned unit is on this store's shelf again; the new size is promised from it.
    expect(await level("sh", "m40")).toEqual({
      onHand: before.m40.onHand + 1,
      reserved: before.m40.reserved,
    });
    expect(await level("sh", "m41")).toEqual({
      onHand: before.m41.onHand,
      reserved: before.m41.reserved + 1,
    });
    const back = await prisma.stockMovement.findMany({
      where: { kind: "RETURN", documentId: done.rmaNo },
    });
    expect(back.map((m) => [m.nodeId, m.skuId, m.onHandDelta])).toEqual([
      [w.node("sh"), w.sku("m40"), 1],
    ]);
    const holds = await prisma.reservation.findMany({ where: { orderId: fresh.id } });
    expect(holds.map((r) => [r.nodeId, r.skuId, r.kind, r.status, r.quantity])).toEqual([
      [w.node("sh"), w.sku("m41"), "ORDER_ALLOCATION", "ACTIVE", 1],
    ]);
    await expectBooksBalance();
  });

  it("a dearer size: the credit and the difference paid at the till", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const done = await exchangeAtStore(prisma, { actor: staff, exchange: exchangeOf(old, "m42") });
    expect(done).toMatchObject({
      returnedValue: PRICE,
      newTotal: 69_900,
      toPay: 10_000,
      toRefund: 0,
    });
    const fresh = await prisma.order.findUniqueOrThrow({ where: { orderNo: done.newOrderNo } });
    expect(fresh).toMatchObject({ status: "PAID", paymentProvider: "IN_STORE", total: 69_900 });
    const charges = await paymentsOf(fresh.id);
    expect(
      new Set(charges.map((p) => `${p.kind} ${p.provider} ${p.amount} ${p.providerRef}`)),
    ).toEqual(
      new Set([
        `CHARGE IN_STORE 10000 in_store_${fresh.id}`,
        `CHARGE EXCHANGE_CREDIT ${PRICE} exchange_credit_in_${done.returnId}`,
      ]),
    );
    expect(
      (await paymentsOf(old.orderId))
        .filter((p) => p.kind === "REFUND")
        .map((p) => [p.provider, p.amount]),
    ).toEqual([["EXCHANGE_CREDIT", PRICE]]);
    const ret = await prisma.return.findUniqueOrThrow({ where: { id: done.returnId } });
    expect([ret.status, ret.exchangeOrderId]).toEqual(["REFUNDED", fresh.id]);
    await expectBooksBalance();
  });

  it("a cheaper size: the credit covers it and the difference is refunded through the original payment", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const done = await exchangeAtStore(prisma, { actor: staff, exchange: exchangeOf(old, "m39") });
    expect(done).toMatchObject({
      returnedValue: PRICE,
      newTotal: 49_900,
      toPay: 0,
      toRefund: 10_000,
    });
    const refunds = (await paymentsOf(old.orderId)).filter((p) => p.kind === "REFUND");
    expect(new Set(refunds.map((p) => `${p.provider} ${p.amount} ${p.providerRef}`))).toEqual(
      new Set([
        `DEMO 10000 demo_refund_return_${done.returnId}`,
        `EXCHANGE_CREDIT 49900 exchange_credit_${done.returnId}`,
      ]),
    );
    const fresh = await prisma.order.findUniqueOrThrow({ where: { orderNo: done.newOrderNo } });
    expect((await paymentsOf(fresh.id)).map((p) => [p.kind, p.provider, p.amount])).toEqual([
      ["CHARGE", "EXCHANGE_CREDIT", 49_900],
    ]);
    const ret = await prisma.return.findUniqueOrThrow({ where: { id: done.returnId } });
    expect([ret.status, ret.exchangeOrderId]).toEqual(["REFUNDED", fresh.id]);
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: old.orderId } })).paymentStatus,
    ).toBe("REFUNDED");
    await expectBooksBalance();
  });

  it("a size this store lacks is routed here from another node and collected with the code", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const before = await level("wh", "m43");
    const done = await exchangeAtStore(prisma, { actor: staff, exchange: exchangeOf(old, "m43") });
    expect(done).toMatchObject({ toPay: 0, toRefund: 0 });
    expect(done.pickupCode).toMatch(/^\d{6}$/);
    const fresh = await prisma.order.findUniqueOrThrow({
      where: { orderNo: done.newOrderNo },
      include: { fulfilmentOrders: { include: { lines: true } } },
    });
    const parcel = fresh.fulfilmentOrders.find((f) => f.shipToNodeId === w.node("sh"));
    const handover = fresh.fulfilmentOrders.find(
      (f) => f.nodeId === w.node("sh") && !f.shipToNodeId,
    );
    expect(parcel?.nodeId).toBe(w.node("wh"));
    expect(parcel?.lines.map((l) => [l.skuId, l.quantity])).toEqual([[w.sku("m43"), 1]]);
    expect(handover?.lines).toEqual([]);
    expect(handover?.pickupCode).toBe(done.pickupCode);
    expect(await level("wh", "m43")).toEqual({
      onHand: before.onHand,
      reserved: before.reserved + 1,
    });
    expect(fresh.status).toBe("PAID");
    await expectBooksBalance();
  });

  it("pressing twice makes one return, one new order, one credit and one hold", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const before = { m40: await level("sh", "m40"), m41: await level("sh", "m41") };
    const input = exchangeOf(old, "m41");
    const first = await exchangeAtStore(prisma, { actor: staff, exchange: input });
    const again = await exchangeAtStore(prisma, { actor: staff, exchange: input });
    expect(again).toEqual(first);
    expect(await prisma.return.count({ where: { orderId: old.orderId } })).toBe(1);
    expect(
      await prisma.order.count({ where: { idempotencyKey: `exchange:${first.returnId}` } }),
    ).toBe(1);
    const fresh = await prisma.order.findUniqueOrThrow({ where: { orderNo: first.newOrderNo } });
    expect(await prisma.reservation.count({ where: { orderId: fresh.id } })).toBe(1);
    expect((await paymentsOf(old.orderId)).filter((p) => p.kind === "REFUND")).toHaveLength(1);
    expect(await paymentsOf(fresh.id)).toHaveLength(1);
    expect(await level("sh", "m40")).toEqual({ ...before.m40, onHand: before.m40.onHand + 1 });
    expect(await level("sh", "m41")).toEqual({ ...before.m41, reserved: before.m41.reserved + 1 });

    // The same key for other items is refused.
    const reused = await refusalOf(
      exchangeAtStore(prisma, { actor: staff, exchange: { ...input, quantity: 2 } }),
    );
    expect([reused.code, reused.details?.reason]).toEqual(["CONFLICT", "IDEMPOTENCY_KEY"]);
    await expectBooksBalance();
  });

  if (options.concurrent) {
    it("two presses at once make one exchange", async () => {
      const prisma = db();
      const old = await collectedOrder();
      const before = await level("sh", "m42");
      const input = exchangeOf(old, "m42");
      const results = await Promise.all([
        exchangeAtStore(prisma, { actor: staff, exchange: input }),
        exchangeAtStore(prisma, { actor: staff, exchange: input }),
      ]);
      expect(results[1]).toEqual(results[0]);
      const fresh = await prisma.order.findUniqueOrThrow({
        where: { orderNo: results[0].newOrderNo },
      });
      expect(await paymentsOf(fresh.id)).toHaveLength(2);
      expect((await paymentsOf(old.orderId)).filter((p) => p.kind === "REFUND")).toHaveLength(1);
      expect(await level("sh", "m42")).toEqual({ ...before, reserved: before.reserved + 1 });
      await expectBooksBalance();
    });
  }

  it("refuses the same SKU, another style's SKU and a wrong contact, and changes nothing", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const snapshot = async () => ({
      stock: await stockState(prisma, w.skuIds),
      returns: await prisma.return.count(),
      orders: await prisma.order.count(),
      payments: await prisma.payment.count(),
    });
    const before = await snapshot();
    const same = await refusalOf(
      exchangeAtStore(prisma, { actor: staff, exchange: exchangeOf(old, "m40") }),
    );
    expect([same.code, same.details?.reason]).toEqual(["INVALID_INPUT", "SAME_ITEM"]);
    const foreign = await refusalOf(
      exchangeAtStore(prisma, {
        actor: staff,
        exchange: { ...exchangeOf(old, "m41"), newSkuId: otherStyleSku },
      }),
    );
    expect([foreign.code, foreign.details?.reason, foreign.details?.skuId]).toEqual([
      "NOT_FOUND",
      "SKU",
      otherStyleSku,
    ]);
    const unknown = await refusalOf(
      exchangeAtStore(prisma, {
        actor: staff,
        exchange: { ...exchangeOf(old, "m41"), newSkuId: "no-such-sku" },
      }),
    );
    expect([unknown.code, unknown.details?.reason]).toEqual(["NOT_FOUND", "SKU"]);
    const stranger = await refusalOf(
      exchangeAtStore(prisma, {
        actor: staff,
        exchange: { ...exchangeOf(old, "m41"), contact: "+86 139 9999 9999" },
      }),
    );
    expect([stranger.code, stranger.details?.reason]).toEqual(["NOT_FOUND", "ORDER"]);
    expect(await snapshot()).toEqual(before);
  });

  it("only a store's staff exchange", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const returns = await prisma.return.count();
    for (const actor of [
      admin,
      { id: member.userId, role: "CONSUMER" as const, storeNodeId: null },
      { ...staff, storeNodeId: null },
    ]) {
      const refused = await refusalOf(
        exchangeAtStore(prisma, { actor, exchange: exchangeOf(old, "m41") }),
      );
      expect([refused.code, refused.details?.reason]).toEqual(["FORBIDDEN", "STORE_STAFF_ONLY"]);
    }
    expect(await prisma.return.count()).toBe(returns);
  });

  it("a size no node can fill: the return stays received (refundable as usual) and OUT_OF_STOCK is thrown", async () => {
    const prisma = db();
    const old = await collectedOrder();
    const before = await level("sh", "m40");
    const input = exchangeOf(old, "m44");
    const refused = await refusalOf(exchangeAtStore(prisma, { actor: staff, exchange: input }));
    expect([refused.code, refused.details?.reason]).toEqual(["OUT_OF_STOCK", "NO_NODE_CAN_FILL"]);
    const ret = await prisma.return.findFirstOrThrow({ where: { orderId: old.orderId } });
    expect([ret.status, ret.exchangeOrderId, ret.refundAmount]).toEqual(["RECEIVED", null, PRICE]);
    expect(await level("sh", "m40")).toEqual({ ...before, onHand: before.onHand + 1 });
    expect(await prisma.payment.count({ where: { returnId: ret.id } })).toBe(0);

    const refunded = await refundReturn(prisma, { actor: staff, returnId: ret.id });
    expect(refunded).toMatchObject({ refunded: PRICE, already: false });
    // Once refunded in money, the same exchange cannot go on.
    const late = await refusalOf(exchangeAtStore(prisma, { actor: staff, exchange: input }));
    expect([late.code, late.details?.reason]).toEqual(["CONFLICT", "RETURN_STATE"]);
    expect(await prisma.order.count({ where: { idempotencyKey: `exchange:${ret.id}` } })).toBe(0);
    await expectBooksBalance();
  });

  it("offers each returnable line with the style's other sizes, their prices and stock here", async () => {
    const prisma = db();
    const old = await collectedOrder("m40", 2);
    const options = await loadExchangeOptions(prisma, {
      actor: staff,
      orderNo: old.orderNo,
      contact: PHONE,
    });
    expect(options).toMatchObject({
      orderNo: old.orderNo,
      contactName: "Li Wei",
      returnable: true,
    });
    const [line] = options.lines;
    expect(line).toMatchObject({
      orderLineId: old.orderLineId,
      skuId: w.sku("m40"),
      returnable: 2,
      paidPerUnit: PRICE,
    });
    const sizes = new Map(line!.sizes.map((s) => [s.size, s]));
    expect([...sizes.keys()].sort()).toEqual(["m39", "m41", "m42", "m43", "m44"]);
    expect(sizes.get("m42")).toMatchObject({ price: 69_900, elsewhere: 20 });
    expect(sizes.get("m39")?.price).toBe(49_900);
    expect(sizes.get("m43")).toMatchObject({ atThisStore: 0, elsewhere: expect.any(Number) });
    expect(sizes.get("m44")).toMatchObject({ atThisStore: 0, elsewhere: 0 });

    const wrong = await refusalOf(
      loadExchangeOptions(prisma, { actor: staff, orderNo: old.orderNo, contact: "nobody@x.y" }),
    );
    expect(wrong.code).toBe("NOT_FOUND");
    expect(
      (
        await refusalOf(
          loadExchangeOptions(prisma, { actor: admin, orderNo: old.orderNo, contact: PHONE }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
}
