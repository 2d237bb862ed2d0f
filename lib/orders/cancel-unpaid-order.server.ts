import "server-only";
import { giveBackNodeCapacity } from "@/lib/capacity/node-capacity.server";
import { AppError } from "@/lib/errors/app-error";
import { releaseCouponForOrder } from "@/lib/coupons/redeem-coupon.server";
import { giveBackEmployeeQuota } from "@/lib/employee/consume-quota.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import {
  CLOSED_FULFILMENT,
  DONE_FULFILMENT,
  logFulfilmentEvent,
  OPEN_RESERVATION,
  releaseHolds,
} from "./order-holds.server";

export type CancelReason = "HOLD_EXPIRED" | "CANCELLED_BY_SHOPPER";

/**
 * An order that was never paid is cancelled: its holds are released (those the sweeper has not
 * released already), its fulfilment orders cancelled, a coupon it used goes back to the member,
 * redeemed points are returned and an employee's quota gets the order's units and spend back (once:
 * behind the status flip). Compare-and-set on the order's state: a payment that lands at
 * the same moment wins or loses as a whole, never half.
 */
export async function cancelUnpaidOrder(
  db: Db,
  input: { orderId: string; reason: CancelReason; now?: Date },
): Promise<{ cancelled: boolean; affectedSkuIds: string[] }> {
  const now = input.now ?? new Date();
  return withTransaction(db, (tx) => cancelInTransaction(tx, input.orderId, input.reason, now));
}

export async function cancelInTransaction(
  tx: Tx,
  orderId: string,
  reason: CancelReason,
  now: Date,
): Promise<{ cancelled: boolean; affectedSkuIds: string[] }> {
  const order = await tx.order.findUnique({ where: { id: orderId } });
  if (!order) throw new AppError("NOT_FOUND", "Unknown order.", { details: { reason: "ORDER" } });
  const flipped = await tx.order.updateMany({
    where: { id: orderId, status: "PENDING_PAYMENT", paymentStatus: "PENDING" },
    data: { status: "CANCELLED", cancelledAt: now },
  });
  if (flipped.count === 0) return { cancelled: false, affectedSkuIds: [] };

  const holds = await tx.reservation.findMany({
    where: { orderId, status: { in: [...OPEN_RESERVATION] } },
  });
  const note = reason === "HOLD_EXPIRED" ? "hold expired unpaid" : "cancelled by the shopper";
  const affectedSkuIds = await releaseHolds(tx, holds, note, now);
  const open = await tx.fulfilmentOrder.findMany({
    where: { orderId, status: { notIn: [...CLOSED_FULFILMENT, ...DONE_FULFILMENT] } },
  });
  for (const fo of open) {
    await tx.fulfilmentOrder.update({ where: { id: fo.id }, data: { status: "CANCELLED" } });
    await logFulfilmentEvent(tx, {
      fulfilmentOrderId: fo.id,
      from: fo.status,
      to: "CANCELLED",
      note,
    });
  }
  await giveBackNodeCapacity(
    tx,
    open.map((fo) => fo.id),
  );
  await releaseCouponForOrder(tx, { orderId });
  if (order.employeeId && order.quotaPeriodKey) {
    const lines = await tx.orderLine.findMany({
      where: { orderId },
      select: { skuId: true, quantity: true, unitPrice: true },
    });
    await giveBackEmployeeQuota(tx, {
      employeeId: order.employeeId,
      periodKey: order.quotaPeriodKey,
      lines,
      spend: order.subtotal,
    });
  }
  if (order.memberId && order.pointsRedeemed > 0) {
    await tx.member.update({
      where: { id: order.memberId },
      data: { pointsBalance: { increment: order.pointsRedeemed } },
    });
    await tx.pointsEntry.create({
      data: {
        memberId: order.memberId,
        delta: order.pointsRedeemed,
        reason: "ORDER_CANCELLED",
        orderId,
      },
    });
  }
  return { cancelled: true, affectedSkuIds };
}
