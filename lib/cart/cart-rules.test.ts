import { describe, expect, it } from "vitest";
import { addToCartSchema, mergeCartQuantities } from "./cart-rules";

describe("cart rules", () => {
  it("merges carts by summing quantities per SKU, capped at 99", () => {
    expect(
      mergeCartQuantities(
        [
          { skuId: "a", quantity: 2 },
          { skuId: "b", quantity: 60 },
        ],
        [
          { skuId: "a", quantity: 3 },
          { skuId: "b", quantity: 60 },
          { skuId: "c", quantity: 1 },
        ],
      ),
    ).toEqual([
      { skuId: "a", quantity: 5 },
      { skuId: "b", quantity: 99 },
      { skuId: "c", quantity: 1 },
    ]);
  });

  it.each([
    [{ skuId: "a" }, false],
    [{ skuId: "a", quantity: 1 }, true],
    [{ skuId: "a", quantity: 1.5 }, false],
    [{ skuId: "a", quantity: "1" }, false],
    [{ skuId: "a", quantity: 10 }, true],
    [{ skuId: "a", quantity: 11 }, false],
    [{ skuId: "a", quantity: 0 }, false],
    [{ skuId: "", quantity: 1 }, false],
  ])("add-to-cart input %j valid: %s", (input, valid) => {
    expect(addToCartSchema.safeParse(input).success).toBe(valid);
  });
});
