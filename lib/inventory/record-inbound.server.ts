import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { stockDocumentInputSchema, type StockDocumentInput } from "./stock-document";
import { ensureStockLevel, writeMovements } from "./stock-writes.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";

export type RecordInboundOptions = StockDocumentInput & { now?: Date };

/**
 * Announces goods on their way to a node (a purchase order, a transfer shipped): `inbound` goes
 * up with an INBOUND movement. On hand changes only when the goods are received.
 */
export async function recordInbound(
  db: Db,
  options: RecordInboundOptions,
): Promise<{ affectedSkuIds: string[] }> {
  const { now = new Date(), ...raw } = options;
  const input = parseInput(stockDocumentInputSchema, raw);
  return withTransaction(db, async (tx) => {
    const [node, sku] = await Promise.all([
      tx.node.findUnique({ where: { id: input.nodeId }, select: { id: true } }),
      tx.sku.findUnique({ where: { id: input.skuId }, select: { isBundle: true } }),
    ]);
    if (!node)
      throw new AppError("NOT_FOUND", "Unknown node.", {
        details: { reason: "NODE", nodeIds: [input.nodeId] },
      });
    if (!sku) {
      throw new AppError("NOT_FOUND", "Unknown SKU.", {
        details: { reason: "SKU", skuId: input.skuId },
      });
    }
    if (sku.isBundle) {
      throw new AppError("INVALID_INPUT", "Bundles are stocked as their components.", {
        fieldErrors: { skuId: [{ problem: "INVALID" }] },
        details: { reason: "IS_BUNDLE" },
      });
    }
    await ensureStockLevel(tx, input.nodeId, input.skuId, now);
    await tx.$executeRaw`
      UPDATE "StockLevel" SET "inbound" = "inbound" + ${input.quantity},
        "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "nodeId" = ${input.nodeId} AND "skuId" = ${input.skuId}`;
    await writeMovements(tx, [
      {
        nodeId: input.nodeId,
        skuId: input.skuId,
        kind: "INBOUND",
        inboundDelta: input.quantity,
        reason: "inbound announced",
        documentType: "INBOUND",
        documentId: input.documentId,
      },
    ]);
    return { affectedSkuIds: [input.skuId] };
  });
}
