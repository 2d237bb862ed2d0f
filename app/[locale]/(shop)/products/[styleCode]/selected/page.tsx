import type { Metadata } from "next";
import { ProductView, productMetadata } from "@/components/catalogue/product-view";
import { segmentLocale } from "@/i18n/segment-locale";
import { parseProductQuery } from "@/lib/catalogue/product-query";
import { getDb } from "@/lib/db/client.server";
import { cleanParam, readRouteParam } from "@/lib/validation/route-params";

type Props = {
  params: Promise<{ locale: string; styleCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  const styleCode = cleanParam((await params).styleCode, { decode: true });
  return styleCode ? productMetadata(styleCode) : {};
}

/**
 * A style with a chosen colour, size or place (`/products/X?…` is rewritten here): rendered
 * on every request, with the chosen size's stock read fresh.
 */
export default async function SelectedProductPage({ params, searchParams }: Props) {
  await segmentLocale(params);
  const [{ styleCode: raw }, query] = await Promise.all([params, searchParams]);
  const styleCode = readRouteParam(raw, { decode: true });
  return <ProductView db={await getDb()} styleCode={styleCode} query={parseProductQuery(query)} />;
}
