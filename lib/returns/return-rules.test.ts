import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  chooseReturnLines,
  makeReturnCode,
  orderIsReturnable,
  refundFor,
  returnableQuantity,
} from "./return-rules";

const lines = [
  { orderLineId: "a", bought: 2, returned: 0, lineTotal: 100_000 },
  { orderLineId: "b", bought: 1, returned: 1, lineTotal: 50_000 },
];

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("return rules", () => {
  it("counts what is left to return", () => {
    expect(returnableQuantity({ bought: 3, returned: 1 })).toBe(2);
    expect(returnableQuantity({ bought: 1, returned: 2 })).toBe(0);
  });

  it("keeps chosen lines, adding duplicates and dropping zeros", () => {
    expect(
      chooseReturnLines(lines, [
        { orderLineId: "a", quantity: 1 },
        { orderLineId: "a", quantity: 1 },
        { orderLineId: "b", quantity: 0 },
      ]),
    ).toEqual([{ orderLineId: "a", quantity: 2 }]);
  });

  it.each([
    ["nothing chosen", [{ orderLineId: "a", quantity: 0 }], "INVALID_INPUT", "NOTHING_CHOSEN"],
    ["more than bought", [{ orderLineId: "a", quantity: 3 }], "INVALID_INPUT", "ABOVE_RETURNABLE"],
    [
      "a line already returned",
      [{ orderLineId: "b", quantity: 1 }],
      "INVALID_INPUT",
      "ABOVE_RETURNABLE",
    ],
    ["a line of another order", [{ orderLineId: "zzz", quantity: 1 }], "NOT_FOUND", "ORDER_LINE"],
  ])("refuses %s", (_label, wanted, code, reason) => {
    const error = refusal(() => chooseReturnLines(lines, wanted));
    expect(error.code).toBe(code);
    expect(error.details?.reason).toBe(reason);
  });

  it("names the item a refusal concerns when the line carries its naming", () => {
    const naming = {
      product: "Velocity Run 3",
      productZh: "疾速跑鞋 3",
      colour: "Black",
      colourZh: "黑色",
      size: "42",
    };
    const error = refusal(() =>
      chooseReturnLines([{ ...lines[0]!, naming }], [{ orderLineId: "a", quantity: 3 }]),
    );
    expect(error.details).toEqual({
      reason: "ABOVE_RETURNABLE",
      orderLineId: "a",
      returnable: 2,
      ...naming,
    });
  });

  it("refunds what was paid for the returned units: after coupon, less the points' share, rounded down", () => {
    const order = {
      lines: [
        { orderLineId: "a", quantity: 2, lineTotal: 100_000 },
        { orderLineId: "b", quantity: 1, lineTotal: 50_000 },
      ],
      pointsValue: 300,
    };
    // Points spread 200 / 100: line a paid 99,800 for 2 units, line b 49,900 for 1.
    expect(refundFor(order, [{ orderLineId: "a", quantity: 1 }])).toBe(49_900);
    expect(
      refundFor(order, [
        { orderLineId: "a", quantity: 2 },
        { orderLineId: "b", quantity: 1 },
      ]),
    ).toBe(149_700);
    expect(
      refundFor({ lines: [{ orderLineId: "c", quantity: 3, lineTotal: 1_000 }], pointsValue: 0 }, [
        { orderLineId: "c", quantity: 1 },
      ]),
    ).toBe(333);
  });

  it.each([
    [
      "a completed, paid order",
      { status: "COMPLETED", paymentStatus: "PAID", fulfilmentStatuses: [] },
      true,
    ],
    [
      "a delivered one not yet marked complete",
      {
        status: "IN_FULFILMENT",
        paymentStatus: "PAID",
        fulfilmentStatuses: ["DELIVERED", "REJECTED"],
      },
      true,
    ],
    [
      "one still on its way",
      {
        status: "IN_FULFILMENT",
        paymentStatus: "PAID",
        fulfilmentStatuses: ["DELIVERED", "HANDED_TO_COURIER"],
      },
      false,
    ],
    [
      "an unpaid one",
      { status: "PENDING_PAYMENT", paymentStatus: "PENDING", fulfilmentStatuses: [] },
      false,
    ],
    [
      "a fully refunded one",
      { status: "COMPLETED", paymentStatus: "REFUNDED", fulfilmentStatuses: ["PICKED_UP"] },
      false,
    ],
  ])("%s returnable: %s", (_label, order, expected) => {
    expect(orderIsReturnable(order)).toBe(expected);
  });

  it("makes 8-character codes without look-alike characters", () => {
    let i = 0;
    const code = makeReturnCode((max) => (i++ * 7) % max);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });
});
