import "server-only";
import type Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { activePaymentProvider } from "./stripe-config";
import { getStripe } from "./stripe-client.server";

/**
 * Where the shopper goes to pay an order: Stripe's hosted checkout, or the demo payment page.
 * Refuses an order that is not theirs, not waiting for payment, or whose hold has lapsed.
 */
export async function startPayment(
  db: Db,
  input: {
    orderNo: string;
    userId: string;
    /** The site's origin, for the return addresses Stripe redirects to. */
    origin: string;
    stripe?: Stripe;
    provider?: "STRIPE" | "DEMO";
    now?: Date;
  },
): Promise<{ redirectUrl: string; provider: "STRIPE" | "DEMO" }> {
  const order = await db.order.findUnique({
    where: { orderNo: input.orderNo },
    select: {
      id: true,
      orderNo: true,
      userId: true,
      status: true,
      total: true,
      currency: true,
      // A presale WAITING for inbound holds the order too (it has no expiry).
      reservations: {
        where: { status: { in: ["ACTIVE", "WAITING"] } },
        select: { expiresAt: true },
      },
    },
  });
  if (!order || order.userId !== input.userId)
    throw new AppError("NOT_FOUND", "No such order.", { details: { reason: "ORDER" } });
  if (order.status !== "PENDING_PAYMENT") {
    throw new AppError("CONFLICT", "This order is not waiting for payment.", {
      details: { reason: "NOT_AWAITING_PAYMENT" },
    });
  }
  const now = input.now ?? new Date();
  if (
    order.reservations.length === 0 ||
    order.reservations.some((r) => r.expiresAt && r.expiresAt <= now)
  ) {
    throw new AppError(
      "HOLD_EXPIRED",
      "The hold on this order has expired and its items were released. Nothing was charged.",
    );
  }
  return startPaymentFor(db, { ...input, order });
}

/** An order the shopper may pay now. */
export type PayableOrder = { id: string; orderNo: string; total: number; currency: string };

/**
 * Starts paying an order already known to be payable: one placed in this request, whose holds
 * were made a moment ago (startPayment checks any other).
 */
export async function startPaymentFor(
  db: Db,
  input: {
    order: PayableOrder;
    origin: string;
    stripe?: Stripe;
    provider?: "STRIPE" | "DEMO";
  },
): Promise<{ redirectUrl: string; provider: "STRIPE" | "DEMO" }> {
  const { order } = input;
  const provider =
    input.provider ?? activePaymentProvider({ stripeSecretKey: env.STRIPE_SECRET_KEY });
  if (provider === "DEMO") {
    return { provider, redirectUrl: `/checkout/pay/${encodeURIComponent(order.orderNo)}` };
  }
  const stripe = input.stripe ?? getStripe();
  const orderUrl = `${input.origin}/orders/${encodeURIComponent(order.orderNo)}`;
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: order.orderNo,
      metadata: { orderId: order.id, orderNo: order.orderNo },
      // The payment intent carries the order too, so its own events find the order.
      payment_intent_data: { metadata: { orderId: order.id, orderNo: order.orderNo } },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: order.currency.toLowerCase(),
            unit_amount: order.total,
            product_data: { name: `OnePool order ${order.orderNo}` },
          },
        },
      ],
      success_url: `${orderUrl}?paid=1`,
      cancel_url: orderUrl,
    },
    // One session per order and amount, however often the shopper presses Pay.
    { idempotencyKey: `checkout_${order.id}_${order.total}` },
  );
  if (!session.url) throw new AppError("PAYMENT_FAILED", "Card payment could not be started.");
  await db.payment.upsert({
    where: { providerRef: session.id },
    create: {
      orderId: order.id,
      provider: "STRIPE",
      kind: "CHARGE",
      status: "PENDING",
      amount: order.total,
      currency: order.currency,
      providerRef: session.id,
    },
    update: {},
  });
  return { provider, redirectUrl: session.url };
}
