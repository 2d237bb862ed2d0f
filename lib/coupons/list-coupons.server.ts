import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { couponValidAt } from "./coupon-rules";

export type ClaimableCoupon = {
  code: string;
  name: string;
  nameZh: string;
  kind: "AMOUNT_OFF" | "PERCENT_OFF";
  value: number;
  minSpend: number;
  validTo: Date;
  /** Whether this member may still claim one (per-member limit) and any are left (total limit). */
  canClaim: boolean;
  reason: "LIMIT_REACHED" | "SOLD_OUT" | null;
};

/** Coupons valid now, with whether this member may still claim each. */
export async function listClaimableCoupons(
  db: Db,
  input: { memberId: string | null; now?: Date },
): Promise<ClaimableCoupon[]> {
  const now = input.now ?? new Date();
  const coupons = await db.coupon.findMany({
    where: { validFrom: { lte: now }, validTo: { gt: now } },
    orderBy: [{ validTo: "asc" }, { code: "asc" }],
  });
  const held = input.memberId
    ? await db.memberCoupon.groupBy({
        by: ["couponId"],
        where: { memberId: input.memberId, couponId: { in: coupons.map((c) => c.id) } },
        _count: { _all: true },
      })
    : [];
  const heldBy = new Map(held.map((h) => [h.couponId, h._count._all]));
  return coupons
    .filter((c) => couponValidAt(c, now))
    .map((c) => {
      const soldOut = c.totalLimit !== null && c.claimedCount >= c.totalLimit;
      const limitReached = (heldBy.get(c.id) ?? 0) >= c.perMemberLimit;
      return {
        code: c.code,
        name: c.name,
        nameZh: c.nameZh,
        kind: c.kind,
        value: c.value,
        minSpend: c.minSpend,
        validTo: c.validTo,
        canClaim: !soldOut && !limitReached,
        reason: limitReached ? "LIMIT_REACHED" : soldOut ? "SOLD_OUT" : null,
      };
    });
}

export type MemberCouponView = {
  id: string;
  code: string;
  name: string;
  nameZh: string;
  kind: "AMOUNT_OFF" | "PERCENT_OFF";
  value: number;
  minSpend: number;
  validTo: Date;
  /** EXPIRED also when still marked CLAIMED but past its end. */
  status: "CLAIMED" | "REDEEMED" | "EXPIRED";
  claimedAt: Date;
  redeemedAt: Date | null;
  orderNo: string | null;
};

/** The member's coupons: usable first, then used, then expired. */
export async function listMemberCoupons(
  db: Db,
  input: { memberId: string; now?: Date },
): Promise<MemberCouponView[]> {
  const now = input.now ?? new Date();
  const claims = await db.memberCoupon.findMany({
    where: { memberId: input.memberId },
    orderBy: [{ claimedAt: "desc" }, { id: "asc" }],
    include: { coupon: true, order: { select: { orderNo: true } } },
  });
  const rank = { CLAIMED: 0, REDEEMED: 1, EXPIRED: 2 } as const;
  return claims
    .map((m): MemberCouponView => ({
      id: m.id,
      code: m.coupon.code,
      name: m.coupon.name,
      nameZh: m.coupon.nameZh,
      kind: m.coupon.kind,
      value: m.coupon.value,
      minSpend: m.coupon.minSpend,
      validTo: m.coupon.validTo,
      status: m.status === "CLAIMED" && m.coupon.validTo <= now ? "EXPIRED" : m.status,
      claimedAt: m.claimedAt,
      redeemedAt: m.redeemedAt,
      orderNo: m.order?.orderNo ?? null,
    }))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}
