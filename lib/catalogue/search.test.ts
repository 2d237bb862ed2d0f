import { describe, expect, it } from "vitest";
import { normaliseQuery, searchProducts } from "./search";
import { testProduct, testSku } from "./test-products";

const velocity = testProduct("RN-101", [testSku("Black", "42")], {
  name: "Velocity Run 3",
  nameZh: "疾速跑鞋 3代",
});
const court = testProduct("BB-201", [testSku("White", "44")], {
  name: "Court Velocity",
  nameZh: "球场篮球鞋",
});
const tee = testProduct("TE-101", [testSku("Black", "M")], {
  name: "Everyday Tee",
  nameZh: "日常T恤",
});
const all = [velocity, court, tee];

describe("searchProducts", () => {
  it("finds by English name, Chinese name and style code, ignoring case", () => {
    expect(searchProducts(all, "velocity").map((p) => p.styleCode)).toEqual(["RN-101", "BB-201"]);
    expect(searchProducts(all, "疾速").map((p) => p.styleCode)).toEqual(["RN-101"]);
    expect(searchProducts(all, "te-101").map((p) => p.styleCode)).toEqual(["TE-101"]);
  });

  it("needs every word and puts style-code hits first", () => {
    expect(searchProducts(all, "court velocity").map((p) => p.styleCode)).toEqual(["BB-201"]);
    expect(searchProducts([court, velocity], "rn velocity").map((p) => p.styleCode)).toEqual([
      "RN-101",
    ]);
  });

  it("returns nothing for an empty or blank query", () => {
    expect(searchProducts(all, "   ")).toEqual([]);
  });

  it("normalises spaces and cuts very long input", () => {
    expect(normaliseQuery("  run   3 ")).toBe("run 3");
    expect(normaliseQuery("x".repeat(500))).toHaveLength(80);
    expect(normaliseQuery(undefined)).toBe("");
  });
});
