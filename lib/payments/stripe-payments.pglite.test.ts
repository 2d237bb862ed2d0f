import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { seedDemoData } from "@/prisma/seed/write-seed";
import { startFakeStripe, type FakeStripe } from "@/test/stripe/fake-stripe-server";
import { receiveStripeWebhook } from "./receive-stripe-webhook.server";
import { refundOrderPayment } from "./refund-order-payment.server";
import { payDemoOrder } from "./pay-demo-order.server";
import { recordDemoFailure } from "./record-demo-failure.server";
import { startPayment } from "./start-payment.server";
import { loadShopperOrder } from "./load-shopper-order.server";
import { expireOrderHold } from "@/lib/orders/expire-order-hold.server";
import { createStripeClient } from "./stripe-client.server";

// The Stripe path end to end below the HTTP layer: the real SDK talks to a local stand-in of the
// Stripe API, and webhook events are signed exactly as Stripe signs them.

const SECRET = "whsec_test_onepool_payments";
const ORIGIN = "http://127.0.0.1:3000";

async function refusalOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "NO_REFUSAL";
}

describe("Stripe payments against a local Stripe stand-in", () => {
  const db = useMigratedDatabase("pglite");
  let prisma: PrismaClient;
  let fake: FakeStripe;
  let stripe: Stripe;
  let userId: string;
  let store: { id: string };
  let skuIds: string[];
  let keyNo = 0;

  beforeAll(async () => {
    prisma = db();
    await seedDemoData(prisma);
    fake = await startFakeStripe();
    stripe = createStripeClient("sk_test_onepool", fake.baseUrl);
    userId = (await prisma.user.findUniqueOrThrow({ where: { email: "consumer@onepool.dev" } })).id;
    store = await prisma.node.findUniqueOrThrow({
      where: { code: "SH-001" },
      select: { id: true },
    });
    // In-season SKUs the flagship holds several of: each test orders a different one.
    const levels = await prisma.stockLevel.findMany({
      where: {
        nodeId: store.id,
        onHand: { gte: 6 },
        sku: { product: { lifecycle: "IN_SEASON" }, isBundle: false },
      },
      select: { skuId: true },
      take: 40,
    });
    skuIds = levels.map((l) => l.skuId);
  }, 600_000);

  afterAll(async () => {
    await fake?.close();
  });

  /** Places a one-unit pickup order at the flagship on the next SKU it can, paid through Stripe. */
  async function placePickup(now = new Date()) {
    while (skuIds.length > 0) {
      const skuId = skuIds.shift()!;
      try {
        const placed = await placeOrder(prisma, {
          channelCode: "WEB",
          buyer: { kind: "MEMBER", userId },
          lines: [{ skuId, quantity: 1 }],
          method: "PICKUP",
          destination: { kind: "store", nodeId: store.id },
          contact: { name: "Li Wei" },
          paymentProvider: "STRIPE",
          idempotencyKey: `stripe-test-${keyNo++}-${Date.now()}`,
          now,
        });
        return { ...placed, skuId };
      } catch (error) {
        if (isAppError(error) && ["OUT_OF_STOCK", "UNDELIVERABLE"].includes(error.code)) continue;
        throw error;
      }
    }
    throw new Error("no SKU left to order");
  }

  async function sessionFor(orderNo: string, now?: Date) {
    const { redirectUrl } = await startPayment(prisma, {
      orderNo,
      userId,
      origin: ORIGIN,
      stripe,
      provider: "STRIPE",
      now,
    });
    const session = [...fake.sessions.values()].find((s) => s.url === redirectUrl);
    if (!session) throw new Error("no session created");
    return session;
  }

  it("creates one Checkout Session per order through the SDK, with the order and its total", async () => {
    const order = await placePickup();
    const first = await sessionFor(order.orderNo);
    const again = await sessionFor(order.orderNo);
    expect(again.id).toBe(first.id);
    const calls = fake.calls.filter((c) => c.path === "/v1/checkout/sessions");
    expect(calls.at(-1)?.idempotencyKey).toBe(`checkout_${order.orderId}_${order.total}`);
    expect(first.amount_total).toBe(order.total);
    expect(first.metadata.orderId).toBe(order.orderId);
    expect(first.success_url).toBe(`${ORIGIN}/orders/${order.orderNo}?paid=1`);
    const rows = await prisma.payment.findMany({ where: { orderId: order.orderId } });
    expect(rows).toMatchObject([
      {
        provider: "STRIPE",
        kind: "CHARGE",
        status: "PENDING",
        amount: order.total,
        providerRef: first.id,
      },
    ]);
  });

  it("a signed checkout.session.completed pays the order once, however often it is delivered", async () => {
    const order = await placePickup();
    const session = await sessionFor(order.orderNo);
    const { payload, signature } = fake.sign(fake.completeSession(session.id), SECRET);

    const first = await receiveStripeWebhook(prisma, {
      stripe,
      webhookSecret: SECRET,
      payload,
      signature,
    });
    expect(first).toMatchObject({ duplicate: false, outcome: "PAID", refunded: 0 });
    const paid = await prisma.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: { payments: true, reservations: true },
    });
    expect(paid.status).toBe("PAID");
    expect(paid.paymentStatus).toBe("PAID");
    expect(paid.reservations.map((r) => [r.kind, r.status])).toEqual([
      ["ORDER_ALLOCATION", "ACTIVE"],
    ]);
    expect(paid.payments).toMatchObject([
      {
        kind: "CHARGE",
        status: "SUCCEEDED",
        amount: order.total,
        providerRef: session.payment_intent,
      },
    ]);

    const replays = await Promise.all(
      [1, 2, 3].map(() =>
        receiveStripeWebhook(prisma, { stripe, webhookSecret: SECRET, payload, signature }),
      ),
    );
    expect(replays.every((r) => r.duplicate)).toBe(true);
    expect(await prisma.payment.count({ where: { orderId: order.orderId } })).toBe(1);
    expect(await prisma.webhookEvent.count({ where: { id: first.eventId } })).toBe(1);
    expect(await prisma.reservation.count({ where: { orderId: order.orderId } })).toBe(1);
  });

  it("refuses a forged or tampered event and changes nothing", async () => {
    const order = await placePickup();
    const session = await sessionFor(order.orderNo);
    const event = fake.completeSession(session.id);
    const forged = fake.sign(event, "whsec_someone_else");
    expect(
      await refusalOf(receiveStripeWebhook(prisma, { stripe, webhookSecret: SECRET, ...forged })),
    ).toBe("INVALID_INPUT");
    const genuine = fake.sign(event, SECRET);
    const tampered = genuine.payload.replace(`"amount_total":${order.total}`, '"amount_total":1');
    expect(tampered).not.toBe(genuine.payload);
    expect(
      await refusalOf(
        receiveStripeWebhook(prisma, {
          stripe,
          webhookSecret: SECRET,
          payload: tampered,
          signature: genuine.signature,
        }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await refusalOf(
        receiveStripeWebhook(prisma, {
          stripe,
          webhookSecret: SECRET,
          payload: genuine.payload,
          signature: null,
        }),
      ),
    ).toBe("INVALID_INPUT");
    // A correctly signed but stale delivery (outside Stripe's five-minute tolerance) is refused too.
    const stale = fake.sign(event, SECRET, Math.floor(Date.now() / 1000) - 3600);
    expect(
      await refusalOf(receiveStripeWebhook(prisma, { stripe, webhookSecret: SECRET, ...stale })),
    ).toBe("INVALID_INPUT");

    expect(await prisma.webhookEvent.count({ where: { id: event.id } })).toBe(0);
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: { payments: true },
    });
    expect(after.status).toBe("PENDING_PAYMENT");
    expect(after.payments.map((p) => p.status)).toEqual(["PENDING"]);
  });

  it("a payment that arrives after the hold expired re-reserves the stock when it is still there", async () => {
    const placedAt = new Date(Date.now() - 30 * 60_000);
    const order = await placePickup(placedAt);
    const session = await sessionFor(order.orderNo, placedAt);
    expect(
      await cancelUnpaidOrder(prisma, { orderId: order.orderId, reason: "HOLD_EXPIRED" }),
    ).toMatchObject({ cancelled: true });

    const { payload, signature } = fake.sign(fake.completeSession(session.id), SECRET);
    const receipt = await receiveStripeWebhook(prisma, {
      stripe,
      webhookSecret: SECRET,
      payload,
      signature,
    });
    expect(receipt).toMatchObject({ outcome: "PAID", refunded: 0 });
    const paid = await prisma.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: { reservations: { where: { status: "ACTIVE" } } },
    });
    expect(paid.status).toBe("PAID");
    expect(paid.reservations.map((r) => r.kind)).toEqual(["ORDER_ALLOCATION"]);
    expect(fake.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(0);
  });

  it("a payment that arrives after the hold expired and the stock is gone is refunded through the SDK, once", async () => {
    const placedAt = new Date(Date.now() - 30 * 60_000);
    const order = await placePickup(placedAt);
    const session = await sessionFor(order.orderNo, placedAt);
    await cancelUnpaidOrder(prisma, { orderId: order.orderId, reason: "HOLD_EXPIRED" });
    // Someone else buys every unit the flagship has left while the payment is on its way.
    const channel = await prisma.channel.findUniqueOrThrow({ where: { code: "WEB" } });
    for (let i = 0; i < 500; i++) {
      const code = await refusalOf(
        reserveStock(prisma, {
          channelId: channel.id,
          skuId: order.skuId,
          nodeId: store.id,
          quantity: 1,
          kind: "CHECKOUT_HOLD",
          ttlSeconds: 3600,
        }),
      );
      if (code === "OUT_OF_STOCK") break;
      expect(code).toBe("NO_REFUSAL");
    }

    const { payload, signature } = fake.sign(fake.completeSession(session.id), SECRET);
    const receipt = await receiveStripeWebhook(prisma, {
      stripe,
      webhookSecret: SECRET,
      payload,
      signature,
    });
    expect(receipt).toMatchObject({ outcome: "REFUND_NEEDED", refunded: order.total });
    const refunds = fake.refunds.filter((r) => r.payment_intent === session.payment_intent);
    expect(refunds).toMatchObject([{ amount: order.total }]);
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: {
        payments: { orderBy: { createdAt: "asc" } },
        reservations: { where: { status: "ACTIVE" } },
      },
    });
    expect(after.status).toBe("CANCELLED");
    expect(after.paymentStatus).toBe("REFUNDED");
    expect(after.reservations).toHaveLength(0);
    expect(after.payments.map((p) => [p.kind, p.status, p.amount])).toEqual([
      ["CHARGE", "SUCCEEDED", order.total],
      ["REFUND", "SUCCEEDED", order.total],
    ]);

    // Replayed, and refunded again by hand: nothing more goes back.
    expect(
      await receiveStripeWebhook(prisma, { stripe, webhookSecret: SECRET, payload, signature }),
    ).toMatchObject({ duplicate: true });
    expect(
      await refundOrderPayment(prisma, { orderId: order.orderId, reason: "again", stripe }),
    ).toEqual({ refunded: 0 });
    expect(fake.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(1);
  });
  it("the demo provider pays through the same path, once per order, and refunds once", async () => {
    const order = await placePickup();
    const clicks = await Promise.all(
      [1, 2].map(() => payDemoOrder(prisma, { orderNo: order.orderNo, userId, enabled: true })),
    );
    expect(clicks.map((c) => c.outcome).sort()).toEqual(["ALREADY_PAID", "PAID"]);
    const paid = await prisma.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: { payments: true, reservations: true },
    });
    expect(paid.status).toBe("PAID");
    expect(paid.payments).toMatchObject([
      { provider: "DEMO", kind: "CHARGE", status: "SUCCEEDED", amount: order.total },
    ]);
    expect(paid.reservations.map((r) => r.kind)).toEqual(["ORDER_ALLOCATION"]);

    const half = Math.floor(order.total / 2);
    expect(
      await refundOrderPayment(prisma, { orderId: order.orderId, amount: half, reason: "return" }),
    ).toEqual({ refunded: half });
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).paymentStatus,
    ).toBe("PARTIALLY_REFUNDED");
    expect(await refundOrderPayment(prisma, { orderId: order.orderId, reason: "rest" })).toEqual({
      refunded: order.total - half,
    });
    expect(await refundOrderPayment(prisma, { orderId: order.orderId, reason: "again" })).toEqual({
      refunded: 0,
    });
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).paymentStatus,
    ).toBe("REFUNDED");
  });

  it("the demo provider refuses an expired hold, another shopper's order, and a disabled provider, charging nothing", async () => {
    const placedAt = new Date(Date.now() - 30 * 60_000);
    const expired = await placePickup(placedAt);
    expect(
      await refusalOf(payDemoOrder(prisma, { orderNo: expired.orderNo, userId, enabled: true })),
    ).toBe("HOLD_EXPIRED");
    expect(
      await refusalOf(
        startPayment(prisma, {
          orderNo: expired.orderNo,
          userId,
          origin: ORIGIN,
          stripe,
          provider: "STRIPE",
        }),
      ),
    ).toBe("HOLD_EXPIRED");
    await cancelUnpaidOrder(prisma, { orderId: expired.orderId, reason: "HOLD_EXPIRED" });
    expect(
      await refusalOf(payDemoOrder(prisma, { orderNo: expired.orderNo, userId, enabled: true })),
    ).toBe("HOLD_EXPIRED");
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: expired.orderId },
      include: { payments: true, reservations: { where: { status: "ACTIVE" } } },
    });
    expect(after.payments).toHaveLength(0);
    expect(after.reservations).toHaveLength(0);
    expect(after.paymentStatus).toBe("PENDING");

    const live = await placePickup();
    const stranger = await prisma.user.findUniqueOrThrow({
      where: { email: "employee@onepool.dev" },
    });
    expect(
      await refusalOf(
        payDemoOrder(prisma, { orderNo: live.orderNo, userId: stranger.id, enabled: true }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await refusalOf(payDemoOrder(prisma, { orderNo: live.orderNo, userId, enabled: false })),
    ).toBe("FORBIDDEN");
    expect(
      await recordDemoFailure(prisma, { orderNo: live.orderNo, userId, enabled: true }),
    ).toEqual({ orderNo: live.orderNo, recorded: true });
    const declined = await prisma.order.findUniqueOrThrow({
      where: { id: live.orderId },
      include: { payments: true },
    });
    expect(declined.status).toBe("PENDING_PAYMENT");
    expect(declined.payments.map((p) => [p.kind, p.status])).toEqual([["CHARGE", "FAILED"]]);
  });
  it("the order page shows a lapsed hold without writing; expiring it cancels and gives the stock back", async () => {
    const order = await placePickup();
    const hold = await prisma.reservation.findFirstOrThrow({ where: { orderId: order.orderId } });
    const reserved = async () =>
      (
        await prisma.stockLevel.findUniqueOrThrow({
          where: { nodeId_skuId: { nodeId: hold.nodeId!, skuId: hold.skuId } },
        })
      ).reserved;
    const held = await reserved();
    const stranger = await prisma.user.findUniqueOrThrow({
      where: { email: "employee@onepool.dev" },
    });
    expect(
      await loadShopperOrder(prisma, { orderNo: order.orderNo, userId: stranger.id }),
    ).toBeNull();

    const live = await loadShopperOrder(prisma, { orderNo: order.orderNo, userId });
    expect(live?.status).toBe("PENDING_PAYMENT");
    expect(live?.holdLapsed).toBe(false);
    expect(live?.holdExpiresAt?.getTime()).toBe(order.holdExpiresAt?.getTime());
    await expect(
      expireOrderHold(prisma, { orderNo: order.orderNo, userId, now: new Date() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await reserved()).toBe(held);

    const later = new Date((order.holdExpiresAt?.getTime() ?? 0) + 1000);
    const viewed = await loadShopperOrder(prisma, { orderNo: order.orderNo, userId, now: later });
    expect(viewed?.status).toBe("PENDING_PAYMENT");
    expect(viewed?.holdLapsed).toBe(true);
    expect(viewed?.holdExpiresAt).toBeNull();
    expect(await reserved()).toBe(held);

    await expect(
      expireOrderHold(prisma, { orderNo: order.orderNo, userId: stranger.id, now: later }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await expireOrderHold(prisma, { orderNo: order.orderNo, userId, now: later })).toEqual({
      cancelled: true,
    });
    const after = await loadShopperOrder(prisma, { orderNo: order.orderNo, userId, now: later });
    expect(after?.status).toBe("CANCELLED");
    expect(after?.holdLapsed).toBe(false);
    expect(after?.reservations).toHaveLength(0);
    expect(await reserved()).toBe(held - hold.quantity);
    expect(await expireOrderHold(prisma, { orderNo: order.orderNo, userId, now: later })).toEqual({
      cancelled: false,
    });
  });
});
