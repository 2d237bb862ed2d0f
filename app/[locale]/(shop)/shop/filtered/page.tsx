import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ListingView } from "@/components/catalogue/listing-view";
import { segmentLocale } from "@/i18n/segment-locale";
import { listingQuery, parseListingFilters } from "@/lib/catalogue/listing-filters";
import { loadCatalogue } from "@/lib/catalogue/load-catalogue.server";
import { getDb } from "@/lib/db/client.server";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  const t = await getTranslations("catalogue");
  return { title: t("allStyles") };
}

/** `/shop?…` (rewritten here): the filter form lands here and is sent on to the chosen category. */
export default async function FilteredShopListing({ params, searchParams }: Props) {
  await segmentLocale(params);
  const [parsed, catalogue] = await Promise.all([
    searchParams.then(parseListingFilters),
    loadCatalogue(),
  ]);
  const category = catalogue.categories.find((c) => c.slug === parsed.filters.category);
  if (category) redirect(`/shop/${category.slug}${listingQuery(parsed.filters, {})}`);
  if (parsed.filters.category) parsed.ignored.push("category");
  return <ListingView db={await getDb()} catalogue={catalogue} category={null} parsed={parsed} />;
}
