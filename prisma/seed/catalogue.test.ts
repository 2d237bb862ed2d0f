import { describe, expect, it } from "vitest";
import { buildCatalogue, clearanceEmployeePrice, STYLES } from "./catalogue";
import { CATEGORIES } from "./categories";

const now = new Date("2026-11-22T04:00:00Z");
const catalogue = buildCatalogue(now);

describe("buildCatalogue", () => {
  it("has about 60 styles and 600 SKUs with unique codes and ids", () => {
    expect(STYLES.length).toBeGreaterThanOrEqual(55);
    expect(STYLES.length).toBeLessThanOrEqual(65);
    expect(catalogue.stocked.length).toBeGreaterThanOrEqual(550);
    expect(catalogue.stocked.length).toBeLessThanOrEqual(650);
    const codes = catalogue.skus.map((s) => s.skuCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(catalogue.skus.every((s) => s.id === `sku_${s.skuCode}`)).toBe(true);
  });

  it("is the same on every run", () => {
    expect(buildCatalogue(now)).toEqual(catalogue);
  });

  it("puts every category to use, with the image of its category", () => {
    const used = new Set(catalogue.products.map((p) => p.categoryId));
    expect(used.size).toBe(CATEGORIES.length);
    for (const product of catalogue.products) {
      expect(product.imagePath).toBe(`/products/${product.categoryId.replace("cat_", "")}.svg`);
    }
  });

  it("prices shoes between 499 and 1299 yuan and everything in whole fen", () => {
    const shoes = catalogue.products.filter(
      (p) => p.categoryId.endsWith("-shoes") && !p.styleCode.startsWith("KIT"),
    );
    expect(shoes.every((p) => p.listPrice >= 49_900 && p.listPrice <= 129_900)).toBe(true);
    expect(catalogue.products.every((p) => Number.isInteger(p.listPrice))).toBe(true);
  });

  it("marks about 15 % of styles as clearance, each with an employee price below list", () => {
    const clearance = catalogue.products.filter((p) => p.lifecycle === "CLEARANCE");
    expect(clearance.length / STYLES.length).toBeGreaterThan(0.1);
    expect(clearance.length / STYLES.length).toBeLessThan(0.2);
    for (const p of clearance) {
      expect(p.employeePrice).toBeGreaterThan(0);
      expect(p.employeePrice).toBeLessThan(p.listPrice);
    }
    expect(clearanceEmployeePrice(699)).toBe(27_900);
  });

  it("sizes shoes in EU 36–45, apparel XS–XXL and bags and caps as one size", () => {
    const sizesOf = (prefix: string) =>
      new Set(
        catalogue.skus
          .filter((s) => s.skuCode.startsWith(prefix) && !s.isBundle)
          .map((s) => s.size),
      );
    expect([...sizesOf("RN-")].every((s) => Number(s) >= 36 && Number(s) <= 45)).toBe(true);
    expect([...sizesOf("TE-")].every((s) => ["XS", "S", "M", "L", "XL", "XXL"].includes(s))).toBe(
      true,
    );
    expect([...sizesOf("BG-")]).toEqual(["ONE SIZE"]);
  });

  it("builds 3–4 bundles of at least two regular components and a couple of presale SKUs", () => {
    const bundles = catalogue.skus.filter((s) => s.isBundle);
    const bundleProducts = new Set(bundles.map((b) => b.productId));
    expect(bundleProducts.size).toBeGreaterThanOrEqual(3);
    expect(bundleProducts.size).toBeLessThanOrEqual(4);
    const regular = new Set(catalogue.stocked.map((s) => s.id));
    for (const bundle of bundles) {
      const parts = catalogue.bundleComponents.filter((c) => c.bundleSkuId === bundle.id);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.every((c) => regular.has(c.componentSkuId) && c.quantity > 0)).toBe(true);
    }
    const presale = catalogue.skus.filter((s) => s.presaleEnabled);
    expect(presale.length).toBe(2);
    expect(presale.every((s) => (s.presaleCap ?? 0) > 0 && s.presaleShipDate instanceof Date)).toBe(
      true,
    );
  });
});
