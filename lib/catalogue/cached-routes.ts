/**
 * Catalogue pages come in two renders: the plain URL, cached per language, and the same URL with
 * a query (filters, a chosen colour or size, a place), rendered per request. `next.config.ts`
 * sends a URL carrying any of these query keys to its per-request twin.
 */
export const LISTING_QUERY_KEYS = [
  "category",
  "size",
  "colour",
  "min",
  "max",
  "near",
  "page",
] as const;
export const PRODUCT_QUERY_KEYS = ["colour", "size", "city", "district", "lat", "lng"] as const;

export const CATALOGUE_TWINS: readonly { path: string; twin: string; keys: readonly string[] }[] = [
  { path: "/shop", twin: "/shop/filtered", keys: LISTING_QUERY_KEYS },
  { path: "/shop/:category", twin: "/shop/:category/filtered", keys: LISTING_QUERY_KEYS },
  { path: "/products/:styleCode", twin: "/products/:styleCode/selected", keys: PRODUCT_QUERY_KEYS },
];
