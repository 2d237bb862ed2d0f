import { z } from "zod";
import { SHOPPER_CITY_NAMES, type ShopperCityName } from "./shopper-cities";

/** What a product page URL can carry: the chosen colour and size and where to look for stores. */
export type ProductQuery = {
  colour?: string;
  size?: string;
  city?: ShopperCityName;
  district?: string;
  lat?: number;
  lng?: number;
};

type Params = Record<string, string | string[] | undefined>;

const fields = {
  colour: z.string().trim().min(1).max(60),
  size: z.string().trim().min(1).max(20),
  city: z.enum(SHOPPER_CITY_NAMES),
  district: z.string().trim().min(1).max(60),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
};

/** Reads the product page query; values that do not parse are dropped (the page then asks again). */
export function parseProductQuery(params: Params): ProductQuery {
  const query: ProductQuery = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    const parsed = fields[key].safeParse(value);
    if (parsed.success) Object.assign(query, { [key]: parsed.data });
  }
  // A location only counts as a pair.
  if (query.lat === undefined || query.lng === undefined) {
    delete query.lat;
    delete query.lng;
  }
  return query;
}

/** The product page URL for a query; keys left undefined are dropped. */
export function productHref(styleCode: string, query: ProductQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const s = search.toString();
  return `/products/${encodeURIComponent(styleCode)}${s ? `?${s}` : ""}`;
}
