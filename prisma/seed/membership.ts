import type { Prisma } from "@/lib/generated/prisma/client";
import { daysBefore, DAY_MS } from "./clock";
import { COUPONS } from "./coupons";
import type { PlannedOrder } from "./history-plan";
import { historyOrderKeys, historyPaidAt, pointsFor } from "./history-rows";
import { memberJoinedAt, type MemberFacts } from "./people";
import { createRandom } from "./random";
import type { WithId } from "./with-id";

export type MembershipRows = {
  members: WithId<Prisma.MemberCreateManyInput>[];
  pointsEntries: Prisma.PointsEntryCreateManyInput[];
  coupons: Prisma.CouponCreateManyInput[];
  memberCoupons: Prisma.MemberCouponCreateManyInput[];
};

const WELCOME_POINTS = 100;

/** Member tier from lifetime spend in fen. */
export function memberTier(lifetimeSpend: number): "GOLD" | "SILVER" | "REGULAR" {
  if (lifetimeSpend >= 2_000_000) return "GOLD";
  if (lifetimeSpend >= 800_000) return "SILVER";
  return "REGULAR";
}

/**
 * Members with points balances equal to the sum of their points entries, the coupons, and the
 * coupons members claimed (redeemed by history orders, still unused, or expired unused).
 */
export function buildMembership(
  members: readonly MemberFacts[],
  plans: readonly PlannedOrder[],
  now: Date,
): MembershipRows {
  const random = createRandom("membership");
  const pointsEntries: Prisma.PointsEntryCreateManyInput[] = [];
  const spend = new Map<string, number>();
  for (const member of members) {
    pointsEntries.push({
      id: `pts_welcome_${member.id}`,
      memberId: member.id,
      delta: WELCOME_POINTS,
      reason: "WELCOME_BONUS",
      createdAt: memberJoinedAt(member, now),
    });
  }
  const memberCoupons: Prisma.MemberCouponCreateManyInput[] = [];
  for (const plan of plans) {
    // A marketplace's customer buys on the marketplace's account, not as a member.
    if (plan.channelOrderId) continue;
    const { id, key } = historyOrderKeys(plan.number);
    const paidAt = historyPaidAt(plan, now);
    spend.set(plan.member.id, (spend.get(plan.member.id) ?? 0) + plan.total);
    pointsEntries.push({
      id: `pts_${key}`,
      memberId: plan.member.id,
      delta: pointsFor(plan.total),
      reason: "ORDER_PAID",
      orderId: id,
      createdAt: paidAt,
    });
    if (plan.coupon) {
      memberCoupons.push({
        id: `mcp_${plan.coupon}_${plan.member.id}`,
        couponId: `cpn_${plan.coupon}`,
        memberId: plan.member.id,
        status: "REDEEMED",
        orderId: id,
        claimedAt: new Date(paidAt.getTime() - random.int(1, 5) * DAY_MS),
        redeemedAt: paidAt,
      });
    }
  }
  // Claimed but never used: the demo consumer's welcome coupon, and some expired summer coupons.
  const holders = new Set(memberCoupons.map((c) => c.id));
  const unused = (
    code: string,
    member: MemberFacts,
    status: "CLAIMED" | "EXPIRED",
    claimedDaysAgo: number,
  ) => {
    const id = `mcp_${code}_${member.id}`;
    if (holders.has(id)) return;
    holders.add(id);
    memberCoupons.push({
      id,
      couponId: `cpn_${code}`,
      memberId: member.id,
      status,
      claimedAt: daysBefore(now, claimedDaysAgo),
    });
  };
  for (const member of members) {
    if (member.isDemoConsumer) unused("WELCOME20", member, "CLAIMED", 3);
    else if (random.chance(0.08)) unused("WELCOME20", member, "CLAIMED", random.int(1, 25));
    if (random.chance(0.12)) unused("SUMMER30", member, "EXPIRED", random.int(25, 95));
  }
  const coupons = COUPONS.map((c) => ({
    id: `cpn_${c.code}`,
    code: c.code,
    name: c.name,
    nameZh: c.nameZh,
    kind: c.kind,
    value: c.value,
    minSpend: c.minSpend,
    validFrom: daysBefore(now, c.validFromDaysAgo),
    validTo: daysBefore(now, c.validToDaysAgo),
    perMemberLimit: c.perMemberLimit,
    totalLimit: c.totalLimit,
    claimedCount: memberCoupons.filter((m) => m.couponId === `cpn_${c.code}`).length,
  }));
  const balance = new Map<string, number>();
  for (const entry of pointsEntries)
    balance.set(entry.memberId, (balance.get(entry.memberId) ?? 0) + entry.delta);
  const memberRows = members.map((m) => ({
    id: m.id,
    memberNo: m.memberNo,
    userId: m.userId,
    phone: m.phone,
    tier: memberTier(spend.get(m.id) ?? 0),
    pointsBalance: balance.get(m.id) ?? 0,
    createdAt: memberJoinedAt(m, now),
  }));
  return { members: memberRows, pointsEntries, coupons, memberCoupons };
}
