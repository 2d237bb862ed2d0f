import "server-only";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import {
  ensureStockLevel,
  inLockOrder,
  lockSkus,
  writeMovements,
} from "@/lib/inventory/stock-writes.server";
import { parseInput } from "@/lib/validation/parse-input";
import { assertAdmin, transferIdSchema, type TransferActor } from "./transfer-rules";
import {
  addInbound,
  lockTransfer,
  moveTransfer,
  refuseShort,
  skuIdsOf,
  takeGiveable,
  TRANSFER_DOCUMENT,
} from "./transfer-steps.server";

export type ShippedTransfer = {
  transferId: string;
  transferNo: string;
  status: "SHIPPED";
  shippedAt: Date;
  /** SKUs whose channel ATS may have moved (the source's on hand went down). */
  affectedSkuIds: string[];
};

/**
 * An admin ships a DRAFT transfer, in one transaction: the status by compare-and-set (a
 * SHIPPED, RECEIVED or CANCELLED transfer is refused: CONFLICT TRANSFER_STATE with its status),
 * the SKUs locked in the engine's order, then per line a compare-and-set on the source's level
 * that keeps on hand at or above reserved + max(safety stock, display minimum) (else OUT_OF_STOCK
 * SOURCE_SHORT with what it can give, and nothing changes), a TRANSFER_OUT movement there, and
 * the destination's inbound up with an INBOUND movement. The feed is told after the commit.
 */
export async function shipTransfer(
  db: Db,
  input: { actor: TransferActor; transferId: string; now?: Date },
): Promise<ShippedTransfer> {
  assertAdmin(input.actor);
  const { transferId } = parseInput(transferIdSchema, { transferId: input.transferId });
  const now = input.now ?? new Date();
  const shipped = await withTransaction(db, async (tx) => {
    const transfer = await lockTransfer(tx, transferId);
    await moveTransfer(tx, transfer, "SHIPPED", { shippedAt: now });
    const skuIds = skuIdsOf(transfer);
    await lockSkus(tx, skuIds);
    const { fromNodeId, toNodeId } = transfer;
    const deltas = inLockOrder(
      transfer.lines.flatMap((l) => [
        { nodeId: fromNodeId, skuId: l.skuId, quantity: l.quantity },
        { nodeId: toNodeId, skuId: l.skuId, quantity: l.quantity },
      ]),
    );
    for (const delta of deltas) {
      if (delta.nodeId === fromNodeId) {
        if (!(await takeGiveable(tx, delta, now))) await refuseShort(tx, transfer, delta);
      } else {
        await ensureStockLevel(tx, delta.nodeId, delta.skuId, now);
        await addInbound(tx, delta, now);
      }
    }
    const document = {
      documentType: TRANSFER_DOCUMENT,
      documentId: transfer.transferNo,
      actorUserId: input.actor.id,
    };
    await writeMovements(
      tx,
      transfer.lines.flatMap((l) => [
        {
          ...document,
          nodeId: fromNodeId,
          skuId: l.skuId,
          kind: "TRANSFER_OUT" as const,
          onHandDelta: -l.quantity,
          reason: `transfer ${transfer.transferNo} shipped`,
        },
        {
          ...document,
          nodeId: toNodeId,
          skuId: l.skuId,
          kind: "INBOUND" as const,
          inboundDelta: l.quantity,
          reason: `transfer ${transfer.transferNo} on its way`,
        },
      ]),
    );
    return {
      transferId: transfer.id,
      transferNo: transfer.transferNo,
      status: "SHIPPED" as const,
      shippedAt: now,
      affectedSkuIds: skuIds,
    };
  });
  notifyStockChanged();
  return shipped;
}
