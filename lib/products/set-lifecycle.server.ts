import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { setLifecycleSchema } from "./product-input";
import { styleNotFound } from "./product-refusals";

/**
 * Moves a style to another lifecycle stage. LIFECYCLE-scoped allocation policies follow the
 * stage (moving to CLEARANCE is how a style reaches the employee channel), so the style's
 * channel ATS is recomputed and published in the same transaction.
 */
export async function setLifecycle(
  db: Db,
  raw: z.input<typeof setLifecycleSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(setLifecycleSchema, raw);
  const saved = await withTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({
      where: { styleCode: input.styleCode },
      include: { skus: { select: { id: true } } },
    });
    if (!product) throw styleNotFound();
    const unchanged = {
      styleCode: product.styleCode,
      lifecycle: input.lifecycle,
      version: product.updatedAt.toISOString(),
      published: 0,
    };
    if (product.lifecycle === input.lifecycle) return unchanged;
    const updated = await tx.product.update({
      where: { id: product.id },
      data: { lifecycle: input.lifecycle },
    });
    // The style's version moves on; the editor that saved it carries on from the new one.
    const result = { ...unchanged, version: updated.updatedAt.toISOString() };
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "PRODUCT",
      entityId: product.id,
      action: "SET_LIFECYCLE",
      before: { styleCode: product.styleCode, lifecycle: product.lifecycle },
      after: { styleCode: product.styleCode, lifecycle: input.lifecycle },
    });
    if (product.skus.length === 0) return result;
    const published = await publishPolicyChange(tx, { skuIds: product.skus.map((s) => s.id) });
    return { ...result, published: published.events };
  });
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
