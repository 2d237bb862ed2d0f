import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { normaliseCouponCode, refuseCoupon, type CouponRecord } from "./coupon-rules";

const couponSelect = {
  id: true,
  code: true,
  name: true,
  nameZh: true,
  kind: true,
  value: true,
  minSpend: true,
  validFrom: true,
  validTo: true,
  perMemberLimit: true,
  totalLimit: true,
  claimedCount: true,
} as const;

/**
 * The member's unused claims of a coupon code, oldest first; refuses with the reason a shopper
 * can act on: never claimed (or someone else's) → NOT_FOUND, all used → CONFLICT, expired.
 */
export async function findUsableClaims(
  db: Db,
  memberId: string,
  code: string,
): Promise<{ coupon: CouponRecord; claimIds: string[] }> {
  const coupon = await db.coupon.findUnique({
    where: { code: normaliseCouponCode(code) },
    select: couponSelect,
  });
  if (!coupon) refuseCoupon({ reason: "NOT_CLAIMED" });
  const claims = await db.memberCoupon.findMany({
    where: { memberId, couponId: coupon.id },
    orderBy: [{ claimedAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true },
  });
  if (claims.length === 0) refuseCoupon({ reason: "NOT_CLAIMED" });
  const open = claims.filter((c) => c.status === "CLAIMED").map((c) => c.id);
  if (open.length === 0) {
    refuseCoupon({ reason: claims.some((c) => c.status === "REDEEMED") ? "USED" : "EXPIRED" });
  }
  return { coupon, claimIds: open };
}
