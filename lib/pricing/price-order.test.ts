import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { priceOrder, type PriceOrderInput } from "./price-order";
import { shippingFeeFor } from "./shipping-fee";
import { spreadProportionally } from "./spread";

const A = { skuId: "A", quantity: 1, unitPrice: 10_000 };
const B = { skuId: "B", quantity: 1, unitPrice: 20_000 };

describe("priceOrder (hand-checked, fen)", () => {
  it.each<[string, PriceOrderInput, Record<string, unknown>, number[]]>([
    [
      "no coupon, no points: total = subtotal + delivery; 1 point per whole CNY of goods",
      { lines: [{ ...A, quantity: 2 }, B], shippingFee: 1_000 },
      { subtotal: 40_000, discountTotal: 0, pointsRedeemed: 0, total: 41_000, pointsEarned: 400 },
      [0, 0],
    ],
    [
      "10 CNY off at exactly the minimum spend, spread 333 / 667 (largest remainder)",
      {
        lines: [A, B],
        coupon: { kind: "AMOUNT_OFF", value: 1_000, minSpend: 30_000 },
        shippingFee: 0,
      },
      { subtotal: 30_000, discountTotal: 1_000, total: 29_000, pointsEarned: 290 },
      [333, 667],
    ],
    [
      "15 % off 99.99 CNY rounds down to 14.99",
      {
        lines: [{ skuId: "C", quantity: 3, unitPrice: 3_333 }],
        coupon: { kind: "PERCENT_OFF", value: 1_500, minSpend: 0 },
        shippingFee: 0,
      },
      { subtotal: 9_999, discountTotal: 1_499, total: 8_500, pointsEarned: 85 },
      [1_499],
    ],
    [
      "an amount coupon larger than the goods takes them to zero, never below; delivery still due",
      {
        lines: [A, B],
        coupon: { kind: "AMOUNT_OFF", value: 50_000, minSpend: 0 },
        shippingFee: 1_000,
      },
      { subtotal: 30_000, discountTotal: 30_000, total: 1_000, pointsEarned: 0 },
      [10_000, 20_000],
    ],
    [
      "points up to half of the goods",
      { lines: [A, B], pointsToRedeem: 15_000, pointsBalance: 100_000, shippingFee: 0 },
      { pointsRedeemed: 15_000, total: 15_000, pointsEarned: 150 },
      [0, 0],
    ],
    [
      "points up to the whole balance",
      { lines: [A, B], pointsToRedeem: 1_200, pointsBalance: 1_200, shippingFee: 0 },
      { pointsRedeemed: 1_200, total: 28_800, pointsEarned: 288 },
      [0, 0],
    ],
    [
      "coupon first, then points on half of what is left; delivery earns no points",
      {
        lines: [A, B],
        coupon: { kind: "AMOUNT_OFF", value: 1_000, minSpend: 0 },
        pointsToRedeem: 14_500,
        pointsBalance: 99_999,
        shippingFee: 1_000,
      },
      { discountTotal: 1_000, pointsRedeemed: 14_500, total: 15_500, pointsEarned: 145 },
      [333, 667],
    ],
    [
      "a free line takes no share of the discount",
      {
        lines: [{ skuId: "GIFT", quantity: 1, unitPrice: 0 }, A],
        coupon: { kind: "AMOUNT_OFF", value: 500, minSpend: 0 },
        shippingFee: 0,
      },
      { subtotal: 10_000, discountTotal: 500, total: 9_500, pointsEarned: 95 },
      [0, 500],
    ],
  ])("%s", (_label, input, expected, lineDiscounts) => {
    const priced = priceOrder(input);
    expect(priced).toMatchObject(expected);
    expect(priced.lines.map((l) => l.discount)).toEqual(lineDiscounts);
    expect(priced.lines.reduce((s, l) => s + l.lineTotal, 0)).toBe(
      priced.subtotal - priced.discountTotal,
    );
  });

  it.each<[string, PriceOrderInput, string]>([
    ["no lines", { lines: [], shippingFee: 0 }, "INVALID_INPUT"],
    ["quantity 0", { lines: [{ ...A, quantity: 0 }], shippingFee: 0 }, "INVALID_INPUT"],
    ["negative quantity", { lines: [{ ...A, quantity: -1 }], shippingFee: 0 }, "INVALID_INPUT"],
    ["fractional quantity", { lines: [{ ...A, quantity: 1.5 }], shippingFee: 0 }, "INVALID_INPUT"],
    ["fractional price", { lines: [{ ...A, unitPrice: 99.5 }], shippingFee: 0 }, "INVALID_INPUT"],
    ["negative delivery fee", { lines: [A], shippingFee: -1 }, "INVALID_INPUT"],
    [
      "negative points",
      { lines: [A], pointsToRedeem: -5, pointsBalance: 100, shippingFee: 0 },
      "INVALID_INPUT",
    ],
    [
      "over 100 %",
      { lines: [A], coupon: { kind: "PERCENT_OFF", value: 10_001, minSpend: 0 }, shippingFee: 0 },
      "INVALID_INPUT",
    ],
    [
      "minimum spend not met",
      { lines: [A], coupon: { kind: "AMOUNT_OFF", value: 500, minSpend: 10_001 }, shippingFee: 0 },
      "INVALID_INPUT",
    ],
  ])("refuses %s with a typed error", (_label, input, code) => {
    expect(() => priceOrder(input)).toThrow(AppError);
    try {
      priceOrder(input);
    } catch (error) {
      expect((error as AppError).code).toBe(code);
    }
  });

  it("says why a coupon's minimum spend refuses it", () => {
    expect.assertions(1);
    try {
      priceOrder({
        lines: [A],
        coupon: { kind: "AMOUNT_OFF", value: 500, minSpend: 10_001 },
        shippingFee: 0,
      });
    } catch (error) {
      expect((error as AppError).details).toMatchObject({
        reason: "MIN_SPEND_NOT_MET",
        minSpend: 10_001,
        subtotal: 10_000,
      });
    }
  });
});

