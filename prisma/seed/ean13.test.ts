import { describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue";
import { brandBarcode, ean13CheckDigit, isValidEan13 } from "./ean13";

describe("EAN-13", () => {
  it.each([
    ["400638133393", 1],
    ["590123412345", 7],
    ["690123456789", 2],
    ["000000000000", 0],
  ])("check digit of %s is %i", (first12, digit) => {
    expect(ean13CheckDigit(first12)).toBe(digit);
  });

  it("rejects a wrong check digit, a wrong length and letters", () => {
    expect(isValidEan13("4006381333931")).toBe(true);
    expect(isValidEan13("4006381333932")).toBe(false);
    expect(isValidEan13("400638133393")).toBe(false);
    expect(isValidEan13("40063813339a1")).toBe(false);
  });

  it("gives every SKU of the catalogue a valid, unique, Chinese-prefixed barcode", () => {
    const barcodes = buildCatalogue(new Date()).skus.map((s) => s.barcode);
    expect(barcodes.every(isValidEan13)).toBe(true);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(barcodes.every((b) => b.startsWith("69"))).toBe(true);
  });

  it("refuses item numbers that do not fit five digits", () => {
    expect(() => brandBarcode(100_000)).toThrow();
    expect(() => brandBarcode(-1)).toThrow();
  });
});
