import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ListingView } from "@/components/catalogue/listing-view";
import { renderOnFirstVisit, segmentLocale } from "@/i18n/segment-locale";
import { parseListingFilters } from "@/lib/catalogue/listing-filters";
import { loadCatalogue } from "@/lib/catalogue/load-catalogue.server";
import { getDb } from "@/lib/db/client.server";

export const generateStaticParams = renderOnFirstVisit;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  const t = await getTranslations("catalogue");
  return { title: t("allStyles") };
}

/** Every storefront style, unfiltered: cached per language (filters go to ./filtered). */
export default async function ShopListing({ params }: Props) {
  await segmentLocale(params);
  return (
    <ListingView
      db={await getDb()}
      catalogue={await loadCatalogue()}
      category={null}
      parsed={parseListingFilters({})}
    />
  );
}
