import { describe, expect, it } from "vitest";
import { resolveSelection } from "./product-selection";
import { testProduct, testSku } from "./test-products";

const tee = testProduct("TE-1", [
  testSku("Black", "L"),
  testSku("Black", "S"),
  testSku("White", "M"),
  testSku("White", "XL"),
]);

describe("resolveSelection", () => {
  it("selects the asked colour and size, sizes in size order", () => {
    const s = resolveSelection(tee, { colour: "Black", size: "L" });
    expect(s?.colour.color).toBe("Black");
    expect(s?.sizes.map((x) => x.size)).toEqual(["S", "L"]);
    expect(s?.sku?.id).toBe("sku_Black_L");
    expect(s?.problem).toBeNull();
  });

  it("shows the first colour and no size when nothing is asked", () => {
    const s = resolveSelection(tee, {});
    expect(s?.colour.color).toBe("Black");
    expect(s?.sku).toBeNull();
    expect(s?.problem).toBeNull();
  });

  it("refuses a size the style does not have: nothing selected, problem named", () => {
    const s = resolveSelection(tee, { colour: "White", size: "XXL" });
    expect(s?.sku).toBeNull();
    expect(s?.problem).toEqual({ code: "UNKNOWN_SIZE", size: "XXL" });
  });

  it("tells a size missing in this colour apart from an unknown size", () => {
    const s = resolveSelection(tee, { colour: "White", size: "S" });
    expect(s?.sku).toBeNull();
    expect(s?.problem).toEqual({ code: "SIZE_NOT_IN_COLOUR", size: "S", colour: "White" });
  });

  it("falls back to the first colour for an unknown one and says so", () => {
    const s = resolveSelection(tee, { colour: "Plaid", size: "S" });
    expect(s?.colour.color).toBe("Black");
    expect(s?.sku?.id).toBe("sku_Black_S");
    expect(s?.problem).toEqual({ code: "UNKNOWN_COLOUR", colour: "Plaid" });
  });

  it("selects a single-size colour by itself, and has nothing to show without SKUs", () => {
    const bag = testProduct("BG-1", [testSku("Black", "ONE SIZE")]);
    expect(resolveSelection(bag, {})?.sku?.id).toBe("sku_Black_ONE SIZE");
    expect(resolveSelection({ skus: [] }, {})).toBeNull();
  });
});
