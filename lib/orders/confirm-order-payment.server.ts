import "server-only";
import { recordChannelOrderEvent } from "@/lib/order-events/record-channel-order-event.server";
import { giveBackNodeCapacity, takeNodeCapacity } from "@/lib/capacity/node-capacity.server";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import type { PaymentProvider } from "@/lib/generated/prisma/enums";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { consumeEmployeeQuota } from "@/lib/employee/consume-quota.server";
import { respendCouponClaim } from "@/lib/coupons/redeem-coupon.server";
import { awardPointsForPaidOrder } from "@/lib/points/award-points.server";
import { bookSale } from "@/lib/settlement/book-sale.server";
import { confirmReservation } from "@/lib/reservations/confirm-reservation.server";
import { reservePresale } from "@/lib/reservations/reserve-presale.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import {
  CLOSED_FULFILMENT,
  DONE_FULFILMENT,
  logFulfilmentEvent,
  OPEN_RESERVATION,
  releaseHolds,
} from "./order-holds.server";

export type ConfirmPaymentOutcome = "PAID" | "ALREADY_PAID" | "REFUND_NEEDED";

/**
 * Thrown inside the transaction when the order cannot be revived as it was priced: a hold that
 * lapsed cannot be made again, or the coupon claim or points it redeemed (given back on
 * cancelling) are spent elsewhere.
 */
class StockGone extends Error {}

/**
 * The shopper paid. Every line's hold becomes an order allocation: a live hold is confirmed, a
 * lapsed one is reserved again at the same node when the stock is still there (a late payment
 * after the sweeper released it, even after the unpaid order was cancelled). If any line's stock
 * is gone the order stays cancelled with the money marked paid, and the caller refunds it
 * (REFUND_NEEDED). A revived order spends again the coupon claim and the points the cancellation
 * gave back, since its price counted on them. The order flips by compare-and-set, so a replayed confirmation is
 * ALREADY_PAID. Either way a paid order earns its points (lib/points).
 * Payment rows are written by lib/payments, not here.
 */
export async function confirmOrderPayment(
  db: Db,
  input: { orderId: string; provider: PaymentProvider; amount: number; paidAt?: Date },
): Promise<{ outcome: ConfirmPaymentOutcome; orderNo: string }> {
  const paidAt = input.paidAt ?? new Date();
  const order = await db.order.findUnique({ where: { id: input.orderId } });
  if (!order) throw new AppError("NOT_FOUND", "Unknown order.", { details: { reason: "ORDER" } });
  if (order.paymentStatus !== "PENDING") return { outcome: "ALREADY_PAID", orderNo: order.orderNo };
  if (input.amount !== order.total)
    throw new AppError("INVALID_INPUT", `Paid ${input.amount} but the order is ${order.total}.`, {
      details: { reason: "PAID_AMOUNT", paid: input.amount, total: order.total },
    });
  try {
    const outcome = await withTransaction(db, (tx) => payInTransaction(tx, input, paidAt));
    notifyStockChanged();
    return { outcome, orderNo: order.orderNo };
  } catch (error) {
    if (!(error instanceof StockGone)) throw error;
    const outcome = await withTransaction(db, (tx) => keepCancelled(tx, input, paidAt));
    notifyStockChanged();
    return { outcome, orderNo: order.orderNo };
  }
}

