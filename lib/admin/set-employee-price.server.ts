import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { employeePriceSchema, yuanToFen } from "./employee-admin-input";

/**
 * Sets a style's explicit employee price, or one SKU's, or clears it (the style's price or the
 * policy discount applies again). A price above the list price is refused: the employee store
 * never charges more than the shop.
 */
export async function setEmployeePrice(
  db: Db,
  raw: z.input<typeof employeePriceSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(employeePriceSchema, raw);
  const price = input.priceYuan === null ? null : yuanToFen(input.priceYuan);
  const saved = await withTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({ where: { styleCode: input.styleCode } });
    if (!product)
      throw new AppError("NOT_FOUND", "No such style.", { details: { reason: "PRODUCT" } });
    const sku = input.skuCode
      ? await tx.sku.findFirst({ where: { skuCode: input.skuCode, productId: product.id } })
      : null;
    if (input.skuCode && !sku)
      throw new AppError("NOT_FOUND", "No such SKU in this style.", {
        details: { reason: "SKU", skuId: input.skuCode },
      });
    const listPrice = sku?.listPrice ?? product.listPrice;
    if (price !== null && price > listPrice)
      throw new AppError("INVALID_INPUT", "Employee price above list price.", {
        details: { reason: "EMPLOYEE_PRICE_ABOVE_LIST", listPrice },
      });
    const before = { styleCode: product.styleCode, skuCode: sku?.skuCode ?? null };
    if (sku) await tx.sku.update({ where: { id: sku.id }, data: { employeePrice: price } });
    else await tx.product.update({ where: { id: product.id }, data: { employeePrice: price } });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: sku ? "SKU" : "PRODUCT",
      entityId: sku?.id ?? product.id,
      action: price === null ? "CLEAR_EMPLOYEE_PRICE" : "SET_EMPLOYEE_PRICE",
      before: { ...before, employeePrice: sku ? sku.employeePrice : product.employeePrice },
      after: { ...before, employeePrice: price },
    });
    return { ...before, employeePrice: price };
  });
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
