import type { Lifecycle } from "@/lib/generated/prisma/enums";

/** One sellable colour × size of a style, priced for the web store. */
export type CatalogueSku = {
  id: string;
  skuCode: string;
  color: string;
  colorZh: string;
  colorHex: string;
  size: string;
  sizeOrder: number;
  isBundle: boolean;
  /** Web store price in fen: the WEB channel price, else the SKU's, else the style's list price. */
  price: number;
};

/** A style as the storefront shows it; plain data so that it can be cached as JSON. */
export type CatalogueProduct = {
  id: string;
  styleCode: string;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  categorySlug: string;
  categoryName: string;
  categoryNameZh: string;
  lifecycle: Lifecycle;
  imagePath: string;
  /** Lowest web price over the style's SKUs ("from"). */
  price: number;
  /** In size order, then colour. */
  skus: CatalogueSku[];
};

export type CatalogueCategory = { slug: string; name: string; nameZh: string; styles: number };

/** Everything the storefront lists; stock is not part of it. */
export type Catalogue = { categories: CatalogueCategory[]; products: CatalogueProduct[] };

/** One colour of a style, in the order the style lists them. */
export type ColourOption = { color: string; colorZh: string; colorHex: string };
