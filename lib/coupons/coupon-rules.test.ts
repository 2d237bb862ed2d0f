import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  assertCouponUsable,
  couponValidAt,
  normaliseCouponCode,
  type CouponRecord,
} from "./coupon-rules";

const coupon: CouponRecord = {
  id: "c",
  code: "WELCOME20",
  name: "¥20 off",
  nameZh: "减20",
  kind: "AMOUNT_OFF",
  value: 2_000,
  minSpend: 19_900,
  validFrom: new Date("2026-06-01T00:00:00Z"),
  validTo: new Date("2026-07-01T00:00:00Z"),
  perMemberLimit: 1,
  totalLimit: 100,
  claimedCount: 0,
};

describe("coupon rules", () => {
  it.each([
    ["2026-05-31T23:59:59Z", false],
    ["2026-06-01T00:00:00Z", true],
    ["2026-06-30T23:59:59Z", true],
    ["2026-07-01T00:00:00Z", false],
  ])("valid at %s: %s (from inclusive, to exclusive)", (at, valid) => {
    expect(couponValidAt(coupon, new Date(at))).toBe(valid);
  });

  it.each([
    ["too early", "2026-05-31T00:00:00Z", 50_000, "INVALID_INPUT", "NOT_YET_VALID"],
    ["expired", "2026-07-02T00:00:00Z", 50_000, "INVALID_INPUT", "EXPIRED"],
    [
      "below the minimum spend",
      "2026-06-10T00:00:00Z",
      19_899,
      "INVALID_INPUT",
      "MIN_SPEND_NOT_MET",
    ],
  ])("refuses a coupon %s", (_label, at, subtotal, code, reason) => {
    try {
      assertCouponUsable(coupon, subtotal, new Date(at));
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect([(error as AppError).code, (error as AppError).details?.reason]).toEqual([
        code,
        reason,
      ]);
    }
  });

  it("accepts the minimum spend exactly", () => {
    expect(() =>
      assertCouponUsable(coupon, 19_900, new Date("2026-06-10T00:00:00Z")),
    ).not.toThrow();
  });

  it("normalises typed codes", () => {
    expect(normaliseCouponCode("  welcome20 ")).toBe("WELCOME20");
  });
});
