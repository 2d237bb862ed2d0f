import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { coloursOf, sizesOf } from "@/lib/catalogue/colours";
import {
  filterProducts,
  listingQuery,
  paginate,
  type ParsedFilters,
} from "@/lib/catalogue/listing-filters";
import { skuIdsInStockIn } from "@/lib/catalogue/pickup-store-stock.server";
import type { Catalogue, CatalogueCategory } from "@/lib/catalogue/types";
import type { Db } from "@/lib/db/transaction.server";
import { localized } from "@/lib/i18n/localized";
import { ListingFiltersForm } from "./listing-filters-form";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-grid";

/** A filtered, paginated listing of the catalogue (all styles, or one category's). */
export async function ListingView({
  db,
  catalogue,
  category,
  parsed,
}: {
  /** The page's database handle, for the stock filter (never cached). */
  db: Db;
  catalogue: Catalogue;
  category: CatalogueCategory | null;
  parsed: ParsedFilters;
}) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const filters = { ...parsed.filters, category: category?.slug };
  const inScope = category
    ? catalogue.products.filter((p) => p.categorySlug === category.slug)
    : catalogue.products;
  // "In stock near" asks the stores now: stock is never cached.
  const nearby = filters.nearCity
    ? await skuIdsInStockIn(db, {
        city: filters.nearCity,
        skuIds: inScope.flatMap((p) => p.skus.map((s) => s.id)),
      })
    : undefined;
  const matching = filterProducts(inScope, filters, nearby);
  const page = paginate(matching, filters.page);
  const basePath = category ? `/shop/${category.slug}` : "/shop";
  const allSkus = inScope.flatMap((p) => p.skus);
  const colours = coloursOf({ skus: allSkus }).sort((a, b) => a.color.localeCompare(b.color));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          {category ? localized(locale, category) : t("allStyles")}
        </h1>
        <p className="text-sm text-stone-600" data-testid="result-count">
          {t("resultCount", { count: page.total })}
        </p>
      </div>
      <ListingFiltersForm
        filters={filters}
        categories={catalogue.categories}
        sizes={sizesOf(allSkus)}
        colours={colours}
        clearHref={basePath}
      />
      {parsed.ignored.length > 0 ? (
        <Notice tone="warning">{t("ignored", { names: parsed.ignored.join(", ") })}</Notice>
      ) : null}
      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-600">
          {t("noResults")}
        </p>
      ) : (
        <ProductGrid products={page.items} testId="listing-products" />
      )}
      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        hrefOf={(n) => `${basePath}${listingQuery(filters, { page: n })}`}
      />
    </div>
  );
}
