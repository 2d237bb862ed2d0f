import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";

/**
 * The ids of SKUs named by code, by code; codes naming no SKU are absent. One query, however
 * many codes.
 */
export async function findSkusByCode(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const skus = await db.sku.findMany({
    where: { skuCode: { in: [...new Set(codes)] } },
    select: { id: true, skuCode: true },
  });
  return new Map(skus.map((s) => [s.skuCode, s.id]));
}

/**
 * A form's transfer lines by SKU code as lines by SKU id, in order. The first line naming an
 * unknown code refuses (NOT_FOUND SKU_CODE, beside that line).
 */
export async function linesBySkuId<L extends { skuCode: string; quantity: number }>(
  db: Db,
  lines: readonly L[],
): Promise<{ skuId: string; quantity: number }[]> {
  const ids = await findSkusByCode(
    db,
    lines.map((l) => l.skuCode),
  );
  const unknown = lines.findIndex((l) => !ids.has(l.skuCode));
  if (unknown >= 0) {
    const skuCode = lines[unknown]!.skuCode;
    throw new AppError("NOT_FOUND", `No SKU ${skuCode}.`, {
      fieldErrors: { [`lines.${unknown}.skuCode`]: [{ problem: "INVALID" }] },
      details: { reason: "SKU_CODE", skuCode },
    });
  }
  return lines.map((l) => ({ skuId: ids.get(l.skuCode)!, quantity: l.quantity }));
}
