import type { Metadata } from "next";
import { renderOnFirstVisit, segmentLocale } from "@/i18n/segment-locale";
import { parseListingFilters } from "@/lib/catalogue/listing-filters";
import { CategoryListing, categoryMetadata } from "./category-listing";

type Props = { params: Promise<{ locale: string; category: string }> };

// Rendered on first visit and then cached per category and language (filters go to ./filtered).
export const generateStaticParams = renderOnFirstVisit;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  return categoryMetadata((await params).category);
}

/** One category's styles, unfiltered. */
export default async function CategoryPage({ params }: Props) {
  await segmentLocale(params);
  return <CategoryListing slug={(await params).category} parsed={parseListingFilters({})} />;
}
