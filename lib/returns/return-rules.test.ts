import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";
import {
  chooseReturnLines,
  contactMatches,
  makeReturnCode,
  orderIsReturnable,
  pointsToTakeBack,
  receiveReturnSchema,
  refundFor,
  refundForAccepted,
  returnableQuantity,
  returnWindowClosed,
  returnWindowOpen,
  walkInReturnSchema,
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

describe("return rules at the counter and the refund", () => {
  // 2 tees paid 100,000 and a rare paid 50,000; 300 fen of points spread 200 / 100; 1,500 delivery.
  const order = {
    lines: [
      { orderLineId: "a", quantity: 2, lineTotal: 100_000 },
      { orderLineId: "b", quantity: 1, lineTotal: 50_000 },
    ],
    pointsValue: 300,
    shippingFee: 1_500,
  };
  const refund = (
    accepted: { orderLineId: string; quantity: number }[],
    acceptedBefore: { orderLineId: string; quantity: number }[] = [],
    leftToRefund = 1_000_000,
  ) => refundForAccepted({ order, accepted, acceptedBefore, leftToRefund });

  it("refunds the accepted units' paid share, without the delivery fee while units stay with the buyer", () => {
    expect(refund([{ orderLineId: "a", quantity: 1 }])).toBe(49_900);
    expect(
      refund([
        { orderLineId: "a", quantity: 1 },
        { orderLineId: "b", quantity: 1 },
      ]),
    ).toBe(99_800);
  });

  it("refunds the delivery fee with the return that brings the last units back, and only then", () => {
    expect(
      refund([
        { orderLineId: "a", quantity: 2 },
        { orderLineId: "b", quantity: 1 },
      ]),
    ).toBe(149_700 + 1_500);
    // The last tee after an earlier return of one tee and the rare.
    expect(
      refund(
        [{ orderLineId: "a", quantity: 1 }],
        [
          { orderLineId: "a", quantity: 1 },
          { orderLineId: "b", quantity: 1 },
        ],
      ),
    ).toBe(49_900 + 1_500);
    // Not when a unit is still with the buyer, and not for a return that accepted nothing.
    expect(refund([{ orderLineId: "a", quantity: 1 }], [{ orderLineId: "b", quantity: 1 }])).toBe(
      49_900,
    );
    expect(
      refund(
        [],
        [
          { orderLineId: "a", quantity: 2 },
          { orderLineId: "b", quantity: 1 },
        ],
      ),
    ).toBe(0);
  });

  it("never refunds more than is left to refund, nor less than nothing", () => {
    expect(refund([{ orderLineId: "a", quantity: 1 }], [], 10_000)).toBe(10_000);
    expect(refund([{ orderLineId: "a", quantity: 1 }], [], 0)).toBe(0);
    expect(refund([{ orderLineId: "a", quantity: 1 }], [], -50)).toBe(0);
  });

  it("takes back the points the refunded goods earned, cumulatively and rounded down", () => {
    const base = { pointsEarned: 999, goodsPaid: 99_900 };
    // A third of the goods: 333 points.
    expect(pointsToTakeBack({ ...base, refundedGoods: 33_300, takenBefore: 0 })).toBe(333);
    // Two thirds refunded in all, 333 taken before: 333 more.
    expect(pointsToTakeBack({ ...base, refundedGoods: 66_600, takenBefore: 333 })).toBe(333);
    // Everything (the delivery fee beyond the goods counts nothing more): the rest.
    expect(pointsToTakeBack({ ...base, refundedGoods: 120_000, takenBefore: 666 })).toBe(333);
    expect(pointsToTakeBack({ ...base, refundedGoods: 99_900, takenBefore: 999 })).toBe(0);
    // Rounding: 1 fen of 3 earns floor(1/3 × 10) = 3 of 10 points.
    expect(
      pointsToTakeBack({ pointsEarned: 10, goodsPaid: 3, refundedGoods: 1, takenBefore: 0 }),
    ).toBe(3);
    // Never negative, nothing for an order without paid goods.
    expect(pointsToTakeBack({ ...base, refundedGoods: 100, takenBefore: 500 })).toBe(0);
    expect(
      pointsToTakeBack({ pointsEarned: 50, goodsPaid: 0, refundedGoods: 100, takenBefore: 0 }),
    ).toBe(0);
  });

  it("keeps the return window open for its days after the goods reached the buyer", () => {
    const reached = new Date("2031-03-01T10:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    expect(returnWindowOpen(reached, new Date(reached.getTime() + 30 * day), 30)).toBe(true);
    expect(returnWindowOpen(reached, new Date(reached.getTime() + 30 * day + 1), 30)).toBe(false);
    expect(returnWindowOpen(reached, new Date(reached.getTime() + 31 * day), 30)).toBe(false);
    expect(returnWindowOpen(reached, new Date(reached.getTime() + 8 * day), 7)).toBe(false);
    // Not yet handed over: the window has not started.
    expect(returnWindowOpen(null, new Date(reached.getTime() + 400 * day), 30)).toBe(true);
    const closed = returnWindowClosed(30);
    expect([closed.code, closed.details]).toEqual([
      "CONFLICT",
      { reason: "RETURN_WINDOW_CLOSED", days: 30 },
    ]);
  });

  it.runIf(process.env.RETURN_WINDOW_DAYS === undefined)(
    "is 30 days unless RETURN_WINDOW_DAYS says otherwise",
    () => {
      expect(env.RETURN_WINDOW_DAYS).toBe(30);
    },
  );

  it.each([
    ["the email, in another case and with spaces", "  Li.Wei@Example.COM ", true],
    ["the phone, spaced differently", "+8613800000000", true],
    ["the phone with dashes", "+86-138-0000-0000", true],
    ["the phone without the country code", "138 0000 0000", true],
    ["another phone", "+86 139 0000 0000", false],
    ["another email", "li.wei@example.org", false],
    ["too few digits to be a phone", "0000", false],
  ])("matches a contact given as %s: %s", (_label, given, expected) => {
    expect(contactMatches(given, { phone: "+86 138 0000 0000", email: "li.wei@example.com" })).toBe(
      expected,
    );
  });

  it("matches nothing for an order without phone or email", () => {
    expect(contactMatches("+86 138 0000 0000", { phone: null, email: null })).toBe(false);
    expect(contactMatches("", { phone: "", email: "" })).toBe(false);
  });

  it("needs a reason for each refused line, at the counter and for a walk-in", () => {
    const receipt = (line: Record<string, unknown>) =>
      receiveReturnSchema.safeParse({ returnId: "r1", lines: [{ returnLineId: "l1", ...line }] });
    expect(receipt({ decision: "RESTOCK" }).success).toBe(true);
    expect(receipt({ decision: "DAMAGED" }).success).toBe(true);
    expect(receipt({ decision: "REFUSE", refuseReason: "Worn outside" }).success).toBe(true);
    for (const refused of [
      receipt({ decision: "REFUSE" }),
      receipt({ decision: "REFUSE", refuseReason: "   " }),
    ]) {
      expect(refused.success).toBe(false);
      expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["lines.0.refuseReason"]);
    }
    expect(receipt({ decision: "LOST" }).success).toBe(false);
    expect(receiveReturnSchema.safeParse({ returnId: "r1", lines: [] }).success).toBe(false);
    expect(
      walkInReturnSchema.safeParse({
        orderNo: "T1",
        contact: "+86 138 0000 0000",
        reason: "OTHER",
        lines: [{ orderLineId: "a", quantity: 1, decision: "REFUSE" }],
      }).success,
    ).toBe(false);
  });
});

describe("contactMatches with a country code", () => {
  it("matches a mobile number typed with or without +86", () => {
    const known = { phone: "+86 138 0000 0000", email: null };
    expect(contactMatches("13800000000", known)).toBe(true);
    expect(contactMatches("138-0000-0000", known)).toBe(true);
    expect(contactMatches("0086 13800000000", known)).toBe(true);
    expect(contactMatches("13800000001", known)).toBe(false);
    expect(contactMatches("+86 13800000000", { phone: "13800000000", email: null })).toBe(true);
  });
});
