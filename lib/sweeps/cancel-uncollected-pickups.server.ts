import "server-only";
import { subDays } from "date-fns";
import { env } from "@/lib/env";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { restockUnits } from "@/lib/inventory/restock-units.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { logFulfilmentEvent, releaseHolds } from "@/lib/orders/order-holds.server";

export type UncollectedResult = { cancelled: string[]; refunded: number };

/**
 * Pickups left at the counter: a pickup store's order READY_FOR_PICKUP for `days` (default
 * PICKUP_UNCOLLECTED_DAYS) is cancelled. The store's own units are released back to sale, units
 * that were shipped in are put on the store's shelf (RETURN movements), the order is cancelled
 * and its payment refunded. Each order is its own transaction with a compare-and-set on the
 * fulfilment order, so a customer collecting at that moment either gets the goods or the refund.
 */
export async function cancelUncollectedPickups(
  db: Db,
  input: { now?: Date; days?: number } = {},
): Promise<UncollectedResult> {
  const now = input.now ?? new Date();
  const cutoff = subDays(now, input.days ?? env.PICKUP_UNCOLLECTED_DAYS);
  const due = await db.fulfilmentOrder.findMany({
    where: {
      status: "READY_FOR_PICKUP",
      shipToNodeId: null,
      order: { method: "PICKUP" },
      events: { some: { toStatus: "READY_FOR_PICKUP", createdAt: { lte: cutoff } } },
    },
    select: { id: true, orderId: true },
    take: 200,
  });
  const cancelled: string[] = [];
  let refunded = 0;
  for (const fo of due) {
    const done = await withTransaction(db, (tx) => cancelOne(tx, fo.id, now));
    if (!done) continue;
    cancelled.push(fo.orderId);
    const refund = await refundOrderPayment(db, {
      orderId: fo.orderId,
      reason: "pickup not collected",
    });
    refunded += refund.refunded;
  }
  if (cancelled.length > 0) notifyStockChanged();
  return { cancelled, refunded };
}

async function cancelOne(tx: Tx, fulfilmentOrderId: string, now: Date): Promise<boolean> {
  const fo = await tx.fulfilmentOrder.findUniqueOrThrow({ where: { id: fulfilmentOrderId } });
  const flipped = await tx.fulfilmentOrder.updateMany({
    where: { id: fo.id, status: "READY_FOR_PICKUP" },
    data: { status: "CANCELLED" },
  });
  if (flipped.count === 0) return false;
  // The store picked and packed this order: the capacity it used that day stays used.
  const note = "not collected in time";
  await logFulfilmentEvent(tx, {
    fulfilmentOrderId: fo.id,
    from: "READY_FOR_PICKUP",
    to: "CANCELLED",
    note,
  });
  const holds = await tx.reservation.findMany({
    where: { orderId: fo.orderId, nodeId: fo.nodeId, status: "ACTIVE" },
  });
  await releaseHolds(tx, holds, note, now);
  const parcels = await tx.fulfilmentOrder.findMany({
    where: { orderId: fo.orderId, shipToNodeId: fo.nodeId, status: "DELIVERED" },
    include: { lines: true },
  });
  await restockUnits(tx, {
    lines: parcels.flatMap((p) =>
      p.lines.map((l) => ({ nodeId: fo.nodeId, skuId: l.skuId, quantity: l.quantity })),
    ),
    reason: `uncollected pickup back on the shelf`,
    documentType: "ORDER",
    documentId: fo.orderId,
    now,
  });
  await tx.order.update({
    where: { id: fo.orderId },
    data: { status: "CANCELLED", cancelledAt: now },
  });
  return true;
}
