import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { bundleProblem } from "./bundle-rules";
import { bundleSchema } from "./product-input";
import { skuNotFound } from "./product-refusals";

/**
 * Makes a SKU a bundle of the given components × quantities (replacing its previous ones). A
 * bundle is stocked only as its components, so a SKU holding stock or open reservations cannot
 * become one; a component is a single item, never a bundle or the bundle itself. The bundle's
 * channel ATS follows its components and is published again.
 */
export async function saveBundle(
  db: Db,
  raw: z.input<typeof bundleSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(bundleSchema, raw);
  const saved = await withTransaction(db, async (tx) => {
    const sku = await tx.sku.findUnique({
      where: { skuCode: input.skuCode },
      include: {
        bundleComponents: { include: { component: { select: { skuCode: true } } } },
        _count: { select: { partOfBundles: true } },
      },
    });
    if (!sku) throw skuNotFound(input.skuCode);
    // Merged per component, so one listed twice counts its quantities together.
    const wanted = new Map<string, number>();
    for (const c of input.components)
      wanted.set(c.skuCode, (wanted.get(c.skuCode) ?? 0) + c.quantity);
    const found = await tx.sku.findMany({
      where: { skuCode: { in: [...wanted.keys()] } },
      select: { id: true, skuCode: true, isBundle: true },
    });
    const missing = input.components.findIndex((c) => !found.some((f) => f.skuCode === c.skuCode));
    const absent = input.components[missing];
    if (absent) throw skuNotFound(absent.skuCode, `components.${missing}.skuCode`);
    const problem = bundleProblem({
      bundle: { skuCode: sku.skuCode, partOfBundles: sku._count.partOfBundles },
      components: input.components.map((c) => ({
        skuCode: c.skuCode,
        isBundle: found.find((f) => f.skuCode === c.skuCode)?.isBundle ?? false,
      })),
    });
    if (problem?.reason === "BUNDLE_SELF")
      throw new AppError("INVALID_INPUT", "A bundle cannot contain itself.", {
        details: { reason: "BUNDLE_SELF" },
      });
    if (problem)
      throw new AppError("INVALID_INPUT", "A bundle is made of single items.", {
        details: { reason: "BUNDLE_NESTED", skuCode: problem.skuCode },
        ...(problem.index === undefined
          ? {}
          : { fieldErrors: { [`components.${problem.index}.skuCode`]: [{ problem: "INVALID" }] } }),
      });
    if (!sku.isBundle) {
      const held = await tx.stockLevel.count({
        where: { skuId: sku.id, OR: [{ onHand: { gt: 0 } }, { reserved: { gt: 0 } }] },
      });
      const open = await tx.reservation.count({
        where: { skuId: sku.id, status: { in: ["ACTIVE", "WAITING"] } },
      });
      if (held > 0 || open > 0)
        throw new AppError("INVALID_INPUT", "A SKU with stock cannot become a bundle.", {
          details: { reason: "BUNDLE_HAS_STOCK" },
        });
    }
    const components = [...wanted.entries()].map(([skuCode, quantity]) => ({
      componentSkuId: found.find((f) => f.skuCode === skuCode)?.id ?? skuCode,
      quantity,
    }));
    await tx.bundleComponent.deleteMany({ where: { bundleSkuId: sku.id } });
    await tx.bundleComponent.createMany({
      data: components.map((c) => ({ ...c, bundleSkuId: sku.id })),
    });
    await tx.sku.update({ where: { id: sku.id }, data: { isBundle: true } });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "SKU",
      entityId: sku.id,
      action: "SET_BUNDLE",
      before: {
        skuCode: sku.skuCode,
        isBundle: sku.isBundle,
        components: sku.bundleComponents.map((c) => ({
          skuCode: c.component.skuCode,
          quantity: c.quantity,
        })),
      },
      after: {
        skuCode: sku.skuCode,
        isBundle: true,
        components: [...wanted.entries()].map(([skuCode, quantity]) => ({ skuCode, quantity })),
      },
    });
    await publishPolicyChange(tx, { skuIds: [sku.id] });
    return { skuCode: sku.skuCode, components: components.length };
  });
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
