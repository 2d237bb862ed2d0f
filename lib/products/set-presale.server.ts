import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { presaleSchema } from "./product-input";
import { skuNotFound } from "./product-refusals";

/**
 * Opens, changes or closes a SKU's presale: the cap of units sold beyond stock and the date they
 * are expected to ship (UTC midnight of that day). Units already sold stay sold; a cap below
 * them only stops further presale. A bundle is sold from its components, never on presale.
 */
export async function setPresale(
  db: Db,
  raw: z.input<typeof presaleSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(presaleSchema, raw);
  const shipDate = input.shipDate === null ? null : new Date(`${input.shipDate}T00:00:00.000Z`);
  const saved = await withTransaction(db, async (tx) => {
    const sku = await tx.sku.findUnique({ where: { skuCode: input.skuCode } });
    if (!sku) throw skuNotFound(input.skuCode);
    if (sku.isBundle && input.enabled)
      throw new AppError("INVALID_INPUT", "A bundle cannot be on presale.", {
        details: { reason: "IS_BUNDLE" },
      });
    const data = {
      presaleEnabled: input.enabled,
      presaleCap: input.cap,
      presaleShipDate: shipDate,
    };
    await tx.sku.update({ where: { id: sku.id }, data });
    const view = (s: {
      presaleEnabled: boolean;
      presaleCap: number;
      presaleShipDate: Date | null;
    }) => ({
      skuCode: sku.skuCode,
      enabled: s.presaleEnabled,
      cap: s.presaleCap,
      shipDate: s.presaleShipDate?.toISOString().slice(0, 10) ?? null,
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "SKU",
      entityId: sku.id,
      action: "SET_PRESALE",
      before: view(sku),
      after: view(data),
    });
    await publishPolicyChange(tx, { skuIds: [sku.id] });
    return { ...view(data), sold: sku.presaleSold };
  });
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
