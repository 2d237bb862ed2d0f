import type { Metadata } from "next";
import { ProductView, productMetadata } from "@/components/catalogue/product-view";
import { renderOnFirstVisit, segmentLocale } from "@/i18n/segment-locale";
import { getDb } from "@/lib/db/client.server";
import { cleanParam, readRouteParam } from "@/lib/validation/route-params";

type Props = { params: Promise<{ locale: string; styleCode: string }> };

// The plain product URL is cached per style and language and re-rendered at most this often,
// so its per-size marks are seconds old at worst. Choosing a colour or size adds a query, which
// next.config.ts rewrites to ./selected: read fresh on every request, as is every reservation.
export const revalidate = 10;

export const generateStaticParams = renderOnFirstVisit;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  const styleCode = cleanParam((await params).styleCode, { decode: true });
  return styleCode ? productMetadata(styleCode) : {};
}

/** A style as first opened: picture, price, colours, sizes with stock, nearby stores. */
export default async function ProductPage({ params }: Props) {
  await segmentLocale(params);
  const styleCode = readRouteParam((await params).styleCode, { decode: true });
  return <ProductView db={await getDb()} styleCode={styleCode} query={{}} />;
}
