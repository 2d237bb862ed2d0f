import { AppError } from "@/lib/errors/app-error";
import type { CouponTerms } from "@/lib/pricing/price-order";

export type CouponRecord = {
  id: string;
  code: string;
  name: string;
  nameZh: string;
  kind: "AMOUNT_OFF" | "PERCENT_OFF";
  value: number;
  minSpend: number;
  validFrom: Date;
  validTo: Date;
  perMemberLimit: number;
  totalLimit: number | null;
  claimedCount: number;
};

/** Why a coupon cannot be used, as a machine-readable reason the pages translate. */
export type CouponRefusal =
  | "NOT_CLAIMED"
  | "USED"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "MIN_SPEND_NOT_MET"
  | "SOLD_OUT"
  | "LIMIT_REACHED";

/** validFrom inclusive, validTo exclusive. */
export function couponValidAt(
  coupon: Pick<CouponRecord, "validFrom" | "validTo">,
  now: Date,
): boolean {
  return coupon.validFrom.getTime() <= now.getTime() && now.getTime() < coupon.validTo.getTime();
}

export function couponTerms(
  coupon: Pick<CouponRecord, "kind" | "value" | "minSpend">,
): CouponTerms {
  return { kind: coupon.kind, value: coupon.value, minSpend: coupon.minSpend };
}

export function refuseCoupon(reason: CouponRefusal, extra: Record<string, unknown> = {}): never {
  const codes = {
    NOT_CLAIMED: ["NOT_FOUND", "You have not claimed this coupon."],
    USED: ["CONFLICT", "This coupon has already been used."],
    EXPIRED: ["INVALID_INPUT", "This coupon has expired."],
    NOT_YET_VALID: ["INVALID_INPUT", "This coupon is not valid yet."],
    MIN_SPEND_NOT_MET: ["INVALID_INPUT", "This coupon needs a higher spend."],
    SOLD_OUT: ["CONFLICT", "All of these coupons have been claimed."],
    LIMIT_REACHED: ["CONFLICT", "You have already claimed this coupon."],
  } as const;
  const [code, message] = codes[reason];
  throw new AppError(code, message, { details: { reason, ...extra } });
}

/** Checks a claimed coupon against a moment and a subtotal; throws the typed refusal. */
export function assertCouponUsable(coupon: CouponRecord, subtotal: number, now: Date): void {
  if (now.getTime() < coupon.validFrom.getTime()) refuseCoupon("NOT_YET_VALID");
  if (now.getTime() >= coupon.validTo.getTime()) refuseCoupon("EXPIRED");
  if (subtotal < coupon.minSpend)
    refuseCoupon("MIN_SPEND_NOT_MET", { minSpend: coupon.minSpend, subtotal });
}

/** Normalises a typed code: codes are upper case without spaces (e.g. "welcome20 " → "WELCOME20"). */
export function normaliseCouponCode(code: string): string {
  return code.trim().toUpperCase();
}