async function payInTransaction(
  tx: Tx,
  input: { orderId: string; provider: PaymentProvider },
  paidAt: Date,
): Promise<ConfirmPaymentOutcome> {
  const before = await tx.order.findUniqueOrThrow({ where: { id: input.orderId } });
  const flipped = await tx.order.updateMany({
    where: {
      id: input.orderId,
      paymentStatus: "PENDING",
      status: { in: ["PENDING_PAYMENT", "CANCELLED"] },
    },
    data: {
      status: "PAID",
      paymentStatus: "PAID",
      paidAt,
      paymentProvider: input.provider,
      cancelledAt: null,
    },
  });
  if (flipped.count === 0) return "ALREADY_PAID";

  const revive = before.status === "CANCELLED";
  const fulfilments = await tx.fulfilmentOrder.findMany({
    where: {
      orderId: input.orderId,
      status: {
        notIn: revive
          ? ["REJECTED", ...DONE_FULFILMENT]
          : [...CLOSED_FULFILMENT, ...DONE_FULFILMENT],
      },
    },
    include: { lines: { include: { orderLine: true } } },
  });
  const lines = fulfilments
    .flatMap((fo) => fo.lines.map((line) => ({ fo, line })))
    .sort(
      (a, b) => a.line.skuId.localeCompare(b.line.skuId) || a.fo.nodeId.localeCompare(b.fo.nodeId),
    );
  for (const { fo, line } of lines) {
    const hold = await tx.reservation.findFirst({
      where: {
        orderId: input.orderId,
        orderLineId: line.orderLineId,
        skuId: line.skuId,
        nodeId: fo.nodeId,
        status: "ACTIVE",
      },
    });
    if (hold?.kind === "ORDER_ALLOCATION") continue;
    if (hold && hold.expiresAt && hold.expiresAt > paidAt) {
      await confirmReservation(tx, { reservationId: hold.id, now: paidAt });
      continue;
    }
    if (hold) await releaseHolds(tx, [hold], "hold lapsed before payment", paidAt);
    try {
      await reserveStock(tx, {
        channelId: before.channelId,
        skuId: line.skuId,
        nodeId: fo.nodeId,
        quantity: line.quantity,
        kind: "ORDER_ALLOCATION",
        orderId: input.orderId,
        orderLineId: line.orderLineId,
        now: paidAt,
      });
    } catch (error) {
      if (isAppError(error) && error.code === "OUT_OF_STOCK") throw new StockGone();
      throw error;
    }
  }
  await keepPresaleDemand(tx, input.orderId, before.channelId, lines, paidAt);
  const revived = fulfilments.filter((f) => f.status === "CANCELLED");
  // A revived order takes its nodes' capacity again, for the day it is paid; a full node is
  // like stock gone: the payment is refunded.
  const capacityDay =
    revived.length > 0
      ? await takeNodeCapacity(tx, { nodeIds: revived.map((f) => f.nodeId), now: paidAt }).catch(
          (error: unknown) => {
            if (isAppError(error) && error.details?.reason === "NODE_AT_CAPACITY")
              throw new StockGone();
            throw error;
          },
        )
      : null;
  for (const fo of revived) {
    await tx.fulfilmentOrder.update({
      where: { id: fo.id },
      data: { status: "ROUTED", capacityDay },
    });
    await logFulfilmentEvent(tx, {
      fulfilmentOrderId: fo.id,
      from: "CANCELLED",
      to: "ROUTED",
      note: "paid after the hold lapsed",
    });
  }
  if (revive) {
    await respendCoupon(tx, before, paidAt);
    await respendRedeemedPoints(tx, before);
    await respendEmployeeQuota(tx, before);
  }
  await awardPointsForPaidOrder(tx, { orderId: input.orderId });
  await bookSale(tx, { orderId: input.orderId, paidAt });
  await recordChannelOrderEvent(tx, {
    orderId: input.orderId,
    kind: "PAID",
    dedupeKey: `PAID:${input.orderId}`,
  });
  return "PAID";
}

/**
 * Paid presale demand waits for inbound as long as it takes: its payment deadline is cleared,
 * whether it still waits or was already allocated on receipt. Demand that lapsed (the order was
 * cancelled) is counted against the presale cap again, unless a fulfilment line revived above
 * already covers it; a cap now full means the goods are gone.
 */
async function keepPresaleDemand(
  tx: Tx,
  orderId: string,
  channelId: string,
  revived: readonly { line: { orderLineId: string } }[],
  paidAt: Date,
): Promise<void> {
  await tx.reservation.updateMany({
    where: {
      orderId,
      status: { in: [...OPEN_RESERVATION] },
      kind: { in: ["PRESALE", "ORDER_ALLOCATION"] },
    },
    data: { expiresAt: null },
  });
  const presaleLines = await tx.orderLine.findMany({
    where: { orderId, isPresale: true },
    select: { id: true, skuId: true, quantity: true },
    orderBy: { skuId: "asc" },
  });
  const coveredByFulfilment = new Set(revived.map((r) => r.line.orderLineId));
  for (const line of presaleLines) {
    if (coveredByFulfilment.has(line.id)) continue;
    const open = await tx.reservation.count({
      where: { orderId, orderLineId: line.id, status: { in: [...OPEN_RESERVATION] } },
    });
    if (open > 0) continue;
    try {
      await reservePresale(tx, {
        channelId,
        skuId: line.skuId,
        quantity: line.quantity,
        orderId,
        orderLineId: line.id,
        now: paidAt,
      });
    } catch (error) {
      if (isAppError(error) && error.code === "OUT_OF_STOCK") throw new StockGone();
      throw error;
    }
  }
}

/**
 * Cancelling gave the employee's quota back; paying after all takes it again from the period the
 * order was placed in, under the employee's policy now. A quota used up meanwhile means the order
 * cannot be revived as priced: it stays cancelled and is refunded.
 */
