import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { couponDiscount } from "@/lib/pricing/price-order";
import { assertCouponUsable, type CouponRecord } from "./coupon-rules";
import { findUsableClaims } from "./find-member-coupon.server";

export type CouponCheck = { memberCouponId: string; coupon: CouponRecord; discount: number };

/**
 * Read-only: would this member's coupon apply to this subtotal now, and how much would it take
 * off? For checkout previews; redeeming decides again under compare-and-set.
 */
export async function checkCoupon(
  db: Db,
  input: { memberId: string; code: string; subtotal: number; now?: Date },
): Promise<CouponCheck> {
  const { coupon, claimIds } = await findUsableClaims(db, input.memberId, input.code);
  assertCouponUsable(coupon, input.subtotal, input.now ?? new Date());
  return { memberCouponId: claimIds[0]!, coupon, discount: couponDiscount(coupon, input.subtotal) };
}
