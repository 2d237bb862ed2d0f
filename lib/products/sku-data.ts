import { yuanToFen, type SkuFields } from "./product-input";

/** A SKU's columns from its console fields (prices in fen). */
export function skuData(sku: SkuFields) {
  return {
    skuCode: sku.skuCode,
    barcode: sku.barcode,
    color: sku.color,
    colorZh: sku.colorZh,
    colorHex: sku.colorHex.toLowerCase(),
    size: sku.size,
    sizeOrder: sku.sizeOrder,
    listPrice: sku.listPriceYuan === null ? null : yuanToFen(sku.listPriceYuan),
  };
}
