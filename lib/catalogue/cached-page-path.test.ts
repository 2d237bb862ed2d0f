import { describe, expect, it } from "vitest";
import { isCachedCataloguePage } from "./cached-page-path";

function cached(url: string): boolean {
  const { pathname, searchParams } = new URL(url, "http://shop.test");
  return isCachedCataloguePage(pathname, searchParams);
}

describe("isCachedCataloguePage", () => {
  it.each([
    ["/", true],
    ["/?utm=1", true],
    ["/shop", true],
    ["/shop/running-shoes", true],
    ["/SHOP/Running-Shoes", true],
    ["/products/RN-101", true],
    ["/products/RN-101?ref=home", true],
    // An empty value counts as absent, as in the rewrites' `missing` condition.
    ["/products/RN-101?size=", true],
  ])("%s is served from the page cache: %s", (url, expected) => {
    expect(cached(url)).toBe(expected);
  });

  it.each([
    ["/shop?size=42", false],
    ["/shop/running-shoes?colour=Black", false],
    ["/shop/running-shoes?page=2", false],
    ["/products/RN-101?colour=Black&size=42", false],
    ["/products/RN-101?size=&size=", false],
    ["/shop/filtered", false],
    ["/shop/running-shoes/filtered", false],
    ["/products/RN-101/selected", false],
    ["/cart", false],
    ["/signin", false],
    ["/checkout", false],
    ["/account", false],
    ["/products", false],
    ["/products/RN-101/extra", false],
    ["/no-such-page", false],
  ])("%s renders per request: %s", (url, expected) => {
    expect(cached(url)).toBe(expected);
  });
});
