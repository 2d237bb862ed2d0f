import type { CatalogueProduct, ColourOption } from "./types";

/** The distinct colours of a style in first-seen order. */
export function coloursOf(product: Pick<CatalogueProduct, "skus">): ColourOption[] {
  const seen = new Map<string, ColourOption>();
  for (const sku of product.skus) {
    if (!seen.has(sku.color))
      seen.set(sku.color, { color: sku.color, colorZh: sku.colorZh, colorHex: sku.colorHex });
  }
  return [...seen.values()];
}

/** The distinct sizes of some SKUs, in size order. */
export function sizesOf(skus: readonly { size: string; sizeOrder: number }[]): string[] {
  const order = new Map<string, number>();
  for (const sku of skus) if (!order.has(sku.size)) order.set(sku.size, sku.sizeOrder);
  return [...order.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([size]) => size);
}
