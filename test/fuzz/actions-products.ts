import fc from "fast-check";
import type { ActionSpec } from "./action-table";
import { bool, id, int, list, num, oneOf, pattern, text, type Shape } from "./input-shapes";

const LIFECYCLES = ["NEW", "IN_SEASON", "CLEARANCE"] as const;
const day = pattern(fc.constantFrom("2027-01-15", "2026-12-31"));
const version = pattern(fc.constantFrom("2026-12-05T07:00:00.000Z"));
const hex = pattern(fc.constantFrom("#111111", "#A1B2C3"));
const price = num(0.01, 10_000_000);

const skuFields: Shape = {
  skuCode: id("skuCodes"),
  barcode: id("barcodes"),
  color: text(40),
  colorZh: text(40),
  colorHex: hex,
  size: text(16),
  sizeOrder: int(0, 10_000),
  listPriceYuan: price,
};

const styleFields: Shape = {
  styleCode: id("styleCodes"),
  name: text(120),
  nameZh: text(120),
  description: text(2000),
  descriptionZh: text(2000),
  categorySlug: text(64),
  gender: oneOf(["MEN", "WOMEN", "UNISEX"]),
  listPriceYuan: price,
};

/** The fuzz entries of lib/products/actions.ts (styles, SKUs, prices, bundles, presale). */
export const PRODUCT_ACTIONS: Record<string, ActionSpec> = {
  "products/createStyleAction": {
    callers: ["ADMIN"],
    shapes: [{ ...styleFields, lifecycle: oneOf(LIFECYCLES), skus: list(skuFields, 60) }],
  },
  "products/updateStyleAction": {
    callers: ["ADMIN"],
    shapes: [{ ...styleFields, version }],
  },
  "products/setLifecycleAction": {
    callers: ["ADMIN"],
    shapes: [{ styleCode: id("styleCodes"), lifecycle: oneOf(LIFECYCLES) }],
  },
  "products/addSkuAction": {
    callers: ["ADMIN"],
    shapes: [{ ...skuFields, styleCode: id("styleCodes") }],
  },
  "products/updateSkuAction": {
    callers: ["ADMIN"],
    shapes: [skuFields],
  },
  "products/setChannelPriceAction": {
    callers: ["ADMIN"],
    shapes: [
      { styleCode: id("styleCodes"), channelCode: id("channelCodes"), priceYuan: price },
      {
        styleCode: id("styleCodes"),
        skuCode: id("skuCodes"),
        channelCode: id("channelCodes"),
        priceYuan: price,
      },
    ],
  },
  "products/saveBundleAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        skuCode: id("skuCodes"),
        components: list({ skuCode: id("skuCodes"), quantity: int(1, 99) }, 20),
      },
    ],
  },
  "products/setPresaleAction": {
    callers: ["ADMIN"],
    shapes: [{ skuCode: id("skuCodes"), enabled: bool, cap: int(0, 1_000_000), shipDate: day }],
  },
};
