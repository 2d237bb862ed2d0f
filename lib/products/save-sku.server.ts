import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { assertCodesFree, withCodesGuard } from "./codes-free.server";
import { addSkuSchema, updateSkuSchema } from "./product-input";
import { skuNotFound, styleNotFound } from "./product-refusals";
import { skuData } from "./sku-data";

type SkuColumns = ReturnType<typeof skuData>;

const snapshot = (s: SkuColumns) => ({
  skuCode: s.skuCode,
  barcode: s.barcode,
  color: s.color,
  colorZh: s.colorZh,
  colorHex: s.colorHex,
  size: s.size,
  sizeOrder: s.sizeOrder,
  listPrice: s.listPrice,
});

/** Adds a colour × size to a style; it starts with no stock and is published at zero. */
export async function addSku(
  db: Db,
  raw: z.input<typeof addSkuSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(addSkuSchema, raw);
  const codes = { skus: [{ skuCode: input.skuCode, barcode: input.barcode, path: "" }] };
  const saved = await withCodesGuard(db, codes, () =>
    withTransaction(db, async (tx) => {
      const product = await tx.product.findUnique({ where: { styleCode: input.styleCode } });
      if (!product) throw styleNotFound();
      await assertCodesFree(tx, codes);
      const sku = await tx.sku.create({ data: { ...skuData(input), productId: product.id } });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        entity: "SKU",
        entityId: sku.id,
        action: "ADD_SKU",
        before: null,
        after: { styleCode: product.styleCode, ...snapshot(sku) },
      });
      await publishPolicyChange(tx, { skuIds: [sku.id] });
      return { skuCode: sku.skuCode };
    }),
  );
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}

/** Saves a SKU's barcode, colour, size and list price override; its code stays. */
export async function updateSku(
  db: Db,
  raw: z.input<typeof updateSkuSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(updateSkuSchema, raw);
  const codes = { skus: [{ barcode: input.barcode, path: "" }], exceptSkuCode: input.skuCode };
  const saved = await withCodesGuard(db, codes, () =>
    withTransaction(db, async (tx) => {
      const before = await tx.sku.findUnique({ where: { skuCode: input.skuCode } });
      if (!before) throw skuNotFound(input.skuCode);
      await assertCodesFree(tx, codes);
      const after = await tx.sku.update({ where: { id: before.id }, data: skuData(input) });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        entity: "SKU",
        entityId: before.id,
        action: "UPDATE_SKU",
        before: snapshot(before),
        after: snapshot(after),
      });
      return { skuCode: after.skuCode };
    }),
  );
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
