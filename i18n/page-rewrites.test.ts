import { describe, expect, it } from "vitest";
import { parseListingFilters } from "@/lib/catalogue/listing-filters";
import {
  CATALOGUE_TWINS,
  LISTING_QUERY_KEYS,
  PRODUCT_QUERY_KEYS,
} from "@/lib/catalogue/cached-routes";
import { parseProductQuery } from "@/lib/catalogue/product-query";
import { pickLocale } from "./locales";
import { pageRewrites, type PageRewrite } from "./page-rewrites";

type Condition = NonNullable<PageRewrite["has"]>[number];
type Request = {
  path: string;
  cookie?: string;
  acceptLanguage?: string;
  query?: Record<string, string>;
};

// Next's matching, for the few source shapes the rewrites use: named segments and one regex.
function sourceRegex(source: string): RegExp {
  if (source === "/:path((?!api/|_next/).+)") return /^\/(?<path>(?!api\/|_next\/).+)$/;
  return new RegExp(`^${source.replace(/:([A-Za-z]+)/g, "(?<$1>[^/]+)")}$`);
}

// Parameters come from the source's segments and from named groups in `has` values, as in Next.
// Next counts an empty value (`?size=`) as absent, for `has` and `missing` alike.
function rewrite(rules: readonly PageRewrite[], req: Request): string | null {
  for (const rule of rules) {
    const match = sourceRegex(rule.source).exec(req.path);
    if (!match) continue;
    const params: Record<string, string> = { ...match.groups };
    const valueOf = (c: Condition) =>
      (c.type === "cookie"
        ? c.key === "NEXT_LOCALE"
          ? req.cookie
          : undefined
        : c.type === "header"
          ? req.acceptLanguage
          : req.query?.[c.key]) || undefined;
    if ((rule.missing ?? []).some((c) => valueOf(c) !== undefined)) continue;
    const ok = (rule.has ?? []).every((c) => {
      const value = valueOf(c);
      if (value === undefined) return false;
      if (c.value === undefined) return true;
      const found = new RegExp(`^${c.value}$`).exec(value);
      Object.assign(params, found?.groups);
      return found !== null;
    });
    if (!ok) continue;
    return rule.destination.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? "");
  }
  return null;
}

const rules = pageRewrites();

describe("page rewrites", () => {
  it.each<[Request, string]>([
    [{ path: "/" }, "/en"],
    [{ path: "/shop" }, "/en/shop"],
    [{ path: "/shop", query: { size: "42" } }, "/en/shop/filtered"],
    [{ path: "/shop/running-shoes", query: { page: "2" } }, "/en/shop/running-shoes/filtered"],
    [{ path: "/shop/running-shoes", query: { utm_source: "x" } }, "/en/shop/running-shoes"],
    [{ path: "/products/RN-101" }, "/en/products/RN-101"],
    [
      { path: "/products/RN-101", query: { colour: "Black", size: "42" } },
      "/en/products/RN-101/selected",
    ],
    [{ path: "/products/RN-101", cookie: "zh-CN" }, "/zh-CN/products/RN-101"],
    [
      { path: "/products/RN-101", cookie: "zh-CN", query: { city: "Shanghai" } },
      "/zh-CN/products/RN-101/selected",
    ],
    [{ path: "/", cookie: "zh-CN" }, "/zh-CN"],
    [
      { path: "/shop/running-shoes", cookie: "en", acceptLanguage: "zh-CN", query: { size: "42" } },
      "/en/shop/running-shoes/filtered",
    ],
    [{ path: "/products/RN-101", cookie: "zh-CNX" }, "/en/products/RN-101"],
    [{ path: "/products/RN-101", query: { utm_source: "x" } }, "/en/products/RN-101"],
    [{ path: "/products/RN-101", query: { size: "" } }, "/en/products/RN-101"],
    [
      { path: "/shop", cookie: "zh-CN", query: { page: "2", utm_source: "x" } },
      "/zh-CN/shop/filtered",
    ],
    [{ path: "/shop/running-shoes/extra" }, "/en/shop/running-shoes/extra"],
    [{ path: "/checkout", acceptLanguage: "zh-CN,zh;q=0.9" }, "/zh-CN/checkout"],
    [{ path: "/checkout", cookie: "en", acceptLanguage: "zh-CN" }, "/en/checkout"],
    [{ path: "/search", cookie: "fr", acceptLanguage: "zh-TW" }, "/zh-CN/search"],
    [
      { path: "/admin/orders/OP000001", acceptLanguage: "de-DE,en;q=0.5" },
      "/en/admin/orders/OP000001",
    ],
  ])("%o → %s", (req, expected) => {
    expect(rewrite(rules, req)).toBe(expected);
  });

  it("keeps the list short: Next matches every rule on every request", () => {
    expect(rules).toHaveLength(3 * (2 * CATALOGUE_TWINS.length + 2));
  });

  it("leaves API routes and Next's own files alone", () => {
    expect(rewrite(rules, { path: "/api/channels/WEB/stock" })).toBeNull();
    expect(rewrite(rules, { path: "/_next/static/chunks/a.js" })).toBeNull();
  });

  it("chooses the same language as pickLocale", () => {
    for (const cookie of [undefined, "en", "zh-CN", "fr"]) {
      for (const acceptLanguage of [undefined, "zh-CN,zh;q=0.9", "en-US", " zh", "ZH-hk"]) {
        const expected = pickLocale(cookie, acceptLanguage ?? null);
        expect(rewrite(rules, { path: "/cart", cookie, acceptLanguage })).toBe(`/${expected}/cart`);
      }
    }
  });
});

describe("catalogue query keys", () => {
  it("are exactly what the listing reads", () => {
    const values: Record<string, string> = {
      category: "running-shoes",
      size: "42",
      colour: "Black",
      min: "100",
      max: "900",
      near: "Shanghai",
      page: "2",
    };
    const plain = parseListingFilters({});
    for (const key of LISTING_QUERY_KEYS)
      expect(parseListingFilters({ [key]: values[key] })).not.toEqual(plain);
    expect(Object.keys(values).sort()).toEqual([...LISTING_QUERY_KEYS].sort());
  });

  it("are exactly what the product page reads", () => {
    const query = parseProductQuery({
      colour: "Black",
      size: "42",
      city: "Shanghai",
      district: "Pudong",
      lat: "31.2",
      lng: "121.5",
    });
    expect(Object.keys(query).sort()).toEqual([...PRODUCT_QUERY_KEYS].sort());
  });
});
