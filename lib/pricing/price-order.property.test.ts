import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { FEN_PER_POINT_EARNED, priceOrder } from "./price-order";

const lineArb = fc.record({
  skuId: fc.string({ minLength: 1, maxLength: 4 }),
  quantity: fc.integer({ min: 1, max: 99 }),
  unitPrice: fc.integer({ min: 0, max: 500_000 }),
});
const couponArb = fc.option(
  fc.oneof(
    fc.record({
      kind: fc.constant("AMOUNT_OFF" as const),
      value: fc.integer({ min: 1, max: 2_000_000 }),
      minSpend: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant("PERCENT_OFF" as const),
      value: fc.integer({ min: 1, max: 10_000 }),
      minSpend: fc.constant(0),
    }),
  ),
);

describe("priceOrder properties", () => {
  it("keeps every total consistent, in whole fen, never negative", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 12 }),
        couponArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (lines, coupon, pointsToRedeem, pointsBalance, shippingFee) => {
          let p: ReturnType<typeof priceOrder>;
          try {
            p = priceOrder({ lines, coupon, pointsToRedeem, pointsBalance, shippingFee });
          } catch (error) {
            // Asking for more points than usable is refused with what is usable, never capped.
            expect(isAppError(error) && error.code).toBe("INVALID_INPUT");
            const details = (error as { details: { available: number; balance: number } }).details;
            expect(details.available).toBeLessThan(pointsToRedeem);
            expect(details.available).toBeLessThanOrEqual(pointsBalance);
            expect(() =>
              priceOrder({
                lines,
                coupon,
                pointsToRedeem: details.available,
                pointsBalance,
                shippingFee,
              }),
            ).not.toThrow();
            return;
          }
          const gross = lines.map((l) => l.quantity * l.unitPrice);
          expect(p.subtotal).toBe(gross.reduce((s, g) => s + g, 0));
          expect(p.lines.reduce((s, l) => s + l.discount, 0)).toBe(p.discountTotal);
          p.lines.forEach((l, i) => {
            expect(Number.isInteger(l.discount)).toBe(true);
            expect(l.discount).toBeGreaterThanOrEqual(0);
            expect(l.discount).toBeLessThanOrEqual(gross[i]!);
            expect(l.lineTotal).toBe(gross[i]! - l.discount);
          });
          expect(p.discountTotal).toBeLessThanOrEqual(p.subtotal);
          expect(p.pointsRedeemed).toBe(pointsToRedeem);
          expect(p.pointsRedeemed).toBeLessThanOrEqual(pointsBalance);
          expect(p.pointsRedeemed * 2).toBeLessThanOrEqual(p.subtotal - p.discountTotal);
          expect(p.total).toBe(p.subtotal - p.discountTotal - p.pointsRedeemed + shippingFee);
          expect(p.total).toBeGreaterThanOrEqual(shippingFee);
          expect(p.pointsEarned).toBe(Math.floor((p.total - shippingFee) / FEN_PER_POINT_EARNED));
        },
      ),
      { numRuns: 500 },
    );
  });
});
