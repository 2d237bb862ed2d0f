import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb } from "@/lib/db/client.server";
import type { Db } from "@/lib/db/transaction.server";
import { CATALOGUE_REVALIDATE_SECONDS, CATALOGUE_TAG } from "./cache-tags";
import { fromPrice, webPrice } from "./price";
import type { Catalogue, CatalogueProduct } from "./types";

/** The storefront's channel: its prices are the ones shoppers pay. */
export const WEB_CHANNEL_CODE = "WEB";

// Clearance styles sell in the employee store, not on the storefront.
const STOREFRONT_LIFECYCLES = ["NEW", "IN_SEASON"] as const;

/** Reads every storefront style with its SKUs and web prices from the database (uncached). */
export async function readCatalogue(db: Db): Promise<Catalogue> {
  const [categoryRows, productRows] = await Promise.all([
    db.category.findMany({
      orderBy: { position: "asc" },
      select: { slug: true, name: true, nameZh: true },
    }),
    db.product.findMany({
      where: { lifecycle: { in: [...STOREFRONT_LIFECYCLES] } },
      orderBy: [{ lifecycle: "asc" }, { styleCode: "asc" }],
      include: {
        category: { select: { slug: true, name: true, nameZh: true } },
        skus: {
          orderBy: [{ sizeOrder: "asc" }, { skuCode: "asc" }],
          include: {
            channelPrices: {
              where: { channel: { code: WEB_CHANNEL_CODE } },
              select: { price: true },
            },
          },
        },
      },
    }),
  ]);
  const products: CatalogueProduct[] = productRows.map((p) => {
    const skus = p.skus.map((s) => ({
      id: s.id,
      skuCode: s.skuCode,
      color: s.color,
      colorZh: s.colorZh,
      colorHex: s.colorHex,
      size: s.size,
      sizeOrder: s.sizeOrder,
      isBundle: s.isBundle,
      price: webPrice({
        channelPrice: s.channelPrices[0]?.price ?? null,
        skuListPrice: s.listPrice,
        productListPrice: p.listPrice,
      }),
    }));
    return {
      id: p.id,
      styleCode: p.styleCode,
      name: p.name,
      nameZh: p.nameZh,
      description: p.description,
      descriptionZh: p.descriptionZh,
      categorySlug: p.category.slug,
      categoryName: p.category.name,
      categoryNameZh: p.category.nameZh,
      lifecycle: p.lifecycle,
      imagePath: p.imagePath,
      price: fromPrice(
        skus.map((s) => s.price),
        p.listPrice,
      ),
      skus,
    };
  });
  const categories = categoryRows.map((c) => ({
    ...c,
    styles: products.filter((p) => p.categorySlug === c.slug).length,
  }));
  return { categories, products };
}

/**
 * The catalogue from Next's data cache (tag `catalogue`): one small JSON document for ~60 styles,
 * so listing, search and product pages filter it in memory instead of querying per request.
 */
export const loadCatalogue = cache(
  // React's cache keeps one copy per request: metadata and page share it instead of parsing it twice.
  unstable_cache(async () => readCatalogue(await getDb()), ["storefront-catalogue-v1"], {
    tags: [CATALOGUE_TAG],
    revalidate: CATALOGUE_REVALIDATE_SECONDS,
  }),
);

/** One storefront style by its style code (case-insensitive), or null. */
export async function findProduct(styleCode: string): Promise<CatalogueProduct | null> {
  const { products } = await loadCatalogue();
  const wanted = styleCode.toUpperCase();
  return products.find((p) => p.styleCode.toUpperCase() === wanted) ?? null;
}
