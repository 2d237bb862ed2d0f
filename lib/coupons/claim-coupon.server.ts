import "server-only";
import { lockMember } from "@/lib/members/member.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { couponValidAt, normaliseCouponCode, refuseCoupon } from "./coupon-rules";

/**
 * A member claims a coupon. Two limits hold under concurrency:
 * - per member: the member row is locked, so one member's parallel claims count one at a time;
 * - in total: `claimedCount` is raised by a compare-and-set that only succeeds below `totalLimit`.
 * A refusal (expired, sold out, limit reached) rolls everything back.
 */
export async function claimCoupon(
  db: Db,
  input: { memberId: string; code: string; now?: Date },
): Promise<{ memberCouponId: string; couponId: string }> {
  const now = input.now ?? new Date();
  return withTransaction(db, async (tx) => {
    const coupon = await tx.coupon.findUnique({
      where: { code: normaliseCouponCode(input.code) },
      select: { id: true, validFrom: true, validTo: true, perMemberLimit: true },
    });
    if (!coupon) refuseCoupon({ reason: "NOT_CLAIMED" });
    if (now < coupon.validFrom) refuseCoupon({ reason: "NOT_YET_VALID" });
    if (!couponValidAt(coupon, now)) refuseCoupon({ reason: "EXPIRED" });
    await lockMember(tx, input.memberId);
    const held = await tx.memberCoupon.count({
      where: { memberId: input.memberId, couponId: coupon.id },
    });
    if (held >= coupon.perMemberLimit)
      refuseCoupon({ reason: "LIMIT_REACHED", perMemberLimit: coupon.perMemberLimit });
    // Raw SQL: Prisma's updateMany cannot compare two columns of the same row.
    const raised = await tx.$executeRaw`
      UPDATE "Coupon" SET "claimedCount" = "claimedCount" + 1
      WHERE id = ${coupon.id} AND ("totalLimit" IS NULL OR "claimedCount" < "totalLimit")`;
    if (raised !== 1) refuseCoupon({ reason: "SOLD_OUT" });
    const claim = await tx.memberCoupon.create({
      data: { couponId: coupon.id, memberId: input.memberId, status: "CLAIMED", claimedAt: now },
      select: { id: true },
    });
    return { memberCouponId: claim.id, couponId: coupon.id };
  });
}
