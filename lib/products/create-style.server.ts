import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { assertCodesFree, withCodesGuard, type NewCodes } from "./codes-free.server";
import { createStyleSchema, yuanToFen } from "./product-input";
import { categoryNotFound } from "./product-refusals";
import { skuData } from "./sku-data";

/**
 * Creates a style with its first SKUs. They start with no stock (stock arrives through inbound
 * and adjustments) and are published on the channel feeds at zero, so connectors learn of them.
 */
export async function createStyle(
  db: Db,
  raw: z.input<typeof createStyleSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(createStyleSchema, raw);
  const codes: NewCodes = {
    styleCode: input.styleCode,
    skus: input.skus.map((s, i) => ({ skuCode: s.skuCode, barcode: s.barcode, path: `skus.${i}` })),
  };
  const created = await withCodesGuard(db, codes, () =>
    withTransaction(db, async (tx) => {
      const category = await tx.category.findUnique({ where: { slug: input.categorySlug } });
      if (!category) throw categoryNotFound();
      await assertCodesFree(tx, codes);
      const product = await tx.product.create({
        data: {
          styleCode: input.styleCode,
          name: input.name,
          nameZh: input.nameZh,
          description: input.description,
          descriptionZh: input.descriptionZh,
          categoryId: category.id,
          gender: input.gender,
          lifecycle: input.lifecycle,
          listPrice: yuanToFen(input.listPriceYuan),
          imagePath: `/products/${category.slug}.svg`,
          skus: { create: input.skus.map(skuData) },
        },
        include: { skus: { select: { id: true, skuCode: true, barcode: true } } },
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        entity: "PRODUCT",
        entityId: product.id,
        action: "CREATE_STYLE",
        before: null,
        after: {
          styleCode: product.styleCode,
          name: product.name,
          category: category.slug,
          lifecycle: product.lifecycle,
          listPrice: product.listPrice,
          skus: product.skus.map((s) => ({ skuCode: s.skuCode, barcode: s.barcode })),
        },
      });
      await publishPolicyChange(tx, { skuIds: product.skus.map((s) => s.id) });
      return { id: product.id, styleCode: product.styleCode };
    }),
  );
  revalidateTag(CATALOGUE_TAG, "max");
  return created;
}
