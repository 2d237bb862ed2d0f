import "server-only";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { inLockOrder, lockSkus, writeMovements } from "@/lib/inventory/stock-writes.server";
import { parseInput } from "@/lib/validation/parse-input";
import {
  assertCanReceive,
  assertTransferCanMove,
  countReceipt,
  receiveTransferSchema,
  type CountedLine,
  type ReceiveTransferInput,
  type TransferActor,
} from "./transfer-rules";
import {
  lockTransfer,
  moveTransfer,
  namingOf,
  settleInbound,
  skuIdsOf,
  TRANSFER_DOCUMENT,
} from "./transfer-steps.server";

export type ReceivedTransfer = {
  transferId: string;
  transferNo: string;
  status: "RECEIVED";
  receivedAt: Date;
  lines: (CountedLine & { shortBy: number })[];
  /** True when some line arrived short: the difference was lost in transit. */
  short: boolean;
  affectedSkuIds: string[];
};

/**
 * The destination counts a SHIPPED transfer in: its staff (STORE_STAFF of that store) or an
 * admin; staff of another store are refused (FORBIDDEN OTHER_STORE). Every line is counted, 0 to
 * what was shipped (above: INVALID_INPUT ABOVE_SHIPPED with the shipped figure). In one
 * transaction: the status by compare-and-set, each line's receivedQty, and per SKU the
 * destination's inbound down by what was shipped and on hand up by what arrived, as one
 * TRANSFER_IN movement carrying both deltas. A short receipt stays visible on its lines.
 */
export async function receiveTransfer(
  db: Db,
  input: { actor: TransferActor; receipt: ReceiveTransferInput; now?: Date },
): Promise<ReceivedTransfer> {
  const receipt = parseInput(receiveTransferSchema, input.receipt);
  const now = input.now ?? new Date();
  const received = await withTransaction(db, async (tx) => {
    const transfer = await lockTransfer(tx, receipt.transferId);
    assertCanReceive(input.actor, transfer.toNodeId);
    assertTransferCanMove(transfer.status, "RECEIVED");
    const skuIds = skuIdsOf(transfer);
    const naming = await namingOf(tx, skuIds);
    const counted = countReceipt(
      transfer.lines.map((l) => ({ ...l, naming: naming.get(l.skuId) })),
      receipt.lines,
    );
    await moveTransfer(tx, transfer, "RECEIVED", {
      receivedAt: now,
      receivedById: input.actor.id,
    });
    for (const line of counted) {
      await tx.transferLine.update({
        where: { id: line.lineId },
        data: { receivedQty: line.receivedQty },
      });
    }
    await lockSkus(tx, skuIds);
    const bySku = new Map(counted.map((l) => [l.skuId, l]));
    const deltas = inLockOrder(
      counted.map((l) => ({ nodeId: transfer.toNodeId, skuId: l.skuId, quantity: l.quantity })),
    );
    for (const delta of deltas) {
      await settleInbound(
        tx,
        delta,
        { announced: delta.quantity, arrived: bySku.get(delta.skuId)!.receivedQty },
        now,
      );
    }
    await writeMovements(
      tx,
      counted.map((l) => ({
        nodeId: transfer.toNodeId,
        skuId: l.skuId,
        kind: "TRANSFER_IN" as const,
        onHandDelta: l.receivedQty,
        inboundDelta: -l.quantity,
        reason:
          l.receivedQty < l.quantity
            ? `transfer ${transfer.transferNo} received ${l.receivedQty} of ${l.quantity}`
            : `transfer ${transfer.transferNo} received`,
        documentType: TRANSFER_DOCUMENT,
        documentId: transfer.transferNo,
        actorUserId: input.actor.id,
      })),
    );
    const lines = counted.map((l) => ({ ...l, shortBy: l.quantity - l.receivedQty }));
    return {
      transferId: transfer.id,
      transferNo: transfer.transferNo,
      status: "RECEIVED" as const,
      receivedAt: now,
      lines,
      short: lines.some((l) => l.shortBy > 0),
      affectedSkuIds: skuIds,
    };
  });
  notifyStockChanged();
  return received;
}
