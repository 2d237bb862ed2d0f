import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { updateStyleSchema, yuanToFen } from "./product-input";
import { categoryNotFound, changedMeanwhile, styleNotFound } from "./product-refusals";

/**
 * Saves a style's names, texts, category, gender and list price, only if nobody saved it since
 * the editor opened it (`version` is its `updatedAt` then). A new category changes which
 * allocation policies reach its SKUs, so their channel ATS is published again.
 */
export async function updateStyle(
  db: Db,
  raw: z.input<typeof updateStyleSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(updateStyleSchema, raw);
  const saved = await withTransaction(db, async (tx) => {
    const before = await tx.product.findUnique({
      where: { styleCode: input.styleCode },
      include: { category: { select: { slug: true } }, skus: { select: { id: true } } },
    });
    if (!before) throw styleNotFound();
    const category = await tx.category.findUnique({ where: { slug: input.categorySlug } });
    if (!category) throw categoryNotFound();
    const data = {
      name: input.name,
      nameZh: input.nameZh,
      description: input.description,
      descriptionZh: input.descriptionZh,
      categoryId: category.id,
      gender: input.gender,
      listPrice: yuanToFen(input.listPriceYuan),
    };
    // Compare-and-set on the version the editor saw: a save in between refuses this one.
    const { count } = await tx.product.updateMany({
      where: { id: before.id, updatedAt: new Date(input.version) },
      data,
    });
    if (count === 0) throw changedMeanwhile();
    const after = await tx.product.findUniqueOrThrow({ where: { id: before.id } });
    const snapshot = (p: typeof after, slug: string) => ({
      styleCode: p.styleCode,
      name: p.name,
      nameZh: p.nameZh,
      category: slug,
      gender: p.gender,
      listPrice: p.listPrice,
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "PRODUCT",
      entityId: before.id,
      action: "UPDATE_STYLE",
      before: snapshot(before, before.category.slug),
      after: snapshot(after, category.slug),
    });
    if (before.categoryId !== category.id && before.skus.length > 0) {
      await publishPolicyChange(tx, { skuIds: before.skus.map((s) => s.id) });
    }
    return { styleCode: after.styleCode, version: after.updatedAt.toISOString() };
  });
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