describe("redeeming points: refused with what is usable, never silently capped", () => {
  const refusal = (input: Partial<PriceOrderInput>) => {
    try {
      priceOrder({ lines: [A, B], shippingFee: 0, ...input });
    } catch (error) {
      return error as AppError;
    }
    throw new Error("expected a refusal");
  };

  it.each([
    ["more than the member holds", { pointsToRedeem: 5_000, pointsBalance: 1_200 }, 1_200],
    ["more than half of the goods", { pointsToRedeem: 20_000, pointsBalance: 100_000 }, 15_000],
    ["points without a balance", { pointsToRedeem: 1 }, 0],
  ])("%s", (_label, input, available) => {
    const error = refusal(input);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.details).toMatchObject({ reason: "POINTS_ABOVE_AVAILABLE", available });
    expect(error.fieldErrors).toEqual({
      pointsToRedeem: [{ problem: "TOO_BIG", of: "number", maximum: available, inclusive: true }],
    });
  });

  it.each([
    ["a negative amount", -5],
    ["a fractional amount", 1.5],
  ])("%s", (_label, pointsToRedeem) => {
    expect(refusal({ pointsToRedeem, pointsBalance: 1_000 }).code).toBe("INVALID_INPUT");
  });
});

describe("spreadProportionally", () => {
  it.each<[number, number[], number[]]>([
    [2, [100, 100, 100], [1, 1, 0]],
    [10, [1, 1, 1], [4, 3, 3]],
    [0, [5, 7], [0, 0]],
    [7, [0, 0], [0, 0]],
    [100, [1, 3], [25, 75]],
  ])("spreads %i over %j as %j", (amount, weights, expected) => {
    expect(spreadProportionally(amount, weights)).toEqual(expected);
  });
});

describe("shippingFeeFor", () => {
  it.each([
    ["PICKUP", 0, 0],
    ["PICKUP", 100_000, 0],
    ["SAME_CITY", 29_899, 1_500],
    ["SAME_CITY", 29_900, 0],
    ["EXPRESS", 19_899, 1_000],
    ["EXPRESS", 19_900, 0],
  ] as const)("%s on %i fen costs %i fen", (method, subtotal, fee) => {
    expect(shippingFeeFor(method, subtotal)).toBe(fee);
  });
});
