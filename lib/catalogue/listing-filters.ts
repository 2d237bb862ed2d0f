import { z } from "zod";
import { SHOPPER_CITY_NAMES, type ShopperCityName } from "./shopper-cities";
import type { CatalogueProduct } from "./types";

/** Styles per listing page. */
export const PAGE_SIZE = 24;

/** What a shopper filters a listing by. Prices are in fen. */
export type ListingFilters = {
  category?: string;
  size?: string;
  colour?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Only sizes that some pickup store of this city has available. */
  nearCity?: ShopperCityName;
  page: number;
};

export type ParsedFilters = { filters: ListingFilters; ignored: string[] };

type Params = Record<string, string | string[] | undefined>;

const text = z.string().trim().min(1).max(60);
// Shoppers type prices in yuan; the catalogue counts fen.
const yuan = z.coerce
  .number()
  .finite()
  .min(0)
  .max(1_000_000)
  .transform((v) => Math.round(v * 100));
const page = z.coerce.number().int().min(1).max(1000);
const city = z.enum(SHOPPER_CITY_NAMES);

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v;
}

/**
 * Reads listing filters from the query string. A value that does not parse is left out and its
 * name reported, so that a hand-edited URL still lists something and says what it ignored.
 */
export function parseListingFilters(params: Params): ParsedFilters {
  const ignored: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const raw = first(params[name]);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    ignored.push(name);
    return undefined;
  };
  const filters: ListingFilters = {
    category: read("category", text),
    size: read("size", text),
    colour: read("colour", text),
    minPrice: read("min", yuan),
    maxPrice: read("max", yuan),
    nearCity: read("near", city),
    page: read("page", page) ?? 1,
  };
  if (
    filters.minPrice !== undefined &&
    filters.maxPrice !== undefined &&
    filters.minPrice > filters.maxPrice
  ) {
    ignored.push("max");
    filters.maxPrice = undefined;
  }
  return { filters, ignored };
}

/**
 * Styles with at least one SKU meeting every filter at once (a black 42 in stock nearby, not a
 * black 40 and a white 42). `nearbySkuIds` is required when `nearCity` is set.
 */
export function filterProducts(
  products: readonly CatalogueProduct[],
  filters: ListingFilters,
  nearbySkuIds?: ReadonlySet<string>,
): CatalogueProduct[] {
  return products.filter((product) => {
    if (filters.category && product.categorySlug !== filters.category) return false;
    return product.skus.some(
      (sku) =>
        (!filters.size || sku.size === filters.size) &&
        (!filters.colour || sku.color === filters.colour) &&
        (filters.minPrice === undefined || sku.price >= filters.minPrice) &&
        (filters.maxPrice === undefined || sku.price <= filters.maxPrice) &&
        (!filters.nearCity || (nearbySkuIds?.has(sku.id) ?? false)),
    );
  });
}

/** One page of a list, with the page number clamped to what exists. */
export function paginate<T>(items: readonly T[], requestedPage: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, requestedPage), pageCount);
  return {
    items: items.slice((current - 1) * pageSize, current * pageSize),
    page: current,
    pageCount,
    total: items.length,
  };
}

/** The query string of a listing with one value changed (page links keep the filters). */
export function listingQuery(filters: ListingFilters, change: Partial<ListingFilters>): string {
  const merged = { ...filters, ...change };
  const query = new URLSearchParams();
  if (merged.size) query.set("size", merged.size);
  if (merged.colour) query.set("colour", merged.colour);
  if (merged.minPrice !== undefined) query.set("min", String(merged.minPrice / 100));
  if (merged.maxPrice !== undefined) query.set("max", String(merged.maxPrice / 100));
  if (merged.nearCity) query.set("near", merged.nearCity);
  if (merged.page > 1) query.set("page", String(merged.page));
  const s = query.toString();
  return s ? `?${s}` : "";
}
