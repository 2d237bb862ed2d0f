import type { CouponKind } from "@/lib/generated/prisma/enums";

export type CouponCode = "WELCOME20" | "MEMBER10" | "SUMMER30";

export type CouponSpec = {
  code: CouponCode;
  name: string;
  nameZh: string;
  kind: CouponKind;
  /** AMOUNT_OFF: fen; PERCENT_OFF: basis points. */
  value: number;
  minSpend: number;
  /** Valid from this many days before the seed run… */
  validFromDaysAgo: number;
  /** …until this many days before it (negative: still valid in the future). */
  validToDaysAgo: number;
  perMemberLimit: number;
  totalLimit: number;
  /** Chance that an eligible history order redeems it. */
  historyRedemptionRate: number;
};

/** A live welcome coupon, a members' coupon nobody has claimed yet, and an expired sale coupon. */
export const COUPONS: readonly CouponSpec[] = [
  {
    code: "WELCOME20",
    name: "¥20 off orders over ¥199",
    nameZh: "满199减20",
    kind: "AMOUNT_OFF",
    value: 2000,
    minSpend: 19_900,
    validFromDaysAgo: 30,
    validToDaysAgo: -60,
    perMemberLimit: 1,
    totalLimit: 5000,
    historyRedemptionRate: 0.3,
  },
  {
    code: "MEMBER10",
    name: "Members' 10 % off over ¥299",
    nameZh: "会员满299享9折",
    kind: "PERCENT_OFF",
    value: 1000,
    minSpend: 29_900,
    validFromDaysAgo: 7,
    validToDaysAgo: -30,
    perMemberLimit: 1,
    totalLimit: 2000,
    historyRedemptionRate: 0,
  },
  {
    code: "SUMMER30",
    name: "Summer sale: ¥30 off over ¥299",
    nameZh: "夏日大促满299减30",
    kind: "AMOUNT_OFF",
    value: 3000,
    minSpend: 29_900,
    validFromDaysAgo: 100,
    validToDaysAgo: 20,
    perMemberLimit: 1,
    totalLimit: 1000,
    historyRedemptionRate: 0.35,
  },
];

/**
 * True when an order placed on the Shanghai calendar day `daysAgo` days back certainly falls in
 * the coupon's validity window, whatever the time of day of the seed run.
 */
export function couponValidOnDay(coupon: CouponSpec, daysAgo: number): boolean {
  return daysAgo >= coupon.validToDaysAgo + 1 && daysAgo <= coupon.validFromDaysAgo - 1;
}

/** The discount a coupon gives on a subtotal, or 0 when the subtotal is below its minimum spend. */
export function couponDiscount(coupon: CouponSpec, subtotal: number): number {
  if (subtotal < coupon.minSpend) return 0;
  const off =
    coupon.kind === "AMOUNT_OFF" ? coupon.value : Math.floor((subtotal * coupon.value) / 10_000);
  return Math.min(off, subtotal);
}

/** Splits an order discount over its lines in proportion to their value; the last line takes the rounding. */
export function allocateDiscount(lineValues: readonly number[], discount: number): number[] {
  const subtotal = lineValues.reduce((sum, v) => sum + v, 0);
  if (subtotal === 0 || discount === 0) return lineValues.map(() => 0);
  let left = discount;
  return lineValues.map((value, i) => {
    const share = i === lineValues.length - 1 ? left : Math.floor((discount * value) / subtotal);
    left -= share;
    return share;
  });
}
