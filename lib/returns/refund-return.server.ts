import "server-only";
import type Stripe from "stripe";
import { giveBackEmployeeQuota } from "@/lib/employee/consume-quota.server";
import { AppError } from "@/lib/errors/app-error";
import type { Db, Tx } from "@/lib/db/transaction.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { lockReturn, type ReturnActor } from "./return-counter.server";
import { pointsToTakeBack } from "./return-rules";

export const RETURN_POINTS_REASON = "ORDER_RETURNED";

export type RefundedReturn = { returnId: string; refunded: number; already: boolean };

/**
 * Pays a received return back through the order's original payment (Stripe refund, demo, or
 * money back at the till), exactly once: the provider call is keyed by the return, and the
 * refund row, its settlement reversals, the points the returned goods had earned, the employee
 * quota they used and the return's REFUNDED state are written in one transaction, which a
 * second press or a second member of staff cannot repeat.
 */
export async function refundReturn(
  db: Db,
  input: { actor: ReturnActor; returnId: string; stripe?: Stripe; now?: Date },
): Promise<RefundedReturn> {
  const ret = await db.return.findUnique({
    where: { id: input.returnId },
    select: {
      id: true,
      orderId: true,
      status: true,
      refundAmount: true,
      receivingNodeId: true,
    },
  });
  if (!ret)
    throw new AppError("NOT_FOUND", "No return with this code or number.", {
      details: { reason: "RETURN" },
    });
  if (ret.status === "REQUESTED" || ret.status === "REJECTED")
    throw new AppError("CONFLICT", "Receive the goods before refunding them.", {
      details: { reason: "RETURN_STATE", status: ret.status },
    });
  assertMayRefund(input.actor, ret.receivingNodeId);
  if (ret.status === "REFUNDED") return { returnId: ret.id, refunded: 0, already: true };
  // What is left to refund is checked under the order's lock, in refundOrderPayment
  // (REFUND_ABOVE_PAID), so two returns refunded at once cannot both pass.
  const now = input.now ?? new Date();
  if (ret.refundAmount === 0) {
    await db.$transaction((tx) => finishReturn(tx, ret.id, 0, now));
    return { returnId: ret.id, refunded: 0, already: false };
  }
  const { refunded } = await refundOrderPayment(db, {
    orderId: ret.orderId,
    amount: ret.refundAmount,
    reason: `return ${ret.id}`,
    stripe: input.stripe,
    now,
    refundFor: {
      returnId: ret.id,
      onRecorded: (tx, refund) => finishReturn(tx, ret.id, refund.amount, refund.at),
    },
  });
  return { returnId: ret.id, refunded, already: refunded === 0 };
}

function assertMayRefund(actor: ReturnActor, receivingNodeId: string | null): void {
  if (actor.role === "ADMIN") return;
  if (actor.role === "STORE_STAFF" && actor.storeNodeId && actor.storeNodeId === receivingNodeId)
    return;
  throw new AppError("FORBIDDEN", "This return was received at another store.", {
    details: { reason: "OTHER_STORE" },
  });
}

/** The return is refunded: points earned on its goods taken back, employee quota given back. */
export async function finishReturn(
  tx: Tx,
  returnId: string,
  refunded: number,
  at: Date,
): Promise<void> {
  const ret = await lockReturn(tx, returnId, "RECEIVED");
  await tx.return.update({
    where: { id: ret.id },
    data: { status: "REFUNDED", refundedAt: at },
  });
  const order = await tx.order.findUniqueOrThrow({
    where: { id: ret.orderId },
    select: {
      total: true,
      shippingFee: true,
      memberId: true,
      pointsEarned: true,
      employeeId: true,
      quotaPeriodKey: true,
    },
  });
  await takeBackPoints(tx, ret.orderId, order, refunded);
  if (order.employeeId && order.quotaPeriodKey) {
    const lines = await tx.returnLine.findMany({
      where: { returnId: ret.id, condition: { in: ["RESALABLE", "DAMAGED"] } },
      select: { quantity: true, orderLine: { select: { skuId: true } } },
    });
    await giveBackEmployeeQuota(tx, {
      employeeId: order.employeeId,
      periodKey: order.quotaPeriodKey,
      lines: lines.map((l) => ({ skuId: l.orderLine.skuId, quantity: l.quantity })),
      spend: Math.min(refunded, order.total - order.shippingFee),
    });
  }
}

async function takeBackPoints(
  tx: Tx,
  orderId: string,
  order: { memberId: string | null; pointsEarned: number; total: number; shippingFee: number },
  refunded: number,
): Promise<void> {
  if (!order.memberId || order.pointsEarned <= 0) return;
  const [refunds, takenBefore] = await Promise.all([
    tx.payment.aggregate({
      where: { orderId, kind: "REFUND", status: { not: "FAILED" }, returnId: { not: null } },
      _sum: { amount: true },
    }),
    tx.pointsEntry.aggregate({
      where: { orderId, reason: RETURN_POINTS_REASON },
      _sum: { delta: true },
    }),
  ]);
  const goodsPaid = order.total - order.shippingFee;
  const due = pointsToTakeBack({
    pointsEarned: order.pointsEarned,
    goodsPaid,
    refundedGoods: Math.min(refunds._sum.amount ?? refunded, goodsPaid),
    takenBefore: -(takenBefore._sum.delta ?? 0),
  });
  if (due <= 0) return;
  // Points already spent elsewhere cannot be taken twice: the balance never goes below zero.
  const rows = await tx.$queryRaw<{ taken: number }[]>`
    WITH before AS (SELECT "pointsBalance" AS b FROM "Member" WHERE id = ${order.memberId} FOR UPDATE)
    UPDATE "Member" m SET "pointsBalance" = m."pointsBalance" - LEAST(before.b, ${due}::int)
    FROM before WHERE m.id = ${order.memberId}
    RETURNING LEAST(before.b, ${due}::int)::int AS taken`;
  const taken = rows[0]?.taken ?? 0;
  if (taken <= 0) return;
  await tx.pointsEntry.create({
    data: { memberId: order.memberId, delta: -taken, reason: RETURN_POINTS_REASON, orderId },
  });
}
