import "server-only";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { inLockOrder, lockSkus, writeMovements } from "@/lib/inventory/stock-writes.server";
import { parseInput } from "@/lib/validation/parse-input";
import { assertAdmin, transferIdSchema, type TransferActor } from "./transfer-rules";
import {
  lockTransfer,
  moveTransfer,
  putBackOnShelf,
  settleInbound,
  skuIdsOf,
  TRANSFER_DOCUMENT,
  type LockedTransfer,
} from "./transfer-steps.server";

export type CancelledTransfer = {
  transferId: string;
  transferNo: string;
  status: "CANCELLED";
  cancelledAt: Date;
  /** The status it was cancelled from: SHIPPED put stock back, DRAFT had nothing to move. */
  cancelledFrom: "DRAFT" | "SHIPPED";
  affectedSkuIds: string[];
};

/**
 * An admin cancels a transfer that was not counted in. A DRAFT just closes. A SHIPPED transfer
 * puts its units back, in one transaction with the status: the source's on hand up with a
 * TRANSFER_IN movement saying the transfer was cancelled, the destination's inbound down with an
 * INBOUND movement. RECEIVED or CANCELLED: CONFLICT TRANSFER_STATE with the status.
 */
export async function cancelTransfer(
  db: Db,
  input: { actor: TransferActor; transferId: string; now?: Date },
): Promise<CancelledTransfer> {
  assertAdmin(input.actor);
  const { transferId } = parseInput(transferIdSchema, { transferId: input.transferId });
  const now = input.now ?? new Date();
  const cancelled = await withTransaction(db, async (tx) => {
    const transfer = await lockTransfer(tx, transferId);
    await moveTransfer(tx, transfer, "CANCELLED", { cancelledAt: now });
    const shipped = transfer.status === "SHIPPED";
    if (shipped) await putBack(tx, transfer, input.actor.id, now);
    return {
      transferId: transfer.id,
      transferNo: transfer.transferNo,
      status: "CANCELLED" as const,
      cancelledAt: now,
      cancelledFrom: shipped ? ("SHIPPED" as const) : ("DRAFT" as const),
      affectedSkuIds: shipped ? skuIdsOf(transfer) : [],
    };
  });
  if (cancelled.cancelledFrom === "SHIPPED") notifyStockChanged();
  return cancelled;
}

async function putBack(
  tx: Tx,
  transfer: LockedTransfer,
  actorUserId: string,
  now: Date,
): Promise<void> {
  const { fromNodeId, toNodeId, transferNo } = transfer;
  await lockSkus(tx, skuIdsOf(transfer));
  const deltas = inLockOrder(
    transfer.lines.flatMap((l) => [
      { nodeId: fromNodeId, skuId: l.skuId, quantity: l.quantity },
      { nodeId: toNodeId, skuId: l.skuId, quantity: l.quantity },
    ]),
  );
  for (const delta of deltas) {
    if (delta.nodeId === fromNodeId) await putBackOnShelf(tx, delta, now);
    else await settleInbound(tx, delta, { announced: delta.quantity, arrived: 0 }, now);
  }
  const document = { documentType: TRANSFER_DOCUMENT, documentId: transferNo, actorUserId };
  await writeMovements(
    tx,
    transfer.lines.flatMap((l) => [
      {
        ...document,
        nodeId: fromNodeId,
        skuId: l.skuId,
        kind: "TRANSFER_IN" as const,
        onHandDelta: l.quantity,
        reason: `cancelled transfer ${transferNo}: units back`,
      },
      {
        ...document,
        nodeId: toNodeId,
        skuId: l.skuId,
        kind: "INBOUND" as const,
        inboundDelta: -l.quantity,
        reason: `cancelled transfer ${transferNo}: no longer inbound`,
      },
    ]),
  );
}
