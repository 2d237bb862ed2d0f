import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { fulfilPresaleAllocations } from "@/lib/orders/fulfil-presale-allocations.server";
import { receivePresaleInbound } from "@/lib/reservations/receive-presale-inbound.server";
import { parseInput } from "@/lib/validation/parse-input";
import { receiveInboundSchema, type ReceiveInboundInput } from "./inbound-input";

export type ReceiveInboundResult = {
  documentId: string;
  received: number;
  /** Presale units allocated from this receipt, first come first served. */
  allocatedUnits: number;
  /** Orders whose presale lines now have stock and a fulfilment order. */
  allocatedOrderIds: string[];
};

/**
 * Receives inbound goods at a node: on hand up (RECEIPT in the ledger, `inbound` down by what was
 * announced), then the waiting presale orders for the SKU are allocated in the order they were
 * placed and each gets a fulfilment order at that node — all in one transaction.
 */
export async function receiveInbound(
  db: Db,
  raw: ReceiveInboundInput & { now?: Date },
): Promise<ReceiveInboundResult> {
  const { now = new Date(), ...rest } = raw;
  const input = parseInput(receiveInboundSchema, rest);
  const sku = await db.sku.findUnique({ where: { skuCode: input.skuCode }, select: { id: true } });
  if (!sku)
    throw new AppError("NOT_FOUND", `Unknown SKU ${input.skuCode}.`, {
      fieldErrors: { skuCode: [{ problem: "INVALID" }] },
      details: { reason: "SKU", skuId: input.skuCode },
    });
  const documentId = `RCV-${now.getTime()}-${randomUUID().slice(0, 8)}`;
  const result = await withTransaction(db, async (tx) => {
    const receipt = await receivePresaleInbound(tx, {
      nodeId: input.nodeId,
      skuId: sku.id,
      quantity: input.quantity,
      documentId,
      now,
    });
    const fulfilled = await fulfilPresaleAllocations(tx, {
      reservationIds: receipt.allocated.map((a) => a.reservationId),
      now,
    });
    return {
      documentId,
      received: receipt.received,
      allocatedUnits: receipt.allocated.reduce((sum, a) => sum + a.quantity, 0),
      allocatedOrderIds: fulfilled.orderIds,
    };
  });
  notifyStockChanged();
  return result;
}
