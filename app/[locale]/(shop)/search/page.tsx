import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProductGrid } from "@/components/catalogue/product-grid";
import { loadCatalogue } from "@/lib/catalogue/load-catalogue.server";
import { normaliseQuery, searchProducts } from "@/lib/catalogue/search";
import { readSearchParam } from "@/lib/validation/route-params";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue");
  return { title: t("searchTitle") };
}

/** Styles whose name (English or Chinese) or style code match the query. */
export default async function SearchPage({ searchParams }: Props) {
  const [{ q }, t, catalogue] = await Promise.all([
    searchParams,
    getTranslations("catalogue"),
    loadCatalogue(),
  ]);
  const query = normaliseQuery(readSearchParam(q));
  const results = searchProducts(catalogue.products, query);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("searchTitle")}</h1>
      <p className="text-stone-600" role="status" data-testid="search-summary">
        {query ? t("searchResults", { count: results.length, query }) : t("searchEmpty")}
      </p>
      {results.length > 0 ? <ProductGrid products={results} testId="search-results" /> : null}
    </div>
  );
}
