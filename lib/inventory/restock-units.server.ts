import "server-only";
import { ensureStockLevel, inLockOrder, writeMovements } from "./stock-writes.server";
import type { Tx } from "@/lib/db/transaction.server";

export type RestockLine = { nodeId: string; skuId: string; quantity: number };

/**
 * Goods that had left the pool come back on a node's shelf (an uncollected pickup parcel, a
 * returned item in sellable condition): on hand goes up, with a RETURN movement each, in lock
 * order. Runs inside the caller's transaction, which decided that the goods really came back.
 */
export async function restockUnits(
  tx: Tx,
  input: {
    lines: readonly RestockLine[];
    reason: string;
    documentType: string;
    documentId: string;
    actorUserId?: string | null;
    now: Date;
  },
): Promise<{ affectedSkuIds: string[] }> {
  const { reason, documentType, documentId, now } = input;
  const lines = inLockOrder(input.lines.filter((l) => l.quantity > 0));
  for (const line of lines) {
    await ensureStockLevel(tx, line.nodeId, line.skuId, now);
    await tx.$executeRaw`
      UPDATE "StockLevel" SET "onHand" = "onHand" + ${line.quantity},
        "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "nodeId" = ${line.nodeId} AND "skuId" = ${line.skuId}`;
  }
  await writeMovements(
    tx,
    lines.map((l) => ({
      nodeId: l.nodeId,
      skuId: l.skuId,
      kind: "RETURN" as const,
      onHandDelta: l.quantity,
      reason,
      documentType,
      documentId,
      actorUserId: input.actorUserId ?? null,
    })),
  );
  return { affectedSkuIds: [...new Set(lines.map((l) => l.skuId))] };
}
