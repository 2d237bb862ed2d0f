import { describe, expect, it } from "vitest";
import {
  discountPercent,
  employeeProductHref,
  filterStyles,
  offeredCategories,
  maxPickable,
  offeredStyles,
  summarizeStyle,
  type ChannelOffer,
  type StyleRow,
} from "./employee-catalogue";

const sku = (id: string, size: string, sizeOrder: number, color = "Black", listPrice = 10_000) => ({
  id,
  skuCode: id,
  color,
  colorZh: color === "Black" ? "黑" : "白",
  colorHex: color === "Black" ? "#000000" : "#ffffff",
  size,
  sizeOrder,
  isBundle: false,
  listPrice,
});

const style = (styleCode: string, categorySlug: string, skus: StyleRow["skus"]): StyleRow => ({
  id: `prd_${styleCode}`,
  styleCode,
  name: styleCode,
  nameZh: styleCode,
  description: "-",
  descriptionZh: "-",
  categorySlug,
  categoryName: categorySlug === "tees" ? "T-Shirts" : "Shoes",
  categoryNameZh: categorySlug === "tees" ? "T恤" : "鞋",
  imagePath: "/x.svg",
  skus,
});

const ROWS: StyleRow[] = [
  style("RUN", "shoes", [
    sku("run-41", "41", 1),
    sku("run-42", "42", 2),
    sku("run-42w", "42", 2, "White", 12_000),
  ]),
  style("TEE", "tees", [sku("tee-m", "M", 2), sku("tee-s", "S", 1)]),
  style("CAP", "tees", [sku("cap-os", "OS", 1)]),
];

const OFFERS = new Map<string, ChannelOffer>([
  ["run-41", { listed: true, ats: 0 }],
  ["run-42", { listed: true, ats: 4 }],
  ["run-42w", { listed: true, ats: 2 }],
  ["tee-m", { listed: true, ats: 7 }],
  ["tee-s", { listed: false, ats: 0 }],
  ["cap-os", { listed: false, ats: 0 }],
]);

const PRICES = new Map([
  ["run-41", 7_000],
  ["run-42", 7_000],
  ["run-42w", 6_000],
  ["tee-m", 9_000],
  ["tee-s", 9_000],
  ["cap-os", 5_000],
]);

const offered = offeredStyles(ROWS, OFFERS, PRICES);

describe("discountPercent", () => {
  it.each([
    [10_000, 7_000, 30],
    [59_900, 41_930, 30],
    [29_900, 19_900, 33],
    [10_000, 10_000, 0],
    [3, 2, 33],
    [0, 0, 0],
  ])("list %i, employee %i → %i %%", (list, employee, expected) => {
    expect(discountPercent(list, employee)).toBe(expected);
  });
});

describe("offeredStyles", () => {
  it("keeps only SKUs the employee channel lists and drops styles left without any", () => {
    expect(offered.map((s) => [s.styleCode, s.skus.map((k) => k.id)])).toEqual([
      ["RUN", ["run-41", "run-42", "run-42w"]],
      ["TEE", ["tee-m"]],
    ]);
  });

  it("prices each SKU at its employee price and sells what the channel's ATS says", () => {
    const tee = offered.find((s) => s.styleCode === "TEE")?.skus[0];
    expect(tee).toMatchObject({
      listPrice: 10_000,
      employeePrice: 9_000,
      price: 9_000,
      available: 7,
    });
  });

  it("leaves out a SKU without an ATS figure or a price, and never shows a negative quantity", () => {
    const rows = [style("X", "tees", [sku("a", "S", 1), sku("b", "M", 2), sku("c", "L", 3)])];
    const result = offeredStyles(
      rows,
      new Map([
        ["a", { listed: true, ats: -3 }],
        ["b", { listed: true, ats: 5 }],
      ]),
      new Map([
        ["a", 1],
        ["c", 1],
      ]),
    );
    expect(result[0]?.skus.map((s) => [s.id, s.available])).toEqual([["a", 0]]);
  });
});

describe("summarizeStyle", () => {
  it("shows the lowest employee price with that SKU's list price and the units on sale", () => {
    const run = summarizeStyle(offered[0]!);
    expect(run).toMatchObject({
      styleCode: "RUN",
      listPrice: 12_000,
      employeePrice: 6_000,
      discountPercent: 50,
      priceVaries: true,
      available: 6,
    });
    expect(run.skus.map((s) => s.id)).toEqual(["run-41", "run-42", "run-42w"]);
    expect(run).not.toHaveProperty("description");
  });

  it("says a single price is not a 'from' price", () => {
    expect(summarizeStyle(offered[1]!)).toMatchObject({ priceVaries: false, discountPercent: 10 });
  });
});

describe("filterStyles", () => {
  const codes = (filters: Parameters<typeof filterStyles>[1]) =>
    filterStyles(offered, filters).map((s) => s.styleCode);

  it.each([
    [{ inStock: false }, ["RUN", "TEE"]],
    [{ category: "tees", inStock: false }, ["TEE"]],
    [{ category: "bags", inStock: false }, []],
    [{ size: "42", inStock: false }, ["RUN"]],
    // S exists on TEE but the channel does not list it.
    [{ size: "S", inStock: false }, []],
    [{ inStock: true }, ["RUN", "TEE"]],
    // 41 is listed but sold out: "41 in stock" needs a 41 on sale, not another size.
    [{ size: "41", inStock: false }, ["RUN"]],
    [{ size: "41", inStock: true }, []],
    [{ category: "shoes", size: "M", inStock: false }, []],
  ])("%o → %o", (filters, expected) => {
    expect(codes(filters)).toEqual(expected);
  });
});

describe("offeredCategories", () => {
  it("offers the categories of what is on offer only, by name", () => {
    expect(offeredCategories([...offered].reverse())).toEqual([
      { slug: "shoes", name: "Shoes", nameZh: "鞋" },
      { slug: "tees", name: "T-Shirts", nameZh: "T恤" },
    ]);
    expect(offeredCategories(offered.slice(1))).toEqual([
      { slug: "tees", name: "T-Shirts", nameZh: "T恤" },
    ]);
  });
});

describe("maxPickable", () => {
  it.each([
    // available, per item, bought of it, units left → pickable
    [7, 2, 0, 10, 2],
    [1, 2, 0, 10, 1],
    [0, 2, 0, 10, 0],
    [5, 0, 0, 10, 0],
    [7, 3, 2, 10, 1],
    [7, 3, 3, 10, 0],
    [7, 3, 0, 1, 1],
    [7, 3, 0, 0, 0],
    // A policy tightened after a purchase: never below 0.
    [7, 2, 5, 10, 0],
  ])(
    "available %i, per item %i, bought %i, units left %i → %i",
    (available, maxPerSku, usedOfSku, unitsLeft, expected) => {
      expect(maxPickable({ available, maxPerSku, usedOfSku, unitsLeft })).toBe(expected);
    },
  );
});

describe("employeeProductHref", () => {
  it("links to the employee product page with the chosen colour and size", () => {
    expect(employeeProductHref("RUN 1", { colour: "Black", size: "42" })).toBe(
      "/employee/products/RUN%201?colour=Black&size=42",
    );
    expect(employeeProductHref("RUN", {})).toBe("/employee/products/RUN");
  });
});
