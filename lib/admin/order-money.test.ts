import { describe, expect, it } from "vitest";
import { priceOrder } from "@/lib/pricing/price-order";
import { orderMoney } from "./order-money";

/** An order as placeOrder stores it, from the pricing rules. */
function storedOrder(input: Parameters<typeof priceOrder>[0]) {
  const priced = priceOrder(input);
  return {
    ...priced,
    lines: priced.lines.map((l, i) => ({ ...l, id: `line-${i}` })),
  };
}

describe("orderMoney", () => {
  it("lines add up to the subtotal and subtotal − discount − points + shipping is the total", () => {
    const order = storedOrder({
      lines: [
        { skuId: "a", quantity: 2, unitPrice: 29_900 },
        { skuId: "b", quantity: 1, unitPrice: 59_900 },
        { skuId: "c", quantity: 3, unitPrice: 9_933 },
      ],
      coupon: { kind: "PERCENT_OFF", value: 1_500, minSpend: 0 },
      pointsToRedeem: 2_000,
      pointsBalance: 5_000,
      shippingFee: 1_200,
    });
    const money = orderMoney(order);
    expect(money.lines.map((l) => l.amount)).toEqual([59_800, 59_900, 29_799]);
    expect(money.subtotal).toBe(149_499);
    expect(money.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(money.subtotal);
    expect(money.lines.reduce((sum, l) => sum + l.discount, 0)).toBe(money.discount);
    expect(money.lines.reduce((sum, l) => sum + l.net, 0)).toBe(money.subtotal - money.discount);
    expect(money.discount).toBe(order.discountTotal);
    expect(money.discount).toBeGreaterThan(0);
    expect(money.points).toBe(2_000);
    expect(money.shipping).toBe(1_200);
    expect(money.total).toBe(money.subtotal - money.discount - money.points + money.shipping);
    expect(money.total).toBe(order.total);
    expect(money.matchesStored).toBe(true);
  });

  it("shows each line before the discount beside the undiscounted subtotal, with the line's share", () => {
    const order = storedOrder({
      lines: [{ skuId: "a", quantity: 1, unitPrice: 10_000 }],
      coupon: { kind: "AMOUNT_OFF", value: 2_000, minSpend: 0 },
      shippingFee: 0,
    });
    const [line] = orderMoney(order).lines;
    expect(line).toMatchObject({ amount: 10_000, discount: 2_000, net: 8_000 });
    expect(orderMoney(order).subtotal).toBe(10_000);
    expect(orderMoney(order).total).toBe(8_000);
  });

  it("flags stored figures that do not add up", () => {
    const order = storedOrder({
      lines: [{ skuId: "a", quantity: 2, unitPrice: 5_000 }],
      shippingFee: 0,
    });
    expect(orderMoney({ ...order, subtotal: 9_000 }).matchesStored).toBe(false);
    expect(orderMoney({ ...order, total: order.total + 1 }).matchesStored).toBe(false);
    expect(orderMoney(order).matchesStored).toBe(true);
  });
});
