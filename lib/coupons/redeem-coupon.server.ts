import "server-only";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { assertCouponUsable, refuseCoupon, type CouponRecord } from "./coupon-rules";
import { findUsableClaims } from "./find-member-coupon.server";

/**
 * Spends one of the member's claims of a coupon on an order, inside the caller's transaction.
 * The flip CLAIMED → REDEEMED is a compare-and-set: of concurrent checkouts using the same
 * claim, exactly one wins; the others get CONFLICT ("already used") and change nothing.
 */
export async function redeemCouponForOrder(
  tx: Tx,
  input: {
    memberId: string;
    code: string;
    orderId: string;
    subtotal: number;
    now: Date;
  },
): Promise<{ memberCouponId: string; coupon: CouponRecord }> {
  const { coupon, claimIds } = await findUsableClaims(tx, input.memberId, input.code);
  assertCouponUsable(coupon, input.subtotal, input.now);
  for (const id of claimIds) {
    const flipped = await tx.memberCoupon.updateMany({
      where: { id, memberId: input.memberId, status: "CLAIMED", orderId: null },
      data: { status: "REDEEMED", redeemedAt: input.now, orderId: input.orderId },
    });
    if (flipped.count === 1) return { memberCouponId: id, coupon };
  }
  return refuseCoupon({ reason: "USED" });
}

/**
 * Gives a coupon back when its order is cancelled before payment (REDEEMED → CLAIMED), so the
 * shopper can use it again. Returns whether a coupon was released.
 */
export async function releaseCouponForOrder(db: Db, input: { orderId: string }): Promise<boolean> {
  const released = await db.memberCoupon.updateMany({
    where: { orderId: input.orderId, status: "REDEEMED" },
    data: { status: "CLAIMED", redeemedAt: null, orderId: null },
  });
  return released.count > 0;
}

/**
 * Spends again the very claim a cancelled order was priced with, when the order is paid after
 * all (compare-and-set CLAIMED → REDEEMED). False when the member has used that claim on another
 * order meanwhile: the order's discount can no longer be honoured.
 */
export async function respendCouponClaim(
  tx: Tx,
  input: { memberCouponId: string; orderId: string; now: Date },
): Promise<boolean> {
  const flipped = await tx.memberCoupon.updateMany({
    where: { id: input.memberCouponId, status: "CLAIMED", orderId: null },
    data: { status: "REDEEMED", redeemedAt: input.now, orderId: input.orderId },
  });
  return flipped.count === 1;
}
