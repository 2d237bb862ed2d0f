"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { clearCartItems, getCurrentCart } from "@/lib/cart/get-cart.server";
import { checkCoupon } from "@/lib/coupons/check-coupon.server";
import { WEB_CHANNEL_CODE } from "@/lib/cart/web-channel.server";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { placeOrder, type OrderDestination } from "@/lib/orders/place-order.server";
import { requestOrigin } from "@/lib/payments/request-origin.server";
import { checkoutLimiter } from "@/lib/rate-limit/index.server";
import { findMemberOf } from "@/lib/payments/find-member.server";
import { startPayment } from "@/lib/payments/start-payment.server";
import { activePaymentProvider } from "@/lib/payments/stripe-config";

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max).optional(),
  );
const optionalNumber = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "Must be a number." }).optional(),
);

const checkoutSchema = z.object({
  /** Generated once per checkout page render: a double click or retry places one order. */
  idempotencyKey: z.string().trim().min(16).max(100),
  method: z.enum(["PICKUP", "SAME_CITY", "EXPRESS"], { error: "Choose how to get your order." }),
  storeNodeId: optionalText(200),
  addressLine: optionalText(300),
  city: optionalText(100),
  latitude: optionalNumber.pipe(z.number().min(-90).max(90).optional()),
  longitude: optionalNumber.pipe(z.number().min(-180).max(180).optional()),
  contactName: z.string().trim().min(1, "Enter your name.").max(100),
  contactPhone: optionalText(20).pipe(
    z
      .string()
      .regex(/^\+?[0-9 -]{5,20}$/, "Enter a phone number.")
      .optional(),
  ),
  couponCode: optionalText(50),
  pointsToRedeem: optionalNumber.pipe(
    z.number().int("Whole points only.").min(0).max(10_000_000).optional(),
  ),
  /** Honoured only on servers started with E2E_SHORT_HOLDS=true (end-to-end tests). */
  holdSeconds: optionalNumber.pipe(z.number().int().min(5).max(3600).optional()),
});

export type CheckoutInput = z.input<typeof checkoutSchema>;

function destinationOf(input: z.output<typeof checkoutSchema>): OrderDestination {
  if (input.method === "PICKUP") {
    if (!input.storeNodeId) {
      throw new AppError("INVALID_INPUT", "Choose a store to pick up from.", {
        fieldErrors: { storeNodeId: ["Choose a store."] },
      });
    }
    return { kind: "store", nodeId: input.storeNodeId };
  }
  if (
    !input.addressLine ||
    input.latitude === undefined ||
    input.longitude === undefined ||
    !input.city
  ) {
    throw new AppError("INVALID_INPUT", "Choose a delivery area and enter the street address.", {
      fieldErrors: { addressLine: ["Enter the street and number, and choose the area."] },
    });
  }
  return {
    kind: "address",
    addressLine: input.addressLine,
    city: input.city,
    latitude: input.latitude,
    longitude: input.longitude,
  };
}

/**
 * Places the signed-in consumer's cart as an order (routed and reserved by the order engine) and
 * says where to pay. Refusals (empty cart, out of stock, undeliverable, coupon) reserve nothing.
 */
export const placeCheckoutOrder = defineAction({
  input: checkoutSchema,
  access: ["CONSUMER"],
  handler: async (input, { user }) => {
    // Counted before anything is read: a script hammering checkout is turned away cheaply.
    const { success } = await checkoutLimiter().limit(user.id);
    if (!success)
      throw new AppError(
        "RATE_LIMITED",
        "Too many checkout attempts. Wait a minute and try again.",
      );
    const cart = await getCurrentCart();
    const lines = cart.lines
      .filter((l) => l.sellable)
      .map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
    if (!cart.cartId || lines.length === 0)
      throw new AppError("INVALID_INPUT", "Your cart is empty.");
    const placed = await placeOrder({
      channelCode: WEB_CHANNEL_CODE,
      buyer: { kind: "MEMBER", userId: user.id },
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
      idempotencyKey: `web_${user.id}_${input.idempotencyKey}`,
      holdMinutes: env.E2E_SHORT_HOLDS && input.holdSeconds ? input.holdSeconds / 60 : undefined,
    });
    if (placed.created)
      await clearCartItems({ cartId: cart.cartId, skuIds: lines.map((l) => l.skuId) });
    const orderUrl = `/orders/${encodeURIComponent(placed.orderNo)}`;
    try {
      const payment = await startPayment({
        orderNo: placed.orderNo,
        userId: user.id,
        origin: await requestOrigin(),
      });
      return { orderNo: placed.orderNo, redirectUrl: payment.redirectUrl };
    } catch (error) {
      // A repeated submit of a checkout already paid: show the order.
      if (isAppError(error) && error.code === "CONFLICT")
        return { orderNo: placed.orderNo, redirectUrl: orderUrl };
      // The order and its hold stand; the order page offers to pay again.
      console.error(error);
      return { orderNo: placed.orderNo, redirectUrl: `${orderUrl}?payment=unavailable` };
    }
  },
});

/** Read-only coupon check for the checkout form: what the coupon would take off this cart now. */
export const previewCoupon = defineAction({
  input: z.object({ couponCode: z.string().trim().min(1, "Enter a coupon code.").max(50) }),
  access: ["CONSUMER"],
  handler: async ({ couponCode }, { user }) => {
    const member = await findMemberOf(user.id);
    if (!member) throw new AppError("NOT_FOUND", "Coupons are for members.");
    const cart = await getCurrentCart();
    const check = await checkCoupon({
      memberId: member.id,
      code: couponCode,
      subtotal: cart.subtotal,
    });
    return { discount: check.discount, name: check.coupon.name, nameZh: check.coupon.nameZh };
  },
});
