import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ListingView } from "@/components/catalogue/listing-view";
import { parseListingFilters } from "@/lib/catalogue/listing-filters";
import { loadCatalogue } from "@/lib/catalogue/load-catalogue.server";
import { localized } from "@/lib/i18n/localized";

type Props = {
  params: Promise<{ category: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ category: slug }, catalogue, locale] = await Promise.all([params, loadCatalogue(), getLocale()]);
  const category = catalogue.categories.find((c) => c.slug === slug);
  return category ? { title: localized(locale, category) } : {};
}

/** One category's styles with filters from the query string. */
export default async function CategoryListing({ params, searchParams }: Props) {
  const [{ category: slug }, parsed, catalogue] = await Promise.all([params, searchParams.then(parseListingFilters), loadCatalogue()]);
  const category = catalogue.categories.find((c) => c.slug === slug);
  if (!category) notFound();
  return <ListingView catalogue={catalogue} category={category} parsed={parsed} />;
}
