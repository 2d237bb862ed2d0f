import type { Metadata } from "next";
import { segmentLocale } from "@/i18n/segment-locale";
import { parseListingFilters } from "@/lib/catalogue/listing-filters";
import { CategoryListing, categoryMetadata } from "../category-listing";

type Props = {
  params: Promise<{ locale: string; category: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  return categoryMetadata((await params).category);
}

/** `/shop/<category>?…` (rewritten here): filters from the query, stock asked fresh. */
export default async function FilteredCategoryPage({ params, searchParams }: Props) {
  await segmentLocale(params);
  const [{ category }, query] = await Promise.all([params, searchParams]);
  return <CategoryListing slug={category} parsed={parseListingFilters(query)} />;
}
