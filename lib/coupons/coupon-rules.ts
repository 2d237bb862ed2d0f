import { AppError } from "@/lib/errors/app-error";
import type { CouponRefusalDetails } from "@/lib/errors/error-details";
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
export type CouponRefusal = CouponRefusalDetails["reason"];

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

/** Throws the typed refusal of a coupon: NOT_FOUND, CONFLICT or INVALID_INPUT by reason. */
export function refuseCoupon(details: CouponRefusalDetails): never {
  switch (details.reason) {
    case "NOT_CLAIMED":
      throw new AppError("NOT_FOUND", "You have not claimed this coupon.", { details });
    case "USED":
      throw new AppError("CONFLICT", "This coupon has already been used.", { details });
    case "SOLD_OUT":
      throw new AppError("CONFLICT", "All of these coupons have been claimed.", { details });
    case "LIMIT_REACHED":
      throw new AppError("CONFLICT", "You have already claimed this coupon.", { details });
    case "EXPIRED":
      throw new AppError("INVALID_INPUT", "This coupon has expired.", { details });
    case "NOT_YET_VALID":
      throw new AppError("INVALID_INPUT", "This coupon is not valid yet.", { details });
    case "MIN_SPEND_NOT_MET":
      throw new AppError("INVALID_INPUT", "This coupon needs a higher spend.", { details });
  }
}

/** Checks a claimed coupon against a moment and a subtotal; throws the typed refusal. */
export function assertCouponUsable(coupon: CouponRecord, subtotal: number, now: Date): void {
  if (now.getTime() < coupon.validFrom.getTime()) refuseCoupon({ reason: "NOT_YET_VALID" });
  if (now.getTime() >= coupon.validTo.getTime()) refuseCoupon({ reason: "EXPIRED" });
  if (subtotal < coupon.minSpend)
    refuseCoupon({ reason: "MIN_SPEND_NOT_MET", minSpend: coupon.minSpend, subtotal });
}

/** Normalises a typed code: codes are upper case without spaces (e.g. "welcome20 " → "WELCOME20"). */
export function normaliseCouponCode(code: string): string {
  return code.trim().toUpperCase();
}
