import type Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { placeOrder } from "@/lib/orders/place-order.server";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { startPayment } from "@/lib/payments/start-payment.server";
import { createStripeClient } from "@/lib/payments/stripe-client.server";
import { startFakeStripe, type FakeStripe } from "@/test/stripe/fake-stripe-server";
import { receiveReturn } from "./receive-return.server";
import { refundReturn, RETURN_POINTS_REASON } from "./refund-return.server";
import { requestReturn } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";
import {
  createCounterWorld,
  deliveredOrder,
  fulfil,
  ordersOffTheBooks,
  sameCityOrder,
  settlementIdentity,
  type CounterWorld,
} from "./testing/counter-world";

// Staff pressing refund at the same moment, each press its own request on its own connection
// of the pool, on the real PostgreSQL: the money goes back once, and is booked once.

const SECRET = "whsec_test_onepool_returns";

describeIfPostgres("refunding a return when several presses race", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 12 });
  let prisma: PrismaClient;
  let w: CounterWorld;
  let fake: FakeStripe;
  let stripe: Stripe;

  beforeAll(async () => {
    prisma = db();
    w = await createCounterWorld(prisma);
    // Enough stock at store A for every round.
    await prisma.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 100
      WHERE "nodeId" = ${w.storeA}`;
    const levels = await prisma.stockLevel.findMany({ where: { nodeId: w.storeA } });
    await prisma.stockMovement.createMany({
      data: levels.map((l) => ({
        nodeId: l.nodeId,
        skuId: l.skuId,
        kind: "RECEIPT" as const,
        onHandDelta: 100,
        reason: "more stock for the races",
        documentType: "TEST",
        documentId: "race",
      })),
    });
    fake = await startFakeStripe();
    stripe = createStripeClient("sk_test_onepool", fake.baseUrl);
  });

  afterAll(async () => {
    await fake?.close();
  });

  /** A received return of one tee and the rare of a delivered demo order; refund due > 0. */
  async function receivedReturn(lines: [string, number][] = [["tee", 1]]) {
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
    );
    return { order, ...(await returnAndReceive(order.orderNo, order.id, lines)) };
  }

  async function returnAndReceive(orderNo: string, orderId: string, lines: [string, number][]) {
    const orderLines = await prisma.orderLine.findMany({ where: { orderId } });
    const asked = await requestReturn(prisma, {
      userId: w.memberUserId,
      request: {
        orderNo,
        mode: "AT_STORE",
        reason: "WRONG_SIZE",
        lines: lines.map(([sku, quantity]) => ({
          orderLineId: orderLines.find((l) => l.skuId === w.sku(sku))!.id,
          quantity,
        })),
      },
    });
    const returnLines = await prisma.returnLine.findMany({ where: { returnId: asked.returnId } });
    const received = await receiveReturn(prisma, {
      actor: w.staffB,
      receipt: {
        returnId: asked.returnId,
        lines: returnLines.map((l) => ({ returnLineId: l.id, decision: "RESTOCK" as const })),
      },
    });
    expect(received.refundAmount).toBeGreaterThan(0);
    return { returnId: asked.returnId, refundAmount: received.refundAmount };
  }

  /** What one return's refund left behind. */
  async function refundRecords(orderId: string, returnId: string) {
    const [payments, entries, points, ret, order] = await Promise.all([
      prisma.payment.findMany({ where: { orderId, kind: "REFUND" } }),
      prisma.settlementEntry.findMany({ where: { returnId } }),
      prisma.pointsEntry.findMany({ where: { orderId, reason: RETURN_POINTS_REASON } }),
      prisma.return.findUniqueOrThrow({ where: { id: returnId } }),
      prisma.order.findUniqueOrThrow({ where: { id: orderId } }),
    ]);
    return { payments, entries, points, ret, order };
  }

  const pressers = (n: number): ReturnActor[] =>
    Array.from({ length: n }, (_, i) => (i % 3 === 2 ? w.admin : w.staffB));

  it("two to five demo refunds pressed together: one REFUND row, one set of entries, refunded once", async () => {
    for (const n of [2, 3, 5]) {
      const { order, returnId, refundAmount } = await receivedReturn();
      const outcomes = await Promise.all(
        pressers(n).map((actor) => refundReturn(prisma, { actor, returnId })),
      );
      expect(outcomes.filter((o) => !o.already)).toEqual([
        { returnId, refunded: refundAmount, already: false },
      ]);
      expect(outcomes.filter((o) => o.already)).toHaveLength(n - 1);
      expect(outcomes.reduce((s, o) => s + o.refunded, 0)).toBe(refundAmount);
      const {
        payments,
        entries,
        points,
        ret,
        order: after,
      } = await refundRecords(order.id, returnId);
      expect(payments).toMatchObject([
        { provider: "DEMO", status: "SUCCEEDED", amount: refundAmount, returnId },
      ]);
      expect(entries.every((e) => e.paymentId === payments[0]!.id)).toBe(true);
      expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(-refundAmount);
      expect(entries.filter((e) => e.kind === "REFUND")).toHaveLength(1);
      expect(points).toHaveLength(1);
      expect(ret.status).toBe("REFUNDED");
      expect(after.paymentStatus).toBe("PARTIALLY_REFUNDED");
    }
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
  });

  it("two staff receiving the same return at once: one receipt, one restock", async () => {
    const order = await deliveredOrder(prisma, w, sameCityOrder(w, [["tee", 1]]));
    const line = await prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const asked = await requestReturn(prisma, {
      userId: w.memberUserId,
      request: {
        orderNo: order.orderNo,
        mode: "AT_STORE",
        reason: "OTHER",
        lines: [{ orderLineId: line.id, quantity: 1 }],
      },
    });
    const returnLine = await prisma.returnLine.findFirstOrThrow({
      where: { returnId: asked.returnId },
    });
    const movements = await prisma.stockMovement.count({ where: { kind: "RETURN" } });
    const outcomes = await Promise.allSettled(
      [w.staffB, w.staffB, w.staffA].map((actor) =>
        receiveReturn(prisma, {
          actor,
          receipt: {
            returnId: asked.returnId,
            lines: [{ returnLineId: returnLine.id, decision: "RESTOCK" }],
          },
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === "rejected")
        expect(o.reason).toMatchObject({ code: "CONFLICT", details: { reason: "RETURN_STATE" } });
    expect(await prisma.stockMovement.count({ where: { kind: "RETURN" } })).toBe(movements + 1);
  });

  it("Stripe refunds pressed together: one refund at Stripe, one REFUND row, one set of entries", async () => {
    const placed = await placeOrder(prisma, {
      ...sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
      paymentProvider: "STRIPE",
    });
    const { redirectUrl } = await startPayment(prisma, {
      orderNo: placed.orderNo,
      userId: w.memberUserId,
      origin: "http://127.0.0.1:3000",
      stripe,
      provider: "STRIPE",
    });
    const session = [...fake.sessions.values()].find((s) => s.url === redirectUrl)!;
    const { payload, signature } = fake.sign(fake.completeSession(session.id), SECRET);
    expect(
      await receiveStripeWebhook(prisma, { stripe, webhookSecret: SECRET, payload, signature }),
    ).toMatchObject({ outcome: "PAID" });
    await fulfil(prisma, placed.orderId, w.admin);
    const { returnId, refundAmount } = await returnAndReceive(placed.orderNo, placed.orderId, [
      ["tee", 1],
      ["rare", 1],
    ]);

    const outcomes = await Promise.all(
      pressers(5).map((actor) => refundReturn(prisma, { actor, returnId, stripe })),
    );
    expect(outcomes.filter((o) => !o.already)).toEqual([
      { returnId, refunded: refundAmount, already: false },
    ]);
    const atStripe = fake.refunds.filter((r) => r.payment_intent === session.payment_intent);
    expect(atStripe).toHaveLength(1);
    expect(atStripe[0]).toMatchObject({ amount: refundAmount });
    const { payments, entries, points, ret, order } = await refundRecords(placed.orderId, returnId);
    expect(payments).toMatchObject([
      {
        provider: "STRIPE",
        status: "SUCCEEDED",
        amount: refundAmount,
        returnId,
        providerRef: atStripe[0]!.id,
      },
    ]);
    expect(entries.every((e) => e.paymentId === payments[0]!.id)).toBe(true);
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(-refundAmount);
    expect(points).toHaveLength(1);
    expect(ret.status).toBe("REFUNDED");
    expect(order.paymentStatus).toBe("PARTIALLY_REFUNDED");
    // Pressed again later: nothing more at Stripe or in the books.
    expect(await refundReturn(prisma, { actor: w.staffB, returnId, stripe })).toMatchObject({
      already: true,
    });
    expect(fake.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(1);
  });

  it("two returns of one order refunded at the same moment: the order ends REFUNDED, each organisation back to zero", async () => {
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
    );
    const first = await returnAndReceive(order.orderNo, order.id, [
      ["tee", 1],
      ["rare", 1],
    ]);
    const last = await returnAndReceive(order.orderNo, order.id, [["tee", 1]]);
    expect(first.refundAmount + last.refundAmount).toBe(order.total);
    await Promise.all(
      [first, last].map((r) => refundReturn(prisma, { actor: w.staffB, returnId: r.returnId })),
    );
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { settlement: true, payments: { where: { kind: "REFUND" } } },
    });
    expect(after.payments.reduce((s, p) => s + p.amount, 0)).toBe(order.total);
    // Soft, so that both the order's status and its books are reported.
    expect.soft(after.paymentStatus, "order paid back in full").toBe("REFUNDED");
    const byOrg = new Map<string, number>();
    for (const e of after.settlement)
      byOrg.set(e.organizationId, (byOrg.get(e.organizationId) ?? 0) + e.amount);
    expect
      .soft(Object.fromEntries(byOrg), "each organisation's share of the order, all given back")
      .toEqual(Object.fromEntries([...byOrg.keys()].map((org) => [org, 0])));
  });

  it("two returns refunded at once never give back more than is left on the order", async () => {
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
    );
    const first = await returnAndReceive(order.orderNo, order.id, [
      ["tee", 1],
      ["rare", 1],
    ]);
    const last = await returnAndReceive(order.orderNo, order.id, [["tee", 1]]);
    // Customer service gives back part of the order meanwhile: both returns no longer fit.
    const goodwill = 30_000;
    await refundOrderPayment(prisma, { orderId: order.id, amount: goodwill, reason: "goodwill" });
    const outcomes = await Promise.allSettled(
      [first, last].map((r) => refundReturn(prisma, { actor: w.staffB, returnId: r.returnId })),
    );
    const refunds = await prisma.payment.findMany({
      where: { orderId: order.id, kind: "REFUND", status: { not: "FAILED" } },
    });
    expect
      .soft(
        refunds.reduce((s, p) => s + p.amount, 0),
        "refunded in all, at most what was paid",
      )
      .toBeLessThanOrEqual(order.total);
    // As when pressed one after the other: one is paid back, the other refused.
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "REFUND_ABOVE_PAID" },
    });
  });

  it("the settlement books still equal what was paid less what was refunded", async () => {
    const { booked, expected } = await settlementIdentity(prisma);
    expect(booked).toBe(expected);
  });
});
