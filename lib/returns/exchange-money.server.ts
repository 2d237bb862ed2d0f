import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { recordSucceededCharge } from "@/lib/payments/record-charge.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { finishReturn } from "./refund-return.server";

/**
 * The money of an exchange, each step keyed so that a second press repeats none: the returned
 * value R pays for the new order's total T as credit C = min(R, T) (a REFUND of the old order
 * with provider EXCHANGE_CREDIT, linking the return to the new order, and closing it when
 * R ≤ T); R − T is refunded through the old order's original payment (closing the return); the
 * new order is charged C as EXCHANGE_CREDIT and the rest at the till, then confirmed paid.
 */
export async function settleExchange(
  db: Db,
  input: {
    taken: { returnId: string; rmaNo: string; orderId: string; value: number };
    placed: { orderId: string; orderNo: string; total: number };
    stripe?: Stripe;
    now: Date;
  },
): Promise<{ toPay: number }> {
  const { taken, placed, now } = input;
  const value = taken.value;
  const total = placed.total;
  const credit = Math.min(value, total);
  const done = await refundsOf(db, taken.returnId);
  if (credit > 0 && !done.credit)
    await refundOrderPayment(db, {
      orderId: taken.orderId,
      amount: credit,
      reason: `exchange ${taken.rmaNo}`,
      now,
      refundFor: {
        returnId: taken.returnId,
        asCredit: true,
        onRecorded: (tx, refund) =>
          linkExchange(
            tx,
            taken.returnId,
            placed.orderId,
            value <= total ? refund.at : null,
            value,
          ),
      },
    });
  // Nothing carried over (nothing to carry, or nothing left to refund): linked on its own.
  await withTransaction(db, (tx) =>
    linkExchange(tx, taken.returnId, placed.orderId, value <= total ? now : null, value),
  );
  if (value > total && !done.money)
    await refundOrderPayment(db, {
      orderId: taken.orderId,
      amount: value - total,
      reason: `exchange ${taken.rmaNo}: cheaper size`,
      stripe: input.stripe,
      now,
      refundFor: {
        returnId: taken.returnId,
        onRecorded: (tx, refund) => finishReturn(tx, taken.returnId, value, refund.at),
      },
    });

  // Charged what was actually carried over: the books of both orders then agree.
  const credited = (await refundsOf(db, taken.returnId)).credit;
  const toPay = total - credited;
  await payNewOrder(db, { orderId: placed.orderId, returnId: taken.returnId, credited, toPay });
  const paid = await confirmOrderPayment(db, {
    orderId: placed.orderId,
    provider: toPay > 0 ? "IN_STORE" : "EXCHANGE_CREDIT",
    amount: total,
    paidAt: now,
  });
  await refuseIfSoldMeanwhile(db, placed, paid.outcome);
  return { toPay };
}

/** What was given back for the return so far: as exchange credit, and in money. */
async function refundsOf(db: Db, returnId: string): Promise<{ credit: number; money: number }> {
  const refunds = await db.payment.findMany({
    where: { returnId, kind: "REFUND", status: { not: "FAILED" } },
    select: { provider: true, amount: true },
  });
  const sum = (credit: boolean) =>
    refunds
      .filter((r) => (r.provider === "EXCHANGE_CREDIT") === credit)
      .reduce((s, r) => s + r.amount, 0);
  return { credit: sum(true), money: sum(false) };
}

/**
 * Links the return to the order given in exchange and, when no money goes back (`closeAt` set),
 * closes it as refunded. Linking is once: a return refunded otherwise meanwhile is refused.
 */
async function linkExchange(
  tx: Tx,
  returnId: string,
  orderId: string,
  closeAt: Date | null,
  value: number,
): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string; exchangeOrderId: string | null }[]>`
    SELECT status::text AS status, "exchangeOrderId" FROM "Return" WHERE id = ${returnId} FOR UPDATE`;
  const row = rows[0];
  if (!row || row.exchangeOrderId === orderId) return;
  if (row.status !== "RECEIVED" || row.exchangeOrderId !== null)
    throw new AppError("CONFLICT", `This return is already ${row.status.toLowerCase()}.`, {
      details: { reason: "RETURN_STATE", status: row.status },
    });
  await tx.return.update({ where: { id: returnId }, data: { exchangeOrderId: orderId } });
  if (closeAt) await finishReturn(tx, returnId, value, closeAt);
}

/** The new order's charges: the credit carried over, the rest paid at the till; each once. */
async function payNewOrder(
  db: Db,
  input: { orderId: string; returnId: string; credited: number; toPay: number },
): Promise<void> {
  try {
    await withTransaction(db, async (tx) => {
      if (input.credited > 0)
        await recordSucceededCharge(tx, {
          orderId: input.orderId,
          provider: "EXCHANGE_CREDIT",
          amount: input.credited,
          chargeRef: `exchange_credit_in_${input.returnId}`,
        });
      if (input.toPay > 0)
        await recordSucceededCharge(tx, {
          orderId: input.orderId,
          provider: "IN_STORE",
          amount: input.toPay,
          chargeRef: `in_store_${input.orderId}`,
        });
    });
  } catch (error) {
    // A racing press recorded the same charges.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * The new size was taken between the order and its payment: the new order stays cancelled and
 * what paid for it (credit and till) is given back at the till.
 */
async function refuseIfSoldMeanwhile(
  db: Db,
  placed: { orderId: string; orderNo: string },
  outcome: string,
): Promise<void> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: placed.orderId },
    select: { status: true },
  });
  if (outcome !== "REFUND_NEEDED" && order.status !== "CANCELLED") return;
  await refundOrderPayment(db, {
    orderId: placed.orderId,
    reason: "exchange: the new size was taken meanwhile, paid back at the till",
  });
  throw new AppError("OUT_OF_STOCK", "The new size was taken meanwhile: pay the customer back.", {
    details: { reason: "SOLD_MEANWHILE", orderNo: placed.orderNo },
  });
}
