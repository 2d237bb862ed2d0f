import { describe, expect, it } from "vitest";
import { filterProducts, listingQuery, paginate, parseListingFilters } from "./listing-filters";
import { testProduct, testSku } from "./test-products";

describe("parseListingFilters", () => {
  it("reads every filter, prices from yuan to fen", () => {
    const { filters, ignored } = parseListingFilters({
      size: "42",
      colour: "Black",
      min: "199",
      max: "599.5",
      near: "Shanghai",
      page: "2",
    });
    expect(filters).toEqual({
      category: undefined,
      size: "42",
      colour: "Black",
      minPrice: 19900,
      maxPrice: 59950,
      nearCity: "Shanghai",
      page: 2,
    });
    expect(ignored).toEqual([]);
  });

  it("leaves out and names what does not parse, and keeps the rest", () => {
    const { filters, ignored } = parseListingFilters({
      size: "M",
      min: "abc",
      near: "Paris",
      page: "-3",
    });
    expect(filters).toMatchObject({ size: "M", minPrice: undefined, nearCity: undefined, page: 1 });
    expect(ignored).toEqual(["min", "near", "page"]);
  });

  it("drops a maximum below the minimum", () => {
    const { filters, ignored } = parseListingFilters({ min: "500", max: "100" });
    expect(filters.minPrice).toBe(50000);
    expect(filters.maxPrice).toBeUndefined();
    expect(ignored).toEqual(["max"]);
  });

  it("treats empty fields (an untouched GET form) as no filter", () => {
    expect(parseListingFilters({ size: "", colour: " ", min: "", near: "" })).toEqual({
      filters: { page: 1 },
      ignored: [],
    });
  });
});

describe("filterProducts", () => {
  const shoe = testProduct(
    "RN-1",
    [testSku("Black", "40", { price: 50000 }), testSku("White", "42", { price: 60000 })],
    { categorySlug: "running-shoes" },
  );
  const tee = testProduct("TE-1", [testSku("Black", "M", { price: 15000 })]);
  const all = [shoe, tee];

  it("matches size, colour and price on the same SKU", () => {
    expect(
      filterProducts(all, { page: 1, size: "42", colour: "White" }).map((p) => p.styleCode),
    ).toEqual(["RN-1"]);
    // A black 40 and a white 42 do not make a black 42.
    expect(filterProducts(all, { page: 1, size: "42", colour: "Black" })).toEqual([]);
    expect(filterProducts(all, { page: 1, minPrice: 55000 }).map((p) => p.styleCode)).toEqual([
      "RN-1",
    ]);
    expect(filterProducts(all, { page: 1, maxPrice: 20000 }).map((p) => p.styleCode)).toEqual([
      "TE-1",
    ]);
  });

  it("filters by category", () => {
    expect(filterProducts(all, { page: 1, category: "tees" }).map((p) => p.styleCode)).toEqual([
      "TE-1",
    ]);
  });

  it("keeps only SKUs in stock near the city when asked", () => {
    const nearby = new Set(["sku_White_42"]);
    expect(
      filterProducts(all, { page: 1, nearCity: "Shanghai" }, nearby).map((p) => p.styleCode),
    ).toEqual(["RN-1"]);
    expect(filterProducts(all, { page: 1, nearCity: "Shanghai", size: "40" }, nearby)).toEqual([]);
    expect(filterProducts(all, { page: 1, nearCity: "Shanghai" })).toEqual([]);
  });
});

describe("paginate and listingQuery", () => {
  it("clamps the page to what exists", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(paginate(items, 3, 24)).toEqual({ items: [48, 49], page: 3, pageCount: 3, total: 50 });
    expect(paginate(items, 9, 24).page).toBe(3);
    expect(paginate([], 2, 24)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });

  it("keeps the filters in page links, prices back in yuan", () => {
    expect(
      listingQuery({ page: 1, size: "42", minPrice: 19900, nearCity: "Beijing" }, { page: 2 }),
    ).toBe("?size=42&min=199&near=Beijing&page=2");
    expect(listingQuery({ page: 3 }, { page: 1 })).toBe("");
  });
});
