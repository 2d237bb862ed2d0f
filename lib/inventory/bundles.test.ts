import { describe, expect, it } from "vitest";
import { bundleAvailable, expandBundle, type BundlePart } from "./bundles";

describe("bundleAvailable", () => {
  const stock: Record<string, number> = { shoe: 10, sock: 7, bag: 0, cap: 3 };
  const of = (sku: string) => stock[sku] ?? 0;
  it.each<[string, BundlePart[], number]>([
    [
      "one of each",
      [
        { componentSkuId: "shoe", quantity: 1 },
        { componentSkuId: "sock", quantity: 1 },
      ],
      7,
    ],
    [
      "two socks per kit",
      [
        { componentSkuId: "shoe", quantity: 1 },
        { componentSkuId: "sock", quantity: 2 },
      ],
      3,
    ],
    ["floor of 10/3", [{ componentSkuId: "shoe", quantity: 3 }], 3],
    [
      "a component out of stock",
      [
        { componentSkuId: "shoe", quantity: 1 },
        { componentSkuId: "bag", quantity: 1 },
      ],
      0,
    ],
    ["an unknown component", [{ componentSkuId: "ghost", quantity: 1 }], 0],
    ["no components", [], 0],
    ["too few for one kit", [{ componentSkuId: "cap", quantity: 4 }], 0],
  ])("%s → %i", (_name, parts, expected) => {
    expect(bundleAvailable(parts, of)).toBe(expected);
  });
});

describe("expandBundle", () => {
  it("multiplies by the bundle quantity and sorts by SKU id", () => {
    expect(
      expandBundle(
        [
          { componentSkuId: "sock", quantity: 2 },
          { componentSkuId: "bag", quantity: 1 },
        ],
        3,
      ),
    ).toEqual([
      { skuId: "bag", quantity: 3 },
      { skuId: "sock", quantity: 6 },
    ]);
  });
  it("merges a component listed twice", () => {
    expect(
      expandBundle(
        [
          { componentSkuId: "sock", quantity: 1 },
          { componentSkuId: "sock", quantity: 2 },
        ],
        2,
      ),
    ).toEqual([{ skuId: "sock", quantity: 6 }]);
  });
});
