// Nothing here imports lib/catalogue (which reaches lib/employee through lib/orders): the pages
// order sizes and colours with the shop's helpers, which accept these shapes as they are.

/** The channel whose allocation decides what employees may buy. */
export const EMPLOYEE_CHANNEL_CODE = "EMPLOYEE";

/**
 * One colour × size the employee channel lists, shaped like the shop's catalogue SKU; `price`
 * (the selling price) is the employee price, so the shop's colour and size helpers take it.
 */
export type EmployeeSku = {
  id: string;
  skuCode: string;
  color: string;
  colorZh: string;
  colorHex: string;
  size: string;
  sizeOrder: number;
  isBundle: boolean;
  price: number;
  /** List price in fen: the SKU's own, else the style's. */
  listPrice: number;
  employeePrice: number;
  /** Units the employee channel can sell now (its ATS), never below 0. */
  available: number;
};

/** A style as the employee store shows it, with only the SKUs the employee channel lists. */
export type EmployeeStyle = {
  id: string;
  styleCode: string;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  categorySlug: string;
  categoryName: string;
  categoryNameZh: string;
  imagePath: string;
  /** In size order, then SKU code. */
  skus: EmployeeSku[];
};

/** A style in the employee listing: its cheapest offer and the units on sale. */
export type EmployeeStyleSummary = Omit<EmployeeStyle, "description" | "descriptionZh"> & {
  listPrice: number;
  employeePrice: number;
  discountPercent: number;
  /** True when SKUs of the style sell at different employee prices ("from"). */
  priceVaries: boolean;
  /** Sum of the SKUs' units on sale. */
  available: number;
};

export type EmployeeFilters = { category?: string; size?: string; inStock: boolean };

export type EmployeeCategory = { slug: string; name: string; nameZh: string };

/** What the channel says of one SKU: whether it sells it and how many units it can sell now. */
export type ChannelOffer = { listed: boolean; ats: number };

/** A style row as read from the catalogue, SKU list prices already resolved. */
export type StyleRow = Omit<EmployeeStyle, "skus"> & {
  skus: Omit<EmployeeSku, "price" | "employeePrice" | "available">[];
};

/** Discount shown to employees in whole percent: round((list − employee) / list × 100). */
export function discountPercent(listPrice: number, employeePrice: number): number {
  if (listPrice <= 0) return 0;
  return Math.round(((listPrice - employeePrice) / listPrice) * 100);
}

/**
 * The styles employees may buy: each keeps only the SKUs the employee channel lists, priced by
 * `prices` (the one employee price rule); a style left without SKUs is dropped.
 */
export function offeredStyles(
  rows: readonly StyleRow[],
  offers: ReadonlyMap<string, ChannelOffer>,
  prices: ReadonlyMap<string, number>,
): EmployeeStyle[] {
  return rows.flatMap((row) => {
    const skus = row.skus.flatMap((sku): EmployeeSku[] => {
      const offer = offers.get(sku.id);
      const employeePrice = prices.get(sku.id);
      if (!offer?.listed || employeePrice === undefined) return [];
      return [
        {
          ...sku,
          price: employeePrice,
          employeePrice,
          available: Math.max(0, Math.trunc(offer.ats)),
        },
      ];
    });
    return skus.length === 0 ? [] : [{ ...row, skus }];
  });
}

/**
 * A style's listing card: lowest employee price (with that SKU's list price) and units on sale.
 * The style has at least one SKU, as offeredStyles returns it.
 */
export function summarizeStyle(style: EmployeeStyle): EmployeeStyleSummary {
  const { skus } = style;
  const cheapest = skus.reduce((best, sku) =>
    sku.employeePrice < best.employeePrice ||
    (sku.employeePrice === best.employeePrice && sku.listPrice > best.listPrice)
      ? sku
      : best,
  );
  return {
    id: style.id,
    styleCode: style.styleCode,
    name: style.name,
    nameZh: style.nameZh,
    categorySlug: style.categorySlug,
    categoryName: style.categoryName,
    categoryNameZh: style.categoryNameZh,
    imagePath: style.imagePath,
    skus,
    listPrice: cheapest.listPrice,
    employeePrice: cheapest.employeePrice,
    discountPercent: discountPercent(cheapest.listPrice, cheapest.employeePrice),
    priceVaries: new Set(skus.map((s) => s.employeePrice)).size > 1,
    available: skus.reduce((sum, s) => sum + s.available, 0),
  };
}

/**
 * Styles with at least one SKU meeting every filter at once: "size 42, in stock" means a 42 that
 * can be sold now, not a 42 sold out beside another size in stock.
 */
export function filterStyles(
  styles: readonly EmployeeStyle[],
  filters: EmployeeFilters,
): EmployeeStyle[] {
  return styles.filter(
    (style) =>
      (!filters.category || style.categorySlug === filters.category) &&
      style.skus.some(
        (sku) =>
          (!filters.size || sku.size === filters.size) && (!filters.inStock || sku.available > 0),
      ),
  );
}

/** The categories some offered style is in, by name: the listing's category choices. */
export function offeredCategories(styles: readonly EmployeeStyle[]): EmployeeCategory[] {
  const categories = new Map<string, EmployeeCategory>();
  for (const s of styles)
    if (!categories.has(s.categorySlug))
      categories.set(s.categorySlug, {
        slug: s.categorySlug,
        name: s.categoryName,
        nameZh: s.categoryNameZh,
      });
  return [...categories.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * How many units of one SKU an employee may pick now: what the channel can sell, within the
 * per-item limit less what the employee already bought of it this period, and the units left.
 */
export function maxPickable(input: {
  available: number;
  maxPerSku: number;
  usedOfSku: number;
  unitsLeft: number;
}): number {
  return Math.max(0, Math.min(input.available, input.maxPerSku - input.usedOfSku, input.unitsLeft));
}

/** The employee product page URL for a colour and size; empty values are dropped. */
export function employeeProductHref(
  styleCode: string,
  query: { colour?: string; size?: string },
): string {
  const search = new URLSearchParams();
  if (query.colour) search.set("colour", query.colour);
  if (query.size) search.set("size", query.size);
  const s = search.toString();
  return `/employee/products/${encodeURIComponent(styleCode)}${s ? `?${s}` : ""}`;
}
