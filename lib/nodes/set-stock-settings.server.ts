import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import { parseInput } from "@/lib/validation/parse-input";
import { stockSettingsSchema } from "@/lib/inventory/stock-admin-input";
import { lockSkus } from "@/lib/inventory/stock-writes.server";

export type StockSettingsResult = { safetyStock: number; displayMin: number; version: number };

/**
 * Sets a level's safety stock and display minimum by compare-and-set on the version the admin
 * read: a level changed in between is refused and nothing changes. Safety stock moves channel
 * ATS without a ledger movement, so the feed is published in the same transaction.
 */
export async function setStockSettings(
  db: Db,
  raw: z.input<typeof stockSettingsSchema> & { now?: Date },
  actor: { userId: string | null },
): Promise<StockSettingsResult> {
  const { now = new Date(), ...rest } = raw;
  const input = parseInput(stockSettingsSchema, rest);
  return withTransaction(db, async (tx) => {
    await lockSkus(tx, [input.skuId]);
    const before = await tx.stockLevel.findUnique({
      where: { nodeId_skuId: { nodeId: input.nodeId, skuId: input.skuId } },
      select: { safetyStock: true, displayMin: true },
    });
    if (!before)
      throw new AppError("NOT_FOUND", "No stock level for this node and SKU.", {
        details: { reason: "SKU", skuId: input.skuId },
      });
    const updated = await tx.$queryRaw<StockSettingsResult[]>`
      UPDATE "StockLevel" SET "safetyStock" = ${input.safetyStock},
        "displayMin" = ${input.displayMin}, "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "nodeId" = ${input.nodeId} AND "skuId" = ${input.skuId} AND "version" = ${input.version}
      RETURNING "safetyStock", "displayMin", "version"`;
    const level = updated[0];
    if (!level)
      throw new AppError("CONFLICT", "The stock level changed since it was read.", {
        details: { reason: "CHANGED_MEANWHILE" },
      });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "STOCK_LEVEL",
      entityId: `${input.nodeId}/${input.skuId}`,
      action: "SET_LEVELS",
      before,
      after: { safetyStock: level.safetyStock, displayMin: level.displayMin },
    });
    await publishPolicyChange(tx, { skuIds: [input.skuId], now });
    return level;
  });
}
