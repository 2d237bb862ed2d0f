import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { atLeast } from "@/lib/errors/field-problem";
import { parseInput } from "@/lib/validation/parse-input";
import { adjustmentMovementReason, adjustStockSchema } from "./stock-admin-input";
import { ensureStockLevel, lockSkus, writeMovements } from "./stock-writes.server";

export type AdjustStockResult = {
  documentId: string;
  onHand: number;
  reserved: number;
  version: number;
};

type LevelRow = { onHand: number; reserved: number; version: number };

/**
 * Corrects on hand at one node by a signed amount with a reason (count correction, damage,
 * found): one compare-and-set on the stock level, one ADJUSTMENT movement and one audit entry in
 * the same transaction. An adjustment that would leave on hand below what is reserved (or below
 * 0), or whose level changed since the admin read it, is refused and changes nothing. The feed
 * publishes the new channel ATS from the movement, like any other stock change; callers may
 * call notifyStockChanged() after it returns to publish at once.
 */
export async function adjustStock(
  db: Db,
  raw: z.input<typeof adjustStockSchema> & { now?: Date },
  actor: { userId: string | null },
): Promise<AdjustStockResult> {
  const { now = new Date(), ...rest } = raw;
  const input = parseInput(adjustStockSchema, rest);
  const documentId = `ADJ-${now.getTime()}-${randomUUID().slice(0, 8)}`;
  return withTransaction(db, async (tx) => {
    await checkTarget(tx, input.nodeId, input.skuId);
    // The SKU lock first, like every promise of stock: a reservation deciding on this SKU's
    // pool sees the level either before or after the adjustment, never half-way.
    await lockSkus(tx, [input.skuId]);
    await ensureStockLevel(tx, input.nodeId, input.skuId, now);
    const updated = await tx.$queryRaw<LevelRow[]>`
      UPDATE "StockLevel" SET "onHand" = "onHand" + ${input.delta},
        "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "nodeId" = ${input.nodeId} AND "skuId" = ${input.skuId}
        AND "onHand" + ${input.delta} >= "reserved" AND "onHand" + ${input.delta} >= 0
        AND (${input.version ?? null}::int IS NULL OR "version" = ${input.version ?? null}::int)
      RETURNING "onHand", "reserved", "version"`;
    const level = updated[0];
    if (!level) return refuse(tx, input);
    await writeMovements(tx, [
      {
        nodeId: input.nodeId,
        skuId: input.skuId,
        kind: "ADJUSTMENT",
        onHandDelta: input.delta,
        reason: adjustmentMovementReason(input.reason, input.note),
        documentType: "ADJUSTMENT",
        documentId,
        actorUserId: actor.userId,
      },
    ]);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "STOCK_LEVEL",
      entityId: `${input.nodeId}/${input.skuId}`,
      action: "ADJUST",
      before: { onHand: level.onHand - input.delta, reserved: level.reserved },
      after: {
        onHand: level.onHand,
        reserved: level.reserved,
        delta: input.delta,
        reason: input.reason,
        note: input.note,
        documentId,
      },
    });
    return { documentId, ...level };
  });
}

async function checkTarget(tx: Tx, nodeId: string, skuId: string): Promise<void> {
  const [node, sku] = await Promise.all([
    tx.node.findUnique({ where: { id: nodeId }, select: { id: true } }),
    tx.sku.findUnique({ where: { id: skuId }, select: { isBundle: true } }),
  ]);
  if (!node)
    throw new AppError("NOT_FOUND", "Unknown node.", {
      fieldErrors: { nodeId: [{ problem: "INVALID" }] },
      details: { reason: "NODE", nodeIds: [nodeId] },
    });
  if (!sku)
    throw new AppError("NOT_FOUND", "Unknown SKU.", {
      fieldErrors: { skuId: [{ problem: "INVALID" }] },
      details: { reason: "SKU", skuId },
    });
  if (sku.isBundle)
    throw new AppError("INVALID_INPUT", "Bundles are stocked as their components.", {
      fieldErrors: { skuId: [{ problem: "INVALID" }] },
      details: { reason: "IS_BUNDLE" },
    });
}

/** Says why the compare-and-set matched no row; the caller's transaction then rolls back. */
async function refuse(
  tx: Tx,
  input: { nodeId: string; skuId: string; delta: number; version?: number },
): Promise<never> {
  const level = await tx.stockLevel.findUniqueOrThrow({
    where: { nodeId_skuId: { nodeId: input.nodeId, skuId: input.skuId } },
    select: { onHand: true, reserved: true, version: true },
  });
  if (input.version !== undefined && level.version !== input.version)
    throw new AppError("CONFLICT", "The stock level changed since it was read.", {
      details: { reason: "CHANGED_MEANWHILE" },
    });
  const floor = Math.max(level.reserved, 0);
  throw new AppError("INVALID_INPUT", "On hand would fall below what is reserved.", {
    fieldErrors: { delta: [atLeast(floor - level.onHand)] },
    details: { reason: "BELOW_RESERVED", onHand: level.onHand, reserved: level.reserved },
  });
}
