import { z } from "zod";

/** Fen per yuan: the console speaks yuan, the database keeps integer fen. */
const FEN_PER_YUAN = 100;

/** A price typed in yuan: above zero, at most two decimals; stays in yuan so parsing twice changes nothing. */
export const priceYuan = z.coerce
  .number()
  .positive()
  .max(10_000_000)
  .refine((yuan) => Number.isInteger(Math.round(yuan * 1000) / 10), "At most two decimals.");

export const yuanToFen = (yuan: number): number => Math.round(yuan * FEN_PER_YUAN);

export const LIFECYCLES = ["NEW", "IN_SEASON", "CLEARANCE"] as const;
export const GENDERS = ["MEN", "WOMEN", "UNISEX"] as const;

/** Codes are kept upper case so "rn-101" and "RN-101" cannot both exist. */
const code = (max: number) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]*$/, "Letters, digits and dashes.")
    .min(2)
    .max(max);

export const styleCodeSchema = code(32);
export const skuCodeSchema = code(48);
/** EAN-8 to GTIN-14 and in-house codes: digits only. */
export const barcodeSchema = z
  .string()
  .trim()
  .regex(/^\d{8,14}$/, "8 to 14 digits.");

const name = z.string().trim().min(1).max(120);
const longText = z.string().trim().max(2000).default("");

/** A blank optional field in a form means "none". */
const blankAsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** One colour × size of a style as the console enters it. */
export const skuFieldsSchema = z.object({
  skuCode: skuCodeSchema,
  barcode: barcodeSchema,
  color: z.string().trim().min(1).max(40),
  colorZh: z.string().trim().min(1).max(40),
  colorHex: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "A colour like #1a1a1a."),
  size: z.string().trim().min(1).max(16),
  sizeOrder: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Overrides the style's list price; blank uses the style's. */
  listPriceYuan: z.preprocess(blankAsNull, priceYuan.nullable()).default(null),
});

const styleFields = {
  name,
  nameZh: name,
  description: longText,
  descriptionZh: longText,
  categorySlug: z.string().trim().min(1).max(64),
  gender: z.enum(GENDERS),
  listPriceYuan: priceYuan,
};

/** A new style with its first SKUs; it starts with no stock. */
export const createStyleSchema = z.object({
  styleCode: styleCodeSchema,
  ...styleFields,
  lifecycle: z.enum(LIFECYCLES).default("NEW"),
  skus: z.array(skuFieldsSchema).min(1).max(60),
});

/** A style's own fields; `version` is the `updatedAt` the editor opened, refused when stale. */
export const updateStyleSchema = z.object({
  styleCode: styleCodeSchema,
  version: z.iso.datetime(),
  ...styleFields,
});

export const setLifecycleSchema = z.object({
  styleCode: styleCodeSchema,
  lifecycle: z.enum(LIFECYCLES),
});

/** A SKU added to a style. */
export const addSkuSchema = skuFieldsSchema.extend({ styleCode: styleCodeSchema });

/** A SKU's own fields; its code names it and does not change. */
export const updateSkuSchema = skuFieldsSchema;

/**
 * A channel's price for one SKU, or for every SKU of a style when `skuCode` is absent;
 * `priceYuan` null removes it (the list price applies again).
 */
export const channelPriceSchema = z.object({
  styleCode: styleCodeSchema,
  skuCode: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    skuCodeSchema.optional(),
  ),
  channelCode: z.string().trim().min(1).max(32),
  priceYuan: z.preprocess(blankAsNull, priceYuan.nullable()),
});

/** A bundle SKU's components × quantities; they replace the ones it had. */
export const bundleSchema = z.object({
  skuCode: skuCodeSchema,
  components: z
    .array(z.object({ skuCode: skuCodeSchema, quantity: z.coerce.number().int().min(1).max(99) }))
    .min(1)
    .max(20),
});

/** A SKU's presale: cap of units beyond stock and the date they are expected to ship. */
export const presaleSchema = z
  .object({
    skuCode: skuCodeSchema,
    enabled: z.boolean(),
    cap: z.coerce.number().int().min(0).max(1_000_000),
    shipDate: z.preprocess(blankAsNull, z.iso.date().nullable()).default(null),
  })
  .refine((p) => !p.enabled || p.shipDate !== null, {
    path: ["shipDate"],
    message: "A presale needs its expected ship date.",
  });

/** Search of the style list. */
export const styleSearchSchema = z.object({
  q: z.string().trim().max(64).default(""),
  category: z.string().trim().max(64).default(""),
  lifecycle: z.enum(LIFECYCLES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type CreateStyleInput = z.input<typeof createStyleSchema>;
export type SkuFields = z.output<typeof skuFieldsSchema>;

/**
 * Paths of values that repeat within one input ("skus.1.barcode"), keyed by the value: each
 * repeat after the first is the one refused, beside its own field.
 */
export function repeatedValues(
  values: readonly string[],
  pathOf: (index: number) => string,
): { value: string; path: string }[] {
  const seen = new Set<string>();
  const repeats: { value: string; path: string }[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeats.push({ value, path: pathOf(index) });
    seen.add(value);
  });
  return repeats;
}
