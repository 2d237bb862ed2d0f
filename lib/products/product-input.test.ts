import { describe, expect, it } from "vitest";
import { bundleProblem } from "./bundle-rules";
import {
  channelPriceSchema,
  presaleSchema,
  repeatedValues,
  skuFieldsSchema,
  yuanToFen,
} from "./product-input";

const sku = {
  skuCode: "rn-101-blk-42",
  barcode: "6901234567892",
  color: "Black",
  colorZh: "黑色",
  colorHex: "#111111",
  size: "42",
};

describe("product input", () => {
  it("keeps codes upper case and a blank SKU price as none", () => {
    const parsed = skuFieldsSchema.parse({ ...sku, listPriceYuan: " " });
    expect(parsed).toMatchObject({ skuCode: "RN-101-BLK-42", listPriceYuan: null, sizeOrder: 0 });
    // Parsing twice (the action, then the use case) changes nothing.
    expect(skuFieldsSchema.parse(parsed)).toEqual(parsed);
  });

  it.each([
    [0, false],
    [-1, false],
    [0.01, true],
    [1.005, false],
    [599.9, true],
  ])("a price of %s yuan is accepted: %s", (priceYuan, ok) => {
    const parsed = channelPriceSchema.safeParse({
      styleCode: "RN-101",
      channelCode: "WEB",
      priceYuan,
    });
    expect(parsed.success).toBe(ok);
  });

  it("stores yuan as whole fen", () => {
    expect(yuanToFen(599.9)).toBe(59_990);
    expect(yuanToFen(0.01)).toBe(1);
  });

  it.each(["12345", "ABC45678", "123456789012345"])("refuses the barcode %s", (barcode) => {
    expect(skuFieldsSchema.safeParse({ ...sku, barcode }).success).toBe(false);
  });

  it("needs a whole cap of at least 0 and a ship date when presale is on", () => {
    const base = { skuCode: "RN-1", enabled: true, cap: 5, shipDate: "2027-01-15" };
    expect(presaleSchema.safeParse(base).success).toBe(true);
    expect(presaleSchema.safeParse({ ...base, cap: 1.5 }).success).toBe(false);
    expect(presaleSchema.safeParse({ ...base, cap: -1 }).success).toBe(false);
    const undated = presaleSchema.safeParse({ ...base, shipDate: "" });
    expect(undated.error?.issues[0]?.path).toEqual(["shipDate"]);
    expect(presaleSchema.safeParse({ ...base, enabled: false, shipDate: "" }).success).toBe(true);
  });

  it("finds values repeated within one input at the later line", () => {
    expect(repeatedValues(["a", "b", "a", "a"], (i) => `skus.${i}.barcode`)).toEqual([
      { value: "a", path: "skus.2.barcode" },
      { value: "a", path: "skus.3.barcode" },
    ]);
  });
});

describe("bundle rules", () => {
  const bundle = { skuCode: "KIT-1", partOfBundles: 0 };
  const single = (skuCode: string) => ({ skuCode, isBundle: false });

  it("accepts single items", () => {
    expect(bundleProblem({ bundle, components: [single("A"), single("B")] })).toBeNull();
  });

  it("refuses the bundle itself, a bundle component, and a SKU that is a component elsewhere", () => {
    expect(bundleProblem({ bundle, components: [single("KIT-1")] })).toEqual({
      reason: "BUNDLE_SELF",
    });
    expect(
      bundleProblem({ bundle, components: [single("A"), { skuCode: "KIT-2", isBundle: true }] }),
    ).toEqual({ reason: "BUNDLE_NESTED", skuCode: "KIT-2", index: 1 });
    expect(
      bundleProblem({ bundle: { ...bundle, partOfBundles: 1 }, components: [single("A")] }),
    ).toEqual({ reason: "BUNDLE_NESTED", skuCode: "KIT-1" });
  });
});
