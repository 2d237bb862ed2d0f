import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { getCurrentCart } from "@/lib/cart/get-cart.server";
import { checkCoupon } from "@/lib/coupons/check-coupon.server";
import { AppError } from "@/lib/errors/app-error";
import { findMemberOf } from "@/lib/payments/find-member.server";

/** Read-only coupon check for the checkout form: what the coupon would take off this cart now. */
export async function previewCoupon(
  db: Db,
  options: { userId: string; couponCode: string },
): Promise<{ discount: number; name: string; nameZh: string }> {
  const member = await findMemberOf(options.userId);
  if (!member) throw new AppError("NOT_FOUND", "Coupons are for members.");
  const cart = await getCurrentCart();
  const check = await checkCoupon({
    prisma: db,
    memberId: member.id,
    code: options.couponCode,
    subtotal: cart.subtotal,
  });
  return { discount: check.discount, name: check.coupon.name, nameZh: check.coupon.nameZh };
}