async function respendEmployeeQuota(
  tx: Tx,
  order: { id: string; employeeId: string | null; quotaPeriodKey: string | null; subtotal: number },
): Promise<void> {
  if (!order.employeeId || !order.quotaPeriodKey) return;
  const employee = await tx.employee.findUniqueOrThrow({
    where: { id: order.employeeId },
    include: { quotaPolicy: true },
  });
  const policy = employee.quotaPolicy;
  const lines = await tx.orderLine.findMany({
    where: { orderId: order.id },
    select: { skuId: true, quantity: true },
  });
  try {
    await consumeEmployeeQuota(tx, {
      employeeId: order.employeeId,
      periodKey: order.quotaPeriodKey,
      period: policy.period,
      limits: { maxUnits: policy.maxUnits, maxSpend: policy.maxSpend, maxPerSku: policy.maxPerSku },
      lines,
      spend: order.subtotal,
    });
  } catch (error) {
    if (isAppError(error) && error.code === "QUOTA_EXCEEDED") throw new StockGone();
    throw error;
  }
}

/** Cancelling gave the coupon claim back; paying the order after all spends that claim again. */
async function respendCoupon(
  tx: Tx,
  order: { id: string; couponClaimId: string | null },
  paidAt: Date,
): Promise<void> {
  if (!order.couponClaimId) return;
  const still = await tx.memberCoupon.count({
    where: { id: order.couponClaimId, orderId: order.id, status: "REDEEMED" },
  });
  if (still > 0) return;
  const spent = await respendCouponClaim(tx, {
    memberCouponId: order.couponClaimId,
    orderId: order.id,
    now: paidAt,
  });
  if (!spent) throw new StockGone();
}

/** Cancelling gave the redeemed points back; paying the order after all spends them again. */
async function respendRedeemedPoints(
  tx: Tx,
  order: { id: string; memberId: string | null; pointsRedeemed: number },
): Promise<void> {
  if (!order.memberId || order.pointsRedeemed <= 0) return;
  const [given, spent] = await Promise.all([
    tx.pointsEntry.count({ where: { orderId: order.id, reason: "ORDER_CANCELLED" } }),
    tx.pointsEntry.count({ where: { orderId: order.id, reason: "ORDER_REDEEMED" } }),
  ]);
  if (given < spent) return;
  const taken = await tx.member.updateMany({
    where: { id: order.memberId, pointsBalance: { gte: order.pointsRedeemed } },
    data: { pointsBalance: { decrement: order.pointsRedeemed } },
  });
  if (taken.count === 0) throw new StockGone();
  await tx.pointsEntry.create({
    data: {
      memberId: order.memberId,
      delta: -order.pointsRedeemed,
      reason: "ORDER_REDEEMED",
      orderId: order.id,
    },
  });
}

/** The money arrived but the goods are gone: the order is (stays) cancelled, to be refunded. */
async function keepCancelled(
  tx: Tx,
  input: { orderId: string; provider: PaymentProvider },
  paidAt: Date,
): Promise<ConfirmPaymentOutcome> {
  const flipped = await tx.order.updateMany({
    where: { id: input.orderId, paymentStatus: "PENDING" },
    data: {
      status: "CANCELLED",
      paymentStatus: "PAID",
      paidAt,
      paymentProvider: input.provider,
      cancelledAt: paidAt,
    },
  });
  if (flipped.count === 0) return "ALREADY_PAID";
  const holds = await tx.reservation.findMany({
    where: { orderId: input.orderId, status: { in: [...OPEN_RESERVATION] } },
  });
  await releaseHolds(tx, holds, "paid too late: stock gone, refunding", paidAt);
  const open = await tx.fulfilmentOrder.findMany({
    where: {
      orderId: input.orderId,
      status: { notIn: [...CLOSED_FULFILMENT, ...DONE_FULFILMENT] },
    },
  });
  for (const fo of open) {
    await tx.fulfilmentOrder.update({ where: { id: fo.id }, data: { status: "CANCELLED" } });
    await logFulfilmentEvent(tx, {
      fulfilmentOrderId: fo.id,
      from: fo.status,
      to: "CANCELLED",
      note: "stock gone before payment",
    });
  }
  await giveBackNodeCapacity(
    tx,
    open.map((fo) => fo.id),
  );
  // The money was received: booked as a sale (no store ships it), reversed by its refund.
  await bookSale(tx, { orderId: input.orderId, paidAt });
  return "REFUND_NEEDED";
}
