import { describe, expect, it } from "vitest";
import { sizesOf } from "./colours";
import { fromPrice, webPrice } from "./price";
import { parseProductQuery, productHref } from "./product-query";
import { stockState } from "./stock-state";

describe("webPrice", () => {
  it("prefers the WEB channel price, then the SKU's, then the style's", () => {
    expect(webPrice({ channelPrice: 59900, skuListPrice: 69900, productListPrice: 79900 })).toBe(
      59900,
    );
    expect(webPrice({ channelPrice: null, skuListPrice: 69900, productListPrice: 79900 })).toBe(
      69900,
    );
    expect(webPrice({ channelPrice: null, skuListPrice: null, productListPrice: 79900 })).toBe(
      79900,
    );
    expect(fromPrice([69900, 59900], 79900)).toBe(59900);
    expect(fromPrice([], 79900)).toBe(79900);
  });
});

describe("stockState", () => {
  it.each([
    [-1, "OUT"],
    [0, "OUT"],
    [1, "LOW"],
    [3, "LOW"],
    [4, "IN_STOCK"],
    [500, "IN_STOCK"],
  ] as const)("%i units → %s", (ats, state) => {
    expect(stockState(ats)).toBe(state);
  });
});

describe("sizesOf", () => {
  it("orders sizes by size order, once each", () => {
    expect(
      sizesOf([
        { size: "L", sizeOrder: 4 },
        { size: "S", sizeOrder: 2 },
        { size: "L", sizeOrder: 4 },
        { size: "42", sizeOrder: 42 },
      ]),
    ).toEqual(["S", "L", "42"]);
  });
});

describe("parseProductQuery and productHref", () => {
  it("reads colour, size, city, district and a location pair", () => {
    expect(
      parseProductQuery({
        colour: "Black",
        size: "42",
        city: "Shanghai",
        district: "Huangpu",
        lat: "31.2",
        lng: "121.4",
      }),
    ).toEqual({
      colour: "Black",
      size: "42",
      city: "Shanghai",
      district: "Huangpu",
      lat: 31.2,
      lng: 121.4,
    });
  });

  it("drops an unknown city, an out-of-range or half location", () => {
    expect(parseProductQuery({ city: "Paris", lat: "95", lng: "121" })).toEqual({});
    expect(parseProductQuery({ lat: "31.2" })).toEqual({});
  });

  it("builds the URL back, leaving out empty values", () => {
    expect(productHref("RN-101", { colour: "Safety Orange", size: "42", city: undefined })).toBe(
      "/products/RN-101?colour=Safety+Orange&size=42",
    );
    expect(productHref("RN-101", {})).toBe("/products/RN-101");
  });
});
