import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ListingView } from "@/components/catalogue/listing-view";
import type { ParsedFilters } from "@/lib/catalogue/listing-filters";
import { loadCatalogue } from "@/lib/catalogue/load-catalogue.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";

/** The category's name as the page title, in the page's language. */
export async function categoryMetadata(slug: string): Promise<Metadata> {
  const [catalogue, locale] = await Promise.all([loadCatalogue(), getLocale()]);
  const category = catalogue.categories.find((c) => c.slug === slug);
  return category ? { title: localized(locale, category) } : {};
}

/** One category's styles with the given filters; an unknown category is a 404. */
export async function CategoryListing({ slug, parsed }: { slug: string; parsed: ParsedFilters }) {
  const catalogue = await loadCatalogue();
  const category = catalogue.categories.find((c) => c.slug === slug);
  if (!category) notFound();
  return (
    <ListingView db={await getDb()} catalogue={catalogue} category={category} parsed={parsed} />
  );
}
