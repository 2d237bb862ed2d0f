import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Tx } from "@/lib/db/transaction.server";
import { checkCoupon } from "@/lib/coupons/check-coupon.server";
import { redeemCouponForOrder } from "@/lib/coupons/redeem-coupon.server";
import { priceOrder } from "@/lib/pricing/price-order";
import { shippingFeeFor } from "@/lib/pricing/shipping-fee";
import type { OrderContext } from "./order-context.server";
import type { ParsedOrder } from "./order-input";

export type PricedOrder = ReturnType<typeof priceOrder>;

/**
 * The order's money, from the channel prices, the method's shipping fee, the member's coupon
 * (checked, not yet used) and the points they redeem. Integer fen throughout (lib/pricing).
 */
export async function priceForOrder(
  tx: Tx,
  input: ParsedOrder,
  context: OrderContext,
  now: Date,
): Promise<PricedOrder> {
  const lines = input.lines.map((l) => ({
    skuId: l.skuId,
    quantity: l.quantity,
    unitPrice: context.prices.get(l.skuId) ?? 0,
  }));
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  let coupon = null;
  if (input.couponCode) {
    if (!context.buyer.memberId)
      throw new AppError("FORBIDDEN", "Coupons are for members.", {
        details: { reason: "MEMBERS_ONLY" },
      });
    const checked = await checkCoupon(tx, {
      memberId: context.buyer.memberId,
      code: input.couponCode,
      subtotal,
      now,
    });
    coupon = {
      kind: checked.coupon.kind,
      value: checked.coupon.value,
      minSpend: checked.coupon.minSpend,
    };
  }
  return priceOrder({
    lines,
    coupon,
    pointsToRedeem: input.pointsToRedeem ?? 0,
    pointsBalance: context.buyer.pointsBalance,
    shippingFee: input.channelPricing?.shippingFee ?? shippingFeeFor(input.method, subtotal),
  });
}

/**
 * Uses what the price counted on, inside the order's transaction: the coupon (compare-and-set,
 * so two checkouts cannot both use it) and the redeemed points (only while the balance covers
 * them). A lost race throws and the whole order rolls back.
 */
export async function redeemForOrder(
  tx: Tx,
  input: ParsedOrder,
  context: OrderContext,
  order: { orderId: string; subtotal: number; pointsRedeemed: number; now: Date },
): Promise<void> {
  const memberId = context.buyer.memberId;
  if (input.couponCode && memberId) {
    const { memberCouponId } = await redeemCouponForOrder(tx, {
      memberId,
      code: input.couponCode,
      orderId: order.orderId,
      subtotal: order.subtotal,
      now: order.now,
    });
    await tx.order.update({
      where: { id: order.orderId },
      data: { couponClaimId: memberCouponId },
    });
  }
  if (order.pointsRedeemed > 0 && memberId) {
    const spent = await tx.member.updateMany({
      where: { id: memberId, pointsBalance: { gte: order.pointsRedeemed } },
      data: { pointsBalance: { decrement: order.pointsRedeemed } },
    });
    if (spent.count === 0)
      throw new AppError("CONFLICT", "Your points balance changed; check the order again.", {
        details: { reason: "POINTS_CHANGED" },
      });
    await tx.pointsEntry.create({
      data: {
        memberId,
        delta: -order.pointsRedeemed,
        reason: "ORDER_REDEEMED",
        orderId: order.orderId,
      },
    });
  }
}
