import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { repeatedValues } from "./product-input";
import { barcodeTaken, changedMeanwhile, skuCodeTaken, styleCodeTaken } from "./product-refusals";

/** A field's path under a line's path ("skus.1" + "barcode"); a single SKU's lines have none. */
const at = (path: string | undefined, field: string) => (path ? `${path}.${field}` : field);

/** SKU codes and barcodes an input brings, with the path of the line each sits on ("" for a lone SKU). */
export type NewCodes = {
  styleCode?: string;
  skus: readonly { skuCode?: string; barcode: string; path: string }[];
  /** The SKU being edited keeps its own barcode. */
  exceptSkuCode?: string;
};

/**
 * Refuses a style code, SKU code or barcode that another row (or an earlier line of the same
 * input) already holds, beside the field that holds it. The unique indexes still decide under a
 * race; the use case asks again after a unique violation to word it the same way.
 */
export async function assertCodesFree(db: Db, codes: NewCodes): Promise<void> {
  if (codes.styleCode) {
    const style = await db.product.findUnique({ where: { styleCode: codes.styleCode } });
    if (style) throw styleCodeTaken(codes.styleCode);
  }
  const skus = codes.skus;
  const skuCodes = skus.flatMap((s) => (s.skuCode ? [{ code: s.skuCode, path: s.path }] : []));
  for (const repeat of repeatedValues(
    skuCodes.map((s) => s.code),
    (i) => at(skuCodes[i]?.path, "skuCode"),
  ))
    throw skuCodeTaken(repeat.value, repeat.path);
  for (const repeat of repeatedValues(
    skus.map((s) => s.barcode),
    (i) => at(skus[i]?.path, "barcode"),
  ))
    throw barcodeTaken(repeat.value, repeat.path);

  const taken = await db.sku.findMany({
    where: {
      OR: [
        { skuCode: { in: skuCodes.map((s) => s.code) } },
        { barcode: { in: skus.map((s) => s.barcode) } },
      ],
      ...(codes.exceptSkuCode ? { NOT: { skuCode: codes.exceptSkuCode } } : {}),
    },
    select: { skuCode: true, barcode: true },
  });
  for (const s of skuCodes) {
    if (taken.some((t) => t.skuCode === s.code)) throw skuCodeTaken(s.code, at(s.path, "skuCode"));
  }
  for (const s of skus) {
    if (taken.some((t) => t.barcode === s.barcode))
      throw barcodeTaken(s.barcode, at(s.path, "barcode"));
  }
}

/**
 * Runs a write that inserts or changes codes; when a concurrent write took one of them first
 * (a unique violation), refuses it as the check would have, beside its field.
 */
export async function withCodesGuard<T>(db: Db, codes: NewCodes, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await assertCodesFree(db, codes);
    throw changedMeanwhile();
  }
}
