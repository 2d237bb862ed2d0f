import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/transaction.server";
import { clearCartItems, findCurrentCart } from "@/lib/cart/get-cart.server";
import { sellableCartLines } from "@/lib/cart/sellable-cart-lines.server";
import type { SessionUser } from "@/lib/auth/roles";
import { shopChannelOf } from "@/lib/cart/shop-channel.server";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { nameRefusedItems } from "@/lib/orders/name-refused-items.server";
import { refuseSoldOutAtGate } from "@/lib/orders/order-stock-gate.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { getRedis } from "@/lib/redis/client.server";
import { requestOrigin } from "@/lib/payments/request-origin.server";
import { startPayment, startPaymentFor } from "@/lib/payments/start-payment.server";
import { activePaymentProvider } from "@/lib/payments/stripe-config";
import { checkoutLimiter } from "@/lib/rate-limit/index.server";
import { retryAfterSeconds } from "@/lib/rate-limit/limiter";
import { destinationOf, type checkoutSchema } from "./checkout-input";

function cartEmpty() {
  return new AppError("INVALID_INPUT", "Your cart is empty.", {
    details: { reason: "CART_EMPTY" },
  });
}

/**
 * Places the signed-in buyer's cart as an order (routed and reserved by the order engine) and
 * says where to pay: a consumer's web cart as a member order, an employee's employee-store cart as
 * an employee order (employee prices, quota taken in the same transaction). Refusals (empty cart,
 * out of stock, undeliverable, coupon, quota) reserve nothing.
 */
export async function placeCheckoutOrder(
  db: Db,
  options: { user: Pick<SessionUser, "id" | "role">; input: z.output<typeof checkoutSchema> },
): Promise<{ orderNo: string; redirectUrl: string }> {
  const { user, input } = options;
  const userId = user.id;
  const shop = shopChannelOf(user);
  // Counted before anything is read: a script hammering checkout is turned away cheaply.
  const limit = await checkoutLimiter().limit(userId);
  if (!limit.success) {
    throw new AppError("RATE_LIMITED", "Too many checkout attempts. Wait a minute and try again.", {
      details: { reason: "CHECKOUT", retryAfterSeconds: retryAfterSeconds(limit) },
    });
  }
  const current = await findCurrentCart(db);
  if (!current) throw cartEmpty();
  const { units } = current;
  // Once a size is sold out, pressing "Place order" costs one Redis read from here on.
  await refuseSoldOutAtGate(getRedis(), { channelId: current.channelId, units }).catch(
    async (error: unknown) => {
      throw await nameRefusedItems(db, error);
    },
  );
  // Priced and stock-checked by the order itself: only what the shop sells is read here.
  const lines = await sellableCartLines(db, { ...current, units });
  if (lines.length === 0) throw cartEmpty();
  const placed = await placeOrder(db, {
    channelCode: shop.code,
    buyer: { kind: shop.code === "EMPLOYEE" ? "EMPLOYEE" : "MEMBER", userId },
    lines,
    method: input.method,
    destination: destinationOf(input),
    contact: {
      name: input.contactName,
      ...(input.contactPhone ? { phone: input.contactPhone } : {}),
    },
    couponCode: input.couponCode,
    pointsToRedeem: input.pointsToRedeem || undefined,
    paymentProvider: activePaymentProvider({ stripeSecretKey: env.STRIPE_SECRET_KEY }),
    idempotencyKey: `${shop.code.toLowerCase()}_${userId}_${input.idempotencyKey}`,
    holdMinutes: env.E2E_SHORT_HOLDS && input.holdSeconds ? input.holdSeconds / 60 : undefined,
  });
  if (placed.created)
    await clearCartItems(db, { cartId: current.cartId, skuIds: lines.map((l) => l.skuId) });
  const orderUrl = `/orders/${encodeURIComponent(placed.orderNo)}`;
  try {
    const origin = await requestOrigin();
    // An order placed just now is payable as it stands; a repeated press is checked again.
    const payment = placed.created
      ? await startPaymentFor(db, {
          order: {
            id: placed.orderId,
            orderNo: placed.orderNo,
            total: placed.total,
            currency: placed.currency,
          },
          origin,
        })
      : await startPayment(db, { orderNo: placed.orderNo, userId, origin });
    return { orderNo: placed.orderNo, redirectUrl: payment.redirectUrl };
  } catch (error) {
    // A repeated submit of a checkout already paid: show the order.
    if (isAppError(error) && error.code === "CONFLICT")
      return { orderNo: placed.orderNo, redirectUrl: orderUrl };
    // The order and its hold stand; the order page offers to pay again.
    console.error(error);
    return { orderNo: placed.orderNo, redirectUrl: `${orderUrl}?payment=unavailable` };
  }
}
