/**
 * The web store's price of a SKU in fen: a WEB channel price wins, then the SKU's own list
 * price, then the style's list price.
 */
export function webPrice(input: {
  channelPrice: number | null;
  skuListPrice: number | null;
  productListPrice: number;
}): number {
  return input.channelPrice ?? input.skuListPrice ?? input.productListPrice;
}

/** The lowest price of a style ("from"); a style without SKUs shows its list price. */
export function fromPrice(skuPrices: readonly number[], productListPrice: number): number {
  return skuPrices.length === 0 ? productListPrice : Math.min(...skuPrices);
}
