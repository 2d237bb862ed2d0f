import type { Prisma } from "@/lib/generated/prisma/client";
import type { Lifecycle } from "@/lib/generated/prisma/enums";
import { KITS } from "./bundles";
import { CATEGORIES, categoryId } from "./categories";
import type { CategorySlug, ColourKey, StyleSpec } from "./catalogue-types";
import { COLOURS } from "./colours";
import { brandBarcode } from "./ean13";
import { createRandom } from "./random";
import { sizeCode, sizeRun } from "./sizes";
import { APPAREL_STYLES } from "./styles-apparel";
import { FOOTWEAR_STYLES } from "./styles-footwear";
import { GEAR_STYLES } from "./styles-gear";

/** Every regular style of the demo brand (bundles excluded). */
export const STYLES: readonly StyleSpec[] = [...FOOTWEAR_STYLES, ...APPAREL_STYLES, ...GEAR_STYLES];

/** What the history and stock generators need to know about a sellable, stocked SKU. */
export type SkuFacts = {
  id: string;
  skuCode: string;
  styleCode: string;
  colour: ColourKey;
  /** 0 for the style's lead colourway. */
  colourRank: number;
  category: CategorySlug;
  lifecycle: Lifecycle;
  /** Price in fen. */
  listPrice: number;
  /** Relative sales weight of this exact colour and size. */
  demand: number;
  /** NEW styles only sell from their launch; null for styles on sale all along. */
  launchedDaysAgo: number | null;
  presale: boolean;
};

export type Catalogue = {
  categories: Prisma.CategoryCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  skus: Prisma.SkuCreateManyInput[];
  bundleComponents: Prisma.BundleComponentCreateManyInput[];
  /** The non-bundle SKUs, which hold stock and appear in the order history. */
  stocked: SkuFacts[];
};

/** The style's row id; like every seeded id it is stable, so a rerun skips existing rows. */
export const productId = (styleCode: string): string => `prd_${styleCode}`;
/** The SKU's row id. */
export const skuId = (skuCode: string): string => `sku_${skuCode}`;

const PRESALE = { skuCodes: ["RN-109-AUR-42", "RN-109-AUR-43"], cap: 60, shipInDays: 21 };
const DAY_MS = 86_400_000;
// The lead colourway of a style outsells the others.
const COLOUR_SHARE = [1, 0.7, 0.5];

/** Clearance styles get an explicit employee price of about 40 % of list, ending in 9 yuan. */
export function clearanceEmployeePrice(priceYuan: number): number {
  return (Math.round((priceYuan * 0.4) / 10) * 10 - 1) * 100;
}

function categorySizing(slug: CategorySlug) {
  const category = CATEGORIES.find((c) => c.slug === slug);
  if (!category) throw new Error(`unknown category ${slug}`);
  return category.sizeSystem;
}

/** Builds categories, styles, SKUs (with EAN-13 barcodes), bundles and per-SKU demand. */
export function buildCatalogue(now: Date): Catalogue {
  const random = createRandom("catalogue");
  const categories = CATEGORIES.map((c, position) => ({
    id: categoryId(c.slug),
    slug: c.slug,
    name: c.name,
    nameZh: c.nameZh,
    position,
  }));
  const products: Prisma.ProductCreateManyInput[] = [];
  const skus: Prisma.SkuCreateManyInput[] = [];
  const stocked: SkuFacts[] = [];
  const presaleShipDate = new Date(now.getTime() + PRESALE.shipInDays * DAY_MS);

  for (const style of STYLES) {
    products.push({
      id: productId(style.code),
      styleCode: style.code,
      name: style.name,
      nameZh: style.nameZh,
      description: style.description,
      descriptionZh: style.descriptionZh,
      categoryId: categoryId(style.category),
      gender: style.gender,
      lifecycle: style.lifecycle,
      listPrice: style.priceYuan * 100,
      employeePrice:
        style.lifecycle === "CLEARANCE" ? clearanceEmployeePrice(style.priceYuan) : null,
      imagePath: `/products/${style.category}.svg`,
    });
    const launchedDaysAgo = style.lifecycle === "NEW" ? random.int(18, 45) : null;
    const sizes = sizeRun(style.sizing ?? categorySizing(style.category), style.gender);
    style.colours.forEach((key, colourIndex) => {
      const colour = COLOURS[key];
      for (const size of sizes) {
        const skuCode = `${style.code}-${key}-${sizeCode(size.label)}`;
        const presale = PRESALE.skuCodes.includes(skuCode);
        skus.push({
          id: skuId(skuCode),
          productId: productId(style.code),
          skuCode,
          barcode: brandBarcode(skus.length + 1),
          color: colour.name,
          colorZh: colour.nameZh,
          colorHex: colour.hex,
          size: size.label,
          sizeOrder: size.order,
          presaleEnabled: presale,
          presaleCap: presale ? PRESALE.cap : 0,
          presaleShipDate: presale ? presaleShipDate : null,
        });
        stocked.push({
          id: skuId(skuCode),
          skuCode,
          styleCode: style.code,
          colour: key,
          colourRank: colourIndex,
          category: style.category,
          lifecycle: style.lifecycle,
          listPrice: style.priceYuan * 100,
          // Popularity to the power 1.5: hero products clearly outsell the long tail.
          demand: style.popularity ** 1.5 * (COLOUR_SHARE[colourIndex] ?? 0.4) * size.demand,
          launchedDaysAgo,
          presale,
        });
      }
    });
  }

  const bundleComponents: Prisma.BundleComponentCreateManyInput[] = [];
  for (const kit of KITS) {
    products.push({
      id: productId(kit.code),
      styleCode: kit.code,
      name: kit.name,
      nameZh: kit.nameZh,
      description: kit.description,
      descriptionZh: kit.descriptionZh,
      categoryId: categoryId(kit.category),
      gender: "UNISEX",
      lifecycle: "IN_SEASON",
      listPrice: kit.priceYuan * 100,
      imagePath: `/products/${kit.category}.svg`,
    });
    for (const variant of kit.variants) {
      const skuCode = `${kit.code}-${variant.colour}-${sizeCode(variant.size)}`;
      const colour = COLOURS[variant.colour];
      skus.push({
        id: skuId(skuCode),
        productId: productId(kit.code),
        skuCode,
        barcode: brandBarcode(skus.length + 1),
        color: colour.name,
        colorZh: colour.nameZh,
        colorHex: colour.hex,
        size: variant.size,
        sizeOrder: variant.sizeOrder,
        isBundle: true,
      });
      for (const component of variant.components) {
        if (!stocked.some((s) => s.skuCode === component.skuCode)) {
          throw new Error(`bundle ${skuCode} names unknown component ${component.skuCode}`);
        }
        bundleComponents.push({
          bundleSkuId: skuId(skuCode),
          componentSkuId: skuId(component.skuCode),
          quantity: component.quantity,
        });
      }
    }
  }
  return { categories, products, skus, bundleComponents, stocked };
}
