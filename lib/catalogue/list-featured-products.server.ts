import "server-only";
import { loadCatalogue } from "./load-catalogue.server";
import type { CatalogueCategory, CatalogueProduct } from "./types";

/** What a product card shows. */
export type ProductCard = CatalogueProduct;

/** Styles for the storefront home: new first, then in season; clearance sells in the employee store. */
export async function listFeaturedProducts({
  limit,
}: {
  limit: number;
}): Promise<CatalogueProduct[]> {
  const { products } = await loadCatalogue();
  return products.slice(0, limit);
}

/** Categories in menu order with how many storefront styles each holds. */
export async function listCategories(): Promise<CatalogueCategory[]> {
  const { categories } = await loadCatalogue();
  return categories;
}
