import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { findMemberOf } from "@/lib/members/member.server";
import { peekCurrentCart } from "@/lib/cart/get-cart.server";
import { checkCoupon } from "@/lib/coupons/check-coupon.server";
import { AppError } from "@/lib/errors/app-error";

/** Read-only coupon check for the checkout form: what the coupon would take off this cart now. */
export async function previewCoupon(
  db: Db,
  options: { userId: string; couponCode: string },
): Promise<{ discount: number; name: string; nameZh: string }> {
  const member = await findMemberOf(db, options.userId);
  if (!member)
    throw new AppError("NOT_FOUND", "Coupons are for members.", {
      details: { reason: "MEMBERSHIP" },
    });
  const cart = await peekCurrentCart(db);
  const check = await checkCoupon(db, {
    memberId: member.id,
    code: options.couponCode,
    subtotal: cart.subtotal,
  });
  return { discount: check.discount, name: check.coupon.name, nameZh: check.coupon.nameZh };
}
