import { AppError } from "@/lib/errors/app-error";
import { atLeast, atMost } from "@/lib/errors/field-problem";
import { spreadProportionally } from "./spread";

/** Points are worth one fen each: 100 points = 1 CNY. */
export const FEN_PER_POINT = 1;
/** Points may pay for at most half of what is left after the coupon. */
export const MAX_POINTS_SHARE_BPS = 5_000;
/** One point earned per whole CNY paid for goods (delivery fees earn nothing). */
export const FEN_PER_POINT_EARNED = 100;

export type CouponTerms = { kind: "AMOUNT_OFF" | "PERCENT_OFF"; value: number; minSpend: number };

export type PriceOrderInput = {
  lines: readonly { skuId: string; quantity: number; unitPrice: number }[];
  coupon?: CouponTerms | null;
  pointsToRedeem?: number;
  pointsBalance?: number;
  shippingFee: number;
};

export type PricedLine = {
  skuId: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
};

export type PricedOrder = {
  lines: PricedLine[];
  subtotal: number;
  /** Coupon discount, spread over the lines (Σ line discounts). */
  discountTotal: number;
  shippingFee: number;
  /** Points spent; worth pointsRedeemed × FEN_PER_POINT fen off the total. */
  pointsRedeemed: number;
  total: number;
  pointsEarned: number;
};

function wholeAtLeast(value: number, min: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new AppError("INVALID_INPUT", `${field} must be a whole number of at least ${min}.`, {
      fieldErrors: {
        [field]: [Number.isSafeInteger(value) ? atLeast(min) : { problem: "NOT_INTEGER" }],
      },
    });
  }
}

/** The coupon's discount on a subtotal; refuses when the minimum spend is not met. */
export function couponDiscount(coupon: CouponTerms, subtotal: number): number {
  wholeAtLeast(coupon.value, 1, "coupon.value");
  wholeAtLeast(coupon.minSpend, 0, "coupon.minSpend");
  if (coupon.kind === "PERCENT_OFF" && coupon.value > 10_000) {
    throw new AppError("INVALID_INPUT", "A percentage coupon takes at most 100 %.");
  }
  if (subtotal < coupon.minSpend) {
    throw new AppError("INVALID_INPUT", "This coupon needs a higher spend.", {
      details: { reason: "MIN_SPEND_NOT_MET", minSpend: coupon.minSpend, subtotal },
    });
  }
  // Percentages round down, in the shopper's disfavour by under one fen, never below zero.
  const raw =
    coupon.kind === "AMOUNT_OFF" ? coupon.value : Math.floor((subtotal * coupon.value) / 10_000);
  return Math.min(raw, subtotal);
}

/** The most points an order may take: the balance, and half of what is left after the coupon. */
export function maxRedeemablePoints(afterCoupon: number, pointsBalance: number): number {
  const byShare = Math.floor((afterCoupon * MAX_POINTS_SHARE_BPS) / 10_000 / FEN_PER_POINT);
  return Math.max(0, Math.min(pointsBalance, byShare));
}

/**
 * Prices an order in integer fen: subtotal, the coupon's discount spread over the lines so that
 * the line discounts add up exactly, points (refused with what is available when asking for more
 * than the balance or the order allows, never silently capped), the
 * delivery fee, and the points the payment will earn.
 */
export function priceOrder(input: PriceOrderInput): PricedOrder {
  if (input.lines.length === 0)
    throw new AppError("INVALID_INPUT", "An order needs at least one line.");
  for (const line of input.lines) {
    wholeAtLeast(line.quantity, 1, "quantity");
    wholeAtLeast(line.unitPrice, 0, "unitPrice");
  }
  wholeAtLeast(input.shippingFee, 0, "shippingFee");
  const wantedPoints = input.pointsToRedeem ?? 0;
  const balance = input.pointsBalance ?? 0;
  wholeAtLeast(wantedPoints, 0, "pointsToRedeem");
  wholeAtLeast(balance, 0, "pointsBalance");

  const gross = input.lines.map((l) => l.quantity * l.unitPrice);
  const subtotal = gross.reduce((sum, g) => sum + g, 0);
  const discountTotal = input.coupon ? couponDiscount(input.coupon, subtotal) : 0;
  const discounts = spreadProportionally(discountTotal, gross);
  const afterCoupon = subtotal - discountTotal;
  const available = maxRedeemablePoints(afterCoupon, balance);
  if (wantedPoints > available)
    throw new AppError("INVALID_INPUT", `At most ${available} points can be used on this order.`, {
      fieldErrors: { pointsToRedeem: [atMost(available)] },
      details: { reason: "POINTS_ABOVE_AVAILABLE", available, balance },
    });
  const pointsRedeemed = wantedPoints;
  const goodsPaid = afterCoupon - pointsRedeemed * FEN_PER_POINT;

  return {
    lines: input.lines.map((l, i) => ({
      skuId: l.skuId,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: discounts[i]!,
      lineTotal: gross[i]! - discounts[i]!,
    })),
    subtotal,
    discountTotal,
    shippingFee: input.shippingFee,
    pointsRedeemed,
    total: goodsPaid + input.shippingFee,
    pointsEarned: Math.floor(goodsPaid / FEN_PER_POINT_EARNED),
  };
}
