import type { CatalogueProduct, CatalogueSku } from "./types";

/** A SKU for tests: colour and size decide the rest. */
export function testSku(
  color: string,
  size: string,
  extra: Partial<CatalogueSku> = {},
): CatalogueSku {
  const sizeOrder = Number(size) || ["XS", "S", "M", "L", "XL", "XXL"].indexOf(size) + 1;
  return {
    id: `sku_${color}_${size}`,
    skuCode: `T-${color}-${size}`,
    color,
    colorZh: `${color}色`,
    colorHex: "#000000",
    size,
    sizeOrder,
    isBundle: false,
    price: 10000,
    ...extra,
  };
}

/** A style for tests. */
export function testProduct(
  styleCode: string,
  skus: CatalogueSku[],
  extra: Partial<CatalogueProduct> = {},
): CatalogueProduct {
  return {
    id: `prd_${styleCode}`,
    styleCode,
    name: `Style ${styleCode}`,
    nameZh: `款式 ${styleCode}`,
    description: "",
    descriptionZh: "",
    categorySlug: "tees",
    categoryName: "T-Shirts",
    categoryNameZh: "T恤",
    lifecycle: "IN_SEASON",
    imagePath: "/products/tees.svg",
    price: Math.min(...skus.map((s) => s.price)),
    skus,
    ...extra,
  };
}
