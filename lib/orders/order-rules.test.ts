import { describe, expect, it } from "vitest";
import { newOrderNo, newPickupCode } from "./order-codes";
import { placeOrderSchema } from "./order-input";
import { promisedBy } from "./promise-time";

const base = {
  channelCode: "WEB",
  buyer: { kind: "MEMBER", userId: "u1" },
  lines: [{ skuId: "s1", quantity: 1 }],
  method: "PICKUP",
  destination: { kind: "store", nodeId: "n1" },
  contact: { name: "Li Wei" },
  paymentProvider: "DEMO",
  idempotencyKey: "checkout-123",
} as const;

describe("order numbers and pickup codes", () => {
  it("an order number carries the Shanghai date and six unambiguous characters", () => {
    // 23:30 UTC on 21 Nov is already 22 Nov in Shanghai.
    const no = newOrderNo(new Date("2026-11-21T23:30:00Z"), () => 0);
    expect(no).toBe("OP261122000000");
    expect(newOrderNo(new Date(), (max) => max - 1)).toMatch(/^OP\d{6}Z{6}$/);
  });

  it("a pickup code is always six digits, leading zeros kept", () => {
    expect(newPickupCode(() => 42)).toBe("000042");
    expect(newPickupCode(() => 999_999)).toBe("999999");
    expect(newPickupCode()).toMatch(/^\d{6}$/);
  });
});

describe("promised times", () => {
  const now = new Date("2026-11-22T02:00:00Z");
  it.each([
    ["PICKUP", false, "2026-11-22T04:00:00.000Z"],
    ["PICKUP", true, "2026-11-24T02:00:00.000Z"],
    ["SAME_CITY", false, "2026-11-22T05:00:00.000Z"],
    ["EXPRESS", false, "2026-11-24T02:00:00.000Z"],
  ] as const)("%s (shipped in: %s) is promised by %s", (method, shippedIn, expected) => {
    expect(promisedBy(method, now, { shippedIn }).toISOString()).toBe(expected);
  });
});

describe("order input", () => {
  const problems = (input: unknown) => {
    const parsed = placeOrderSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
  };

  it("accepts a well-formed pickup order", () => {
    expect(problems(base)).toEqual([]);
  });

  it.each([
    ["a zero quantity", { lines: [{ skuId: "s1", quantity: 0 }] }, "lines.0.quantity"],
    ["a negative quantity", { lines: [{ skuId: "s1", quantity: -2 }] }, "lines.0.quantity"],
    ["a fractional quantity", { lines: [{ skuId: "s1", quantity: 1.5 }] }, "lines.0.quantity"],
    ["no lines", { lines: [] }, "lines"],
    [
      "the same SKU twice",
      {
        lines: [
          { skuId: "s1", quantity: 1 },
          { skuId: "s1", quantity: 2 },
        ],
      },
      "lines",
    ],
    [
      "pickup at an address",
      {
        destination: {
          kind: "address",
          addressLine: "1 Road",
          city: "SH",
          latitude: 31,
          longitude: 121,
        },
      },
      "destination",
    ],
    ["delivery to a store", { method: "EXPRESS" }, "destination"],
    [
      "a coupon for a walk-in customer",
      { buyer: { kind: "WALK_IN", guideUserId: "s" }, couponCode: "X" },
      "couponCode",
    ],
    ["a short idempotency key", { idempotencyKey: "x" }, "idempotencyKey"],
    [
      "a latitude off the globe",
      {
        method: "EXPRESS",
        destination: {
          kind: "address",
          addressLine: "1 Road",
          city: "SH",
          latitude: 91,
          longitude: 121,
        },
      },
      "destination.latitude",
    ],
  ])("refuses %s", (_, change, path) => {
    expect(problems({ ...base, ...change })).toContain(path);
  });
});
